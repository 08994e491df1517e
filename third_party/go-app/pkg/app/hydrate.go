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
	"encoding/json"
	"reflect"

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
// mounted and its nodes, which get their JavaScript values once the page
// has been adopted.
type hydration struct {
	tree  []any
	nodes []hydratedNode
}

type hydratedNode struct {
	ctx  Context
	node UI
}

// Hydrate mounts v at depth over root, the element the server rendered
// for it, keeping root and what it holds where they fit v's rendering.
func (m nodeManager) Hydrate(ctx Context, depth uint, v UI, root Value) (UI, error) {
	var h hydration
	v, err := m.prepare(ctx, depth, v, &h)
	if err != nil {
		return nil, err
	}
	tree, err := json.Marshal(h.tree)
	if err != nil {
		return nil, errors.New("describing the tree to hydrate failed").Wrap(err)
	}
	values := Window().Call("goappHydrate", root, string(tree))
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
		h.tree = append(h.tree, hydrateText, v.value)
		h.nodes = append(h.nodes, hydratedNode{ctx: ctx, node: v})
		return v, nil

	case *raw:
		h.tree = append(h.tree, hydrateRaw, v.value)
		h.nodes = append(h.nodes, hydratedNode{ctx: ctx, node: v})
		return v, nil

	case HTML:
		h.tree = append(h.tree, hydrateElement, v.Tag(), v.XMLNamespace())
		h.nodes = append(h.nodes, hydratedNode{ctx: ctx, node: v})
		var plain, properties []any
		for name, value := range v.attrs() {
			if propertyAttributes[name] {
				properties = append(properties, name)
				continue
			}
			plain = append(plain, name, resolveAttributeURLValue(name, value, ctx.ResolveStaticResource))
		}
		h.tree = append(h.tree, len(plain)/2)
		h.tree = append(h.tree, plain...)
		h.tree = append(h.tree, len(properties))
		h.tree = append(h.tree, properties...)

		v = v.setDepth(depth).(HTML)
		children := v.body()
		h.tree = append(h.tree, len(children))
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
