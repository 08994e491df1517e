package app

import (
	"html"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedCode is the full page's "Embed" button: it shows the code that puts
// the current view into another page, as a script (self-sizing, the
// recommended form) and as a plain iframe, each with a Copy button.
type embedCode struct {
	goapp.Compo

	// ISrc is the path and query of the embed of the view on screen (its
	// title and theme choices carry over), ITitle the timeline's title.
	ISrc   string
	ITitle string

	open   bool
	copied string
	// outside closes the panel on a press outside it, from OnMount until
	// OnDismount.
	outside goapp.Func
}

func newEmbedCode() *embedCode { return &embedCode{} }

// Embed sets what to embed: the path and query of an embed's page, and
// the title of its timeline.
func (c *embedCode) Embed(src, title string) *embedCode {
	c.ISrc, c.ITitle = src, title
	return c
}

// codes are the script form and the iframe form of the embed code, for
// the site's origin (OriginEnv, else this page's). Both are HTML that
// newsrooms paste, so everything in them is escaped.
func (c *embedCode) codes() (script, iframe string) {
	origin := goapp.Getenv(OriginEnv)
	if origin == "" && goapp.IsClient {
		origin = goapp.Window().Get("location").Get("origin").String()
	}
	src := html.EscapeString(origin + c.ISrc)
	script = `<div data-liaison-src="` + src + `"></div>` + "\n" +
		`<script src="` + html.EscapeString(origin+SitePath("/embed.js")) + `" async></script>`
	iframe = `<iframe src="` + src + `" title="` + html.EscapeString(c.ITitle) +
		`" width="100%" height="720" style="border:0" loading="lazy"></iframe>`
	return script, iframe
}

func (c *embedCode) Render() goapp.UI {
	return goapp.Div().Class("embed-code").OnKeyDown(c.onKey).Body(
		goapp.Button().ID(embedToggleID).Class("button", "embed-code__toggle").
			Aria("expanded", ariaBool(c.open)).
			Aria("controls", embedPanelID).
			OnClick(func(ctx goapp.Context, e goapp.Event) { c.open, c.copied = !c.open, "" }).
			Text(embedButtonLabel()),
		goapp.If(c.open, c.renderPanel),
	)
}

// OnMount closes the panel when the reader presses anywhere outside it,
// as menus do.
func (c *embedCode) OnMount(ctx goapp.Context) {
	c.outside = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		if c.open && !c.JSValue().Call("contains", args[0].Get("target")).Bool() {
			ctx.Dispatch(func(goapp.Context) { c.open, c.copied = false, "" })
		}
		return nil
	})
	goapp.Window().Call("addEventListener", "pointerdown", c.outside, true)
	ctx.PreventUpdate() // see timelinePage.OnMount
}

func (c *embedCode) OnDismount() {
	goapp.Window().Call("removeEventListener", "pointerdown", c.outside, true)
	c.outside.Release()
}

// onKey closes the panel on Escape, and gives the focus back to the
// button that opened it.
func (c *embedCode) onKey(ctx goapp.Context, e goapp.Event) {
	if !c.open || e.Get("key").String() != "Escape" {
		ctx.PreventUpdate()
		return
	}
	c.open, c.copied = false, ""
	focus(embedToggleID)
}

func (c *embedCode) renderPanel() goapp.UI {
	script, iframe := c.codes()
	field := func(id, label, hint, code string) goapp.UI {
		return goapp.Div().Class("embed-code__field").Body(
			goapp.Label().For(id).Class("embed-code__label").Text(label),
			goapp.P().Class("embed-code__hint").Text(hint),
			goapp.Textarea().ID(id).Class("embed-code__text").ReadOnly(true).Rows(3).Text(code),
			goapp.Button().Class("button", "embed-code__copy").DataSet("copies", id).
				OnClick(func(ctx goapp.Context, e goapp.Event) { c.copy(id, label) }, goapp.EventScope(id)).
				Text(copyLabel()),
		)
	}
	return goapp.Section().ID(embedPanelID).Class("embed-code__panel").Aria("label", embedPanelLabel()).Body(
		field(embedScriptID, embedScriptLabel(), embedScriptHint(), script),
		field(embedIframeID, embedIframeLabel(), embedIframeHint(), iframe),
		goapp.P().Class("embed-code__status").Role("status").Text(c.copied),
	)
}

// copy puts a code on the clipboard, falling back to selecting it (and the
// old copy command) where the clipboard is not available.
func (c *embedCode) copy(id, label string) {
	el := goapp.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	el.Call("select")
	goapp.Window().Get("document").Call("execCommand", "copy")
	if clipboard := goapp.Window().Get("navigator").Get("clipboard"); clipboard.Truthy() {
		clipboard.Call("writeText", el.Get("value").String()).Call("catch", ignoreRejection())
	}
	c.copied = copiedText(label)
}

var ignore goapp.Func

// ignoreRejection handles a refused clipboard write: the text is selected
// and was copied the old way already.
func ignoreRejection() goapp.Func {
	if ignore == nil {
		ignore = goapp.FuncOf(func(goapp.Value, []goapp.Value) any { return nil })
	}
	return ignore
}
