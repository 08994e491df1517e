package app

import (
	"html"
	"math"
	"time"
	"unicode/utf8"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
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
	// outside closes the panel on a press outside it, from OnMount until
	// OnDismount.
	outside goapp.Func
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

// OriginEnv is the variable of go-app's environment (Handler.Env) that
// names where readers reach the site, like https://news.example, when
// the server was told (liaison serve -domain): embed codes then point
// there rather than at whatever host the reader's browser used.
const OriginEnv = "LIAISON_ORIGIN"

// codes are the script form and the iframe form of the embed code, for
// the site's origin (OriginEnv, else this page's). Both are HTML that
// newsrooms paste, so everything in them is escaped.
func (c *EmbedCode) codes() (script, iframe string) {
	origin := goapp.Getenv(OriginEnv)
	if origin == "" && goapp.IsClient {
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
	return goapp.Div().Class("embed-code").OnKeyDown(c.onKey).Body(
		goapp.Button().ID(embedToggleID).Class("button", "embed-code__toggle").
			Aria("expanded", ariaBool(c.open)).
			Aria("controls", embedPanelID).
			OnClick(func(ctx goapp.Context, e goapp.Event) { c.open, c.copied = !c.open, "" }).
			Text(embedButtonLabel),
		goapp.If(c.open, c.renderPanel),
	)
}

// OnMount closes the panel when the reader presses anywhere outside it,
// as menus do.
func (c *EmbedCode) OnMount(ctx goapp.Context) {
	c.outside = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		if c.open && !c.JSValue().Call("contains", args[0].Get("target")).Bool() {
			ctx.Dispatch(func(goapp.Context) { c.open, c.copied = false, "" })
		}
		return nil
	})
	goapp.Window().Call("addEventListener", "pointerdown", c.outside, true)
}

func (c *EmbedCode) OnDismount() {
	goapp.Window().Call("removeEventListener", "pointerdown", c.outside, true)
	c.outside.Release()
}

// onKey closes the panel on Escape, and gives the focus back to the
// button that opened it.
func (c *EmbedCode) onKey(ctx goapp.Context, e goapp.Event) {
	if !c.open || e.Get("key").String() != "Escape" {
		ctx.PreventUpdate()
		return
	}
	c.open, c.copied = false, ""
	focus(embedToggleID)
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
				Text(copyLabel),
		)
	}
	return goapp.Section().ID(embedPanelID).Class("embed-code__panel").Aria("label", embedPanelLabel).Body(
		field(embedScriptID, embedScriptLabel, embedScriptHint, script),
		field(embedIframeID, embedIframeLabel, embedIframeHint, iframe),
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

// An embed's parts above its lists, in CSS pixels (16 a rem), as Chromium
// drew them 800 px wide: the page's padding, top and bottom; the title's
// margin and one line of it, in which about one character in 12 px fits;
// the toolbar and the space to the chart; what choosing people adds (a
// row of chips and a notice); the axis; what a lane adds to its plot (its
// padding and border); the box that more than embedLanes lanes scroll in;
// and under the lanes, the chart's margin, the legend, and a little room
// that shows the lists go on.
const (
	embedPadding      = 24 + 16
	embedTitleMargin  = 24
	embedTitleLine    = 28
	embedTitleCharPx  = 12
	embedToolbar      = 64 + 12
	embedChosenPeople = 48 + 32
	embedAxis         = 36
	embedLaneExtra    = 20.2
	embedLaneBox      = 512
	embedUnderLanes   = 18 + 16 + 77 + 24
)

// EmbedHeight estimates how tall, in CSS pixels, the embed of the view v
// of t is, width pixels wide (640 or more: narrower, names stack over
// their lanes), down to its legend: an iframe that tall shows the whole
// chart, and scrolls to the details, events and sources under it. It is
// the height of embed codes that cannot run embed.js, which sizes the
// iframe to all of its content.
func EmbedHeight(t *data.Timeline, v ViewState, now time.Time, width int) int {
	h := float64(embedPadding + embedToolbar + embedAxis + embedUnderLanes)
	if !v.NoTitle {
		perLine := max(1, (width-embedPadding)/embedTitleCharPx)
		lines := (utf8.RuneCountInString(t.Title) + perLine - 1) / perLine
		h += embedTitleMargin + float64(max(1, lines)*embedTitleLine)
	}
	shown, err := t.Involving(v.People)
	if err != nil {
		shown = t
	} else if len(v.People) > 0 {
		h += embedChosenPeople
	}
	window := plot.Window(shown, now)
	if !v.From.IsZero() {
		window = plot.TimeScale{From: v.From, To: v.To}
	}
	lanes := plot.NewLaneLayout(shown, now, window).Lanes
	var plots float64
	for i := range lanes {
		plots += plotHeight(&lanes[i])*16 + embedLaneExtra
	}
	if len(lanes) > embedLanes {
		plots = min(plots, embedLaneBox)
	}
	return int(math.Ceil(h + plots))
}
