package app

import (
	"html"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// EmbedCode is the full page's "Embed" button: it shows the code that puts
// the current view into another page, as a script (self-sizing, the
// recommended form) and as a plain iframe, each with a Copy button.
type EmbedCode struct {
	goapp.Compo

	IID    string
	ITitle string
	// IView is the view to embed; its title and theme choices carry over.
	IView ViewState

	open   bool
	copied string
}

func newEmbedCode() *EmbedCode { return &EmbedCode{} }

// Timeline sets the timeline to embed.
func (c *EmbedCode) Timeline(id, title string) *EmbedCode {
	c.IID, c.ITitle = id, title
	return c
}

// View sets the view to embed.
func (c *EmbedCode) View(v ViewState) *EmbedCode {
	c.IView = v
	return c
}

// codes are the script form and the iframe form of the embed code, for
// this page's origin. Both are HTML that newsrooms paste, so everything in
// them is escaped.
func (c *EmbedCode) codes() (script, iframe string) {
	origin := ""
	if goapp.IsClient {
		origin = goapp.Window().Get("location").Get("origin").String()
	}
	src := html.EscapeString(origin + c.IView.URL(SitePath(EmbedPath(c.IID))).String())
	script = `<div data-liaison-src="` + src + `"></div>` + "\n" +
		`<script src="` + html.EscapeString(origin+SitePath("/embed.js")) + `" async></script>`
	iframe = `<iframe src="` + src + `" title="` + html.EscapeString(c.ITitle) +
		`" width="100%" height="720" style="border:0" loading="lazy"></iframe>`
	return script, iframe
}

func (c *EmbedCode) Render() goapp.UI {
	return goapp.Div().Class("embed-code").Body(
		goapp.Button().Class("button", "embed-code__toggle").
			Aria("expanded", ariaBool(c.open)).
			Aria("controls", "embed-code-panel").
			OnClick(func(ctx goapp.Context, e goapp.Event) { c.open, c.copied = !c.open, "" }).
			Text("Embed"),
		goapp.If(c.open, c.renderPanel),
	)
}

func (c *EmbedCode) renderPanel() goapp.UI {
	script, iframe := c.codes()
	field := func(id, label, hint, code string) goapp.UI {
		return goapp.Div().Class("embed-code__field").Body(
			goapp.Label().For(id).Class("embed-code__label").Text(label),
			goapp.P().Class("embed-code__hint").Text(hint),
			goapp.Textarea().ID(id).Class("embed-code__text").ReadOnly(true).Rows(3).Text(code),
			goapp.Button().Class("button", "embed-code__copy").DataSet("copies", id).
				OnClick(func(ctx goapp.Context, e goapp.Event) { c.copy(id, label) }, goapp.EventScope(id)).
				Text("Copy"),
		)
	}
	return goapp.Section().ID("embed-code-panel").Class("embed-code__panel").Aria("label", "Embed this timeline").Body(
		field("embed-script", "Script (recommended)", "Resizes itself to fit; can mirror the reader's view in your page's URL with data-liaison-sync-url.", script),
		field("embed-iframe", "Plain iframe", "For pages that do not allow scripts; set the height yourself.", iframe),
		goapp.P().Class("embed-code__status").Role("status").Text(c.copied),
	)
}

// copy puts a code on the clipboard, falling back to selecting it (and the
// old copy command) where the clipboard is not available.
func (c *EmbedCode) copy(id, label string) {
	el := goapp.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	el.Call("select")
	goapp.Window().Get("document").Call("execCommand", "copy")
	if clipboard := goapp.Window().Get("navigator").Get("clipboard"); clipboard.Truthy() {
		clipboard.Call("writeText", el.Get("value").String()).Call("catch", ignoreRejection())
	}
	c.copied = label + " code copied."
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
