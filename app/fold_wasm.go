//go:build wasm

package app

import (
	"strings"
	"syscall/js"
)

// foldForSearch is fold.go's, done by the browser's own Unicode tables
// (String.prototype.toUpperCase, toLowerCase and normalize, and a \p{Mn}
// regular expression), which cost the WebAssembly nothing. The texts go
// to JavaScript as one string, a line each: a call per name would cross
// into JavaScript thousands of times. No step makes or removes a line
// break, and a text's own line breaks become spaces, as they read.
func foldForSearch(texts []string) []string {
	if len(texts) == 0 {
		return nil
	}
	lines := make([]string, len(texts))
	for i, s := range texts {
		lines[i] = strings.ReplaceAll(s, "\n", " ")
	}
	// Go calls methods of objects only: a string's are called through
	// String.prototype.
	methods := js.Global().Get("String").Get("prototype")
	call := func(s js.Value, method string, args ...any) js.Value {
		return methods.Get(method).Call("call", append([]any{s}, args...)...)
	}
	s := js.ValueOf(strings.Join(lines, "\n"))
	s = call(call(s, "toUpperCase"), "toLowerCase")
	s = call(s, "normalize", "NFD")
	s = call(s, "replace", js.Global().Get("RegExp").New(`\p{Mn}`, "gu"), "")
	s = call(s, "replaceAll", "ς", "σ")
	return strings.Split(s.String(), "\n")
}
