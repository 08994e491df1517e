package app

// Liaison: hydration. go-app mounted the first page by building every
// element again and replacing the page the server had rendered with them:
// a second DOM of the same page, built with one JavaScript call per
// element, attribute and child, then laid out again by the browser. The
// engine now adopts the server's page instead: the tree the WebAssembly
// renders is described in one string, goappHydrate (hydrate_script.go, in
// app.js) keeps each element and text of the page that fits it, mends what
// differs and builds what is missing, and hands the nodes back in one
// array. What the reader focused, scrolled or typed before the WebAssembly
// ran stays where it was.

import (
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// The kinds of node in a hydration's description; goappHydrate knows them.
const (
	hydrateText    = 0
	hydrateElement = 1
	hydrateRaw     = 2
)

// propertyAttributes are the attributes setJSAttribute sets as properties
// rather than with setAttribute: goappHydrate leaves them to it.
var propertyAttributes = map[string]bool{
	"value": true, "contenteditable": true, "ismap": true, "readonly": true,
	"async": true, "autofocus": true, "autoplay": true, "checked": true,
	"default": true, "defer": true, "disabled": true, "hidden": true,
	"loop": true, "multiple": true, "muted": true, "open": true,
	"required": true, "reversed": true, "selected": true,
}

// hydration collects, in pre-order, the description of the tree being
// mounted, as a JSON array, and its nodes, which get their JavaScript
// values once the page has been adopted.
type hydration struct {
	tree  []byte
	nodes []hydratedNode
}

// The description is written by hand: encoding/json's reflection over a
// []any took a third of the hydration at 1,000 relationships.

func (h *hydration) int(n int) {
	h.comma()
	h.tree = strconv.AppendInt(h.tree, int64(n), 10)
}

func (h *hydration) string(s string) {
	h.comma()
	h.tree = appendJSONString(h.tree, s)
}

// comma separates the next item from the one before, if any.
func (h *hydration) comma() {
	if len(h.tree) > 1 {
		h.tree = append(h.tree, ',')
	}
}

// appendJSONString appends s to b as a JSON string; invalid UTF-8 becomes
// U+FFFD, as the browser's decoding of Go's strings does.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

type hydratedNode struct {
	ctx  Context
	node UI
}

// Hydrate mounts v at depth over root, the element the server rendered
// for it, keeping root and what it holds where they fit v's rendering.
func (m nodeManager) Hydrate(ctx Context, depth uint, v UI, root Value) (UI, error) {
	h := hydration{tree: []byte{'['}}
	v, err := m.prepare(ctx, depth, v, &h)
	if err != nil {
		return nil, err
	}
	h.tree = append(h.tree, ']')
	values := Window().Call("goappHydrate", root, string(h.tree))
	if n := values.Length(); n != len(h.nodes) {
		return nil, errors.New("hydration returned another number of nodes").
			WithTag("expected", len(h.nodes)).
			WithTag("returned", n)
	}
	for i, n := range h.nodes {
		value := values.Index(i)
		switch node := n.node.(type) {
		case *text:
			node.jsvalue = value
		case *raw:
			node.jsElement = value
		case HTML:
			node.setJSElement(value)
			for name, attr := range node.attrs() {
				if propertyAttributes[name] {
					setJSAttribute(value, name, attr)
				}
			}
			m.mountHTMLEventHandlers(n.ctx, node)
		}
	}
	return v, nil
}

// prepare does what Mount does, but for the JavaScript calls: it
// describes each element and text instead, to be adopted or built by
// goappHydrate.
func (m nodeManager) prepare(ctx Context, depth uint, v UI, h *hydration) (UI, error) {
	ctx = m.context(ctx, v)
	if v.Mounted() {
		return nil, errors.New("element is already mounted").WithTag("type", reflect.TypeOf(v))
	}
	switch v := v.(type) {
	case *text:
		h.int(hydrateText)
		h.string(v.value)
		h.nodes = append(h.nodes, hydratedNode{ctx: ctx, node: v})
		return v, nil

	case *raw:
		h.int(hydrateRaw)
		h.string(v.value)
		h.nodes = append(h.nodes, hydratedNode{ctx: ctx, node: v})
		return v, nil

	case HTML:
		h.int(hydrateElement)
		h.string(v.Tag())
		h.string(v.XMLNamespace())
		h.nodes = append(h.nodes, hydratedNode{ctx: ctx, node: v})
		attrs := v.attrs()
		properties := 0
		for name := range attrs {
			if propertyAttributes[name] {
				properties++
			}
		}
		h.int(len(attrs) - properties)
		for name, value := range attrs {
			if !propertyAttributes[name] {
				h.string(name)
				h.string(resolveAttributeURLValue(name, value, ctx.ResolveStaticResource))
			}
		}
		h.int(properties)
		for name := range attrs {
			if propertyAttributes[name] {
				h.string(name)
			}
		}

		v = v.setDepth(depth).(HTML)
		children := v.body()
		h.int(len(children))
		for i, child := range children {
			child, err := m.prepare(ctx, depth+1, child, h)
			if err != nil {
				return nil, errors.New("preparing child failed").
					WithTag("tag", v.Tag()).
					WithTag("index", i).
					Wrap(err)
			}
			children[i] = child.setParent(v)
		}
		return v, nil

	case Composer:
		v = v.setRef(v)
		v = v.setDepth(depth)
		if initializer, ok := v.(Initializer); ok {
			initializer.OnInit()
		}
		if mounter, ok := v.(Mounter); ok && IsClient {
			ctx.Dispatch(mounter.OnMount)
		}
		root, err := m.renderComponent(v)
		if err != nil {
			return nil, errors.New("rendering component failed").
				WithTag("type", reflect.TypeOf(v)).
				Wrap(err)
		}
		if root, err = m.prepare(ctx, depth+1, root, h); err != nil {
			return nil, errors.New("preparing component root failed").
				WithTag("type", reflect.TypeOf(v)).
				Wrap(err)
		}
		return v.setRoot(root.setParent(v)), nil

	default:
		return nil, errors.New("unsupported element").WithTag("type", reflect.TypeOf(v))
	}
}
