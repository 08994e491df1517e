//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"
)

// go-app reads localStorage as it starts (it drops expired persisted
// states) and panics when the browser refuses it, which ends the
// WebAssembly: every control of the page then dies silently, and an
// embed stops following its content. Browsers refuse storage to a profile
// that blocks site data, to cross-site embeds under strict settings, and
// to a sandboxed iframe without allow-same-origin (WordPress sandboxes
// the iframes of the oEmbed providers it does not know).
//
// Liaison keeps nothing in storage, so where the browser refuses it, the
// page gets an empty storage of its own in memory instead, which goes
// with the page.

// keepStorage gives the window a memory storage in place of each of
// localStorage and sessionStorage that the browser refuses.
func keepStorage() {
	window := js.Global()
	for _, name := range []string{"localStorage", "sessionStorage"} {
		if !storageRefused(window, name) {
			continue
		}
		window.Get("Object").Call("defineProperty", window, name, map[string]any{
			"value":        newMemoryStorage(),
			"configurable": true,
		})
	}
}

// storageRefused reports whether reading window[name] throws, as a
// refused storage does. The read goes through Reflect.get: a property
// that throws when syscall/js reads it directly breaks the WebAssembly.
func storageRefused(window js.Value, name string) (refused bool) {
	defer func() {
		if recover() != nil {
			refused = true
		}
	}()
	window.Get("Reflect").Call("get", window, name)
	return false
}

// newMemoryStorage is a JavaScript object with the methods of Storage
// that go-app uses (getItem, setItem, removeItem, clear, key, length).
func newMemoryStorage() js.Value {
	var keys []string
	values := map[string]string{}
	storage := js.Global().Get("Object").New()
	method := func(name string, f func(args []js.Value) any) {
		storage.Set(name, js.FuncOf(func(this js.Value, args []js.Value) any { return f(args) }))
	}
	arg := func(args []js.Value, i int) string {
		if i >= len(args) {
			return "undefined"
		}
		return js.Global().Call("String", args[i]).String()
	}
	method("getItem", func(args []js.Value) any {
		if v, ok := values[arg(args, 0)]; ok {
			return v
		}
		return nil
	})
	method("setItem", func(args []js.Value) any {
		k := arg(args, 0)
		if _, ok := values[k]; !ok {
			keys = append(keys, k)
		}
		values[k] = arg(args, 1)
		return nil
	})
	method("removeItem", func(args []js.Value) any {
		k := arg(args, 0)
		if _, ok := values[k]; ok {
			delete(values, k)
			for i := range keys {
				if keys[i] == k {
					keys = append(keys[:i], keys[i+1:]...)
					break
				}
			}
		}
		return nil
	})
	method("clear", func(args []js.Value) any {
		keys, values = nil, map[string]string{}
		return nil
	})
	method("key", func(args []js.Value) any {
		i, err := strconv.Atoi(arg(args, 0))
		if err != nil || i < 0 || i >= len(keys) {
			return nil
		}
		return keys[i]
	})
	js.Global().Get("Object").Call("defineProperty", storage, "length", map[string]any{
		"get": js.FuncOf(func(js.Value, []js.Value) any { return len(keys) }),
	})
	return storage
}
