package app

import (
	"html"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedCode is the full page's "Embed" button: its panel has the options
// of an embed (theme, the parts it hides, where it starts), the code that
// puts it into another page for each kind of page (embedTargets), with a
// Copy button, and a preview of the embed those options make. Nothing of
// the panel, the preview's embed least of all, loads until it is opened.
type embedCode struct {
	goapp.Compo

	// IView is the view on screen, IID and ITitle its timeline's id and
	// title.
	IView  ViewState
	IID    string
	ITitle string

	open   bool
	copied string
	// The reader's choices, kept while the page lives: chosen says they
	// were taken from the view on screen when the panel first opened.
	chosen bool
	theme  string          // a theme of embedThemes
	shown  map[string]bool // the parts of hideable the embed shows, by name
	whole  bool            // start at the whole timeline, not the view on screen
	target string          // the id of an embedTargets' code shown
	// outside closes the panel on a press outside it, from OnMount until
	// OnDismount.
	outside goapp.Func
}

func newEmbedCode() *embedCode { return &embedCode{} }

// Embed sets what to embed: the view on screen of the timeline id, whose
// title is title.
func (c *embedCode) Embed(view ViewState, id, title string) *embedCode {
	c.IView, c.IID, c.ITitle = view, id, title
	return c
}

// embedThemes are the themes an embed may have, as the panel offers them:
// its value of theme= and the label of its choice.
var embedThemes = []struct {
	theme string
	label func() string
}{
	{ThemeAuto, embedThemeAutoLabel},
	{ThemeLight, embedThemeLightLabel},
	{ThemeDark, embedThemeDarkLabel},
	{ThemeHost, embedThemeHostLabel},
}

// embedPartLabels are the labels of the parts of hideable, by name.
var embedPartLabels = map[string]func() string{
	"title":   embedShowTitleLabel,
	"legend":  embedShowLegendLabel,
	"events":  embedShowEventsLabel,
	"sources": embedShowSourcesLabel,
}

// embedURLs are the URLs that an embed's codes are made of.
type embedURLs struct {
	origin string // the site's origin, https://host
	embed  string // the embed's page, /embed/{id}?…, with the origin
	page   string // the timeline's full page with the same query, /t/{id}?…
	image  string // the picture of the view, /t/{id}.png?… (PictureURL)
	title  string // the timeline's title
}

// An embedTarget is a kind of page that an embed goes into, with the code
// to paste there, HTML whose every value is escaped.
type embedTarget struct {
	id          string
	label, hint func() string
	code        func(u embedURLs) string
}

// embedTargets are the codes of an embed, the recommended first.
var embedTargets = []embedTarget{
	{embedScriptID, embedScriptLabel, embedScriptHint, func(u embedURLs) string {
		// A reader without scripts sees the view's picture, a link to it;
		// nobody else fetches it (a <noscript>'s content is never parsed
		// where scripts run).
		return `<div data-liaison-src="` + html.EscapeString(u.embed) + `"><noscript>` +
			`<a href="` + html.EscapeString(u.page) + `"><img src="` + html.EscapeString(u.image) + `" alt="` + html.EscapeString(u.title) +
			`" style="max-width:100%;height:auto"></a></noscript></div>` + "\n" +
			`<script src="` + html.EscapeString(u.origin+SitePath("/embed.js")) + `" async></script>`
	}},
	{embedElementID, embedElementLabel, embedElementHint, func(u embedURLs) string {
		// The link inside is what a reader sees where embed.js does not run
		// (docs/embedding.md), and the iframe's title where it does.
		return `<liaison-timeline src="` + html.EscapeString(u.embed) + `">` + "\n" +
			`  <a href="` + html.EscapeString(u.page) + `">` + html.EscapeString(u.title) + `</a>` + "\n" +
			`</liaison-timeline>` + "\n" +
			`<script src="` + html.EscapeString(u.origin+SitePath("/embed.js")) + `" async></script>`
	}},
	{embedIframeID, embedIframeLabel, embedIframeHint, func(u embedURLs) string {
		return `<iframe src="` + html.EscapeString(u.embed) + `" title="` + html.EscapeString(u.title) +
			`" width="100%" height="720" style="border:0" loading="lazy"></iframe>`
	}},
	// AMP sizes an amp-iframe by the ratio of its width and height until
	// the embed reports its height (web/frame.js's embed-size), which
	// `resizable` lets it take; AMP shows the overflow element where it
	// may not resize yet. The picture holds the embed's place meanwhile.
	{embedAMPID, embedAMPLabel, embedAMPHint, func(u embedURLs) string {
		return `<amp-iframe src="` + html.EscapeString(u.embed) + `" title="` + html.EscapeString(u.title) +
			`" width="800" height="720" layout="responsive" resizable frameborder="0"` +
			` sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox">` + "\n" +
			`  <amp-img src="` + html.EscapeString(u.image) + `" alt="` + html.EscapeString(u.title) + `" layout="fill" placeholder></amp-img>` + "\n" +
			`  <div overflow tabindex="0" role="button">` + html.EscapeString(embedAMPMore()) + `</div>` + "\n" +
			`</amp-iframe>`
	}},
	{embedURLID, embedURLLabel, embedURLHint, func(u embedURLs) string { return u.page }},
}

// embedded is the view that the embed shows: the view on screen or the
// whole timeline, in the page's language, with the reader's choices.
func (c *embedCode) embedded() ViewState {
	v := c.IView
	if c.whole {
		v = ViewState{Lang: v.Lang}
	}
	v.Find, v.Unusable = "", nil
	v.Theme = c.theme
	if v.Theme == ThemeAuto {
		v.Theme = ""
	}
	for _, p := range hideable {
		*p.field(&v) = !c.shown[p.name]
	}
	return v
}

// urls are the URLs of the embed of the view v, for the site's origin
// (OriginEnv, else this page's).
func (c *embedCode) urls(v ViewState) embedURLs {
	origin := goapp.Getenv(OriginEnv)
	if origin == "" && goapp.IsClient {
		origin = goapp.Window().Get("location").Get("origin").String()
	}
	return embedURLs{
		origin: origin,
		embed:  origin + v.URL(SitePath(EmbedPath(c.IID))).String(),
		page:   origin + v.URL(SitePath(TimelinePath(c.IID))).String(),
		image:  origin + SitePath(PictureURL(c.IID, v, false)),
		title:  c.ITitle,
	}
}

func (c *embedCode) Render() goapp.UI {
	return goapp.Div().Class("embed-code").OnKeyDown(c.onKey).Body(
		goapp.Button().ID(embedToggleID).Class("button", "embed-code__toggle").
			Aria("expanded", ariaBool(c.open)).
			Aria("controls", embedPanelID).
			OnClick(c.toggle).
			Text(embedButtonLabel()),
		goapp.If(c.open, c.renderPanel),
	)
}

// toggle opens or closes the panel. It opens first with the choices of
// the view on screen: its theme, the parts it hides, and its view.
func (c *embedCode) toggle(ctx goapp.Context, e goapp.Event) {
	c.open, c.copied = !c.open, ""
	if !c.open || c.chosen {
		return
	}
	c.chosen = true
	c.theme = c.IView.Theme
	if c.theme == "" {
		c.theme = ThemeAuto
	}
	c.shown = map[string]bool{}
	for _, p := range hideable {
		c.shown[p.name] = !*p.field(&c.IView)
	}
	c.target = embedScriptID
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
	v := c.embedded()
	urls := c.urls(v)
	target := embedTargets[0]
	for _, t := range embedTargets {
		if t.id == c.target {
			target = t
		}
	}
	return goapp.Section().ID(embedPanelID).Class("embed-code__panel").Aria("label", embedPanelLabel()).Body(
		goapp.Div().Class("embed-code__options").Body(
			embedChoices("embed-theme", embedThemeLegend(), len(embedThemes),
				func(i int) (string, string, bool) {
					return embedThemes[i].theme, embedThemes[i].label(), c.theme == embedThemes[i].theme
				},
				func(value string) { c.theme = value }),
			goapp.FieldSet().Class("embed-code__choices").Body(
				goapp.Legend().Class("embed-code__legend").Text(embedShowLegend()),
				goapp.Range(hideable).Slice(func(i int) goapp.UI {
					name := hideable[i].name
					id := "embed-show-" + name
					return goapp.Label().For(id).Class("embed-code__choice").Body(
						goapp.Input().Type("checkbox").ID(id).Name("embed-show").Value(name).Checked(c.shown[name]).
							OnChange(func(ctx goapp.Context, e goapp.Event) {
								c.shown[name] = ctx.JSSrc().Get("checked").Bool()
								c.copied = ""
							}),
						goapp.Text(embedPartLabels[name]()),
					)
				}),
			),
			embedChoices("embed-start", embedStartLegend(), 2,
				func(i int) (string, string, bool) {
					if i == 0 {
						return "view", embedStartViewLabel(), !c.whole
					}
					return "whole", embedStartWholeLabel(), c.whole
				},
				func(value string) { c.whole = value == "whole" }),
			embedChoices("embed-target", embedTargetLegend(), len(embedTargets),
				func(i int) (string, string, bool) {
					return embedTargets[i].id, embedTargets[i].label(), target.id == embedTargets[i].id
				},
				func(value string) { c.target = value }),
			goapp.Div().Class("embed-code__field").Body(
				goapp.Label().For(target.id).Class("embed-code__label").Text(target.label()),
				goapp.P().Class("embed-code__hint").Text(target.hint()),
				goapp.Textarea().ID(target.id).Class("embed-code__text").ReadOnly(true).Rows(4).Text(target.code(urls)),
				goapp.Button().Class("button", "embed-code__copy").DataSet("copies", target.id).
					OnClick(func(ctx goapp.Context, e goapp.Event) { c.copy(target.id, target.label()) }, goapp.EventScope(target.id)).
					Text(copyLabel()),
			),
			goapp.P().Class("embed-code__status").Role("status").Text(c.copied),
		),
		goapp.Div().Class("embed-code__preview").Body(
			goapp.P().Class("embed-code__label").ID(embedPreviewID+"-label").Text(embedPreviewLabel()),
			goapp.IFrame().ID(embedPreviewID).Class("embed-code__frame").
				Src(v.URL(SitePath(EmbedPath(c.IID))).String()).
				Title(attrText(embedPreviewLabel())).
				OnLoad(c.tellPreviewTheme),
		),
	)
}

// embedChoices is a group of radio buttons named name, headed legend: n
// choices, each of which choice gives as its value, its label and
// whether it is chosen; choose is told the value the reader chooses.
func embedChoices(name, legend string, n int, choice func(i int) (value, label string, chosen bool), choose func(value string)) goapp.UI {
	return goapp.FieldSet().Class("embed-code__choices").Body(
		goapp.Legend().Class("embed-code__legend").Text(legend),
		goapp.Range(make([]struct{}, n)).Slice(func(i int) goapp.UI {
			value, label, chosen := choice(i)
			id := name + "-" + value
			return goapp.Label().For(id).Class("embed-code__choice").Body(
				goapp.Input().Type("radio").ID(id).Name(name).Value(value).Checked(chosen).
					OnChange(func(ctx goapp.Context, e goapp.Event) { choose(value) }),
				goapp.Text(label),
			)
		}),
	)
}

// tellPreviewTheme tells the preview's embed the scheme of this page, as
// embed.js tells an embed its host page's (theme=host): this page's
// theme, else the reader's system's.
func (c *embedCode) tellPreviewTheme(ctx goapp.Context, e goapp.Event) {
	scheme := c.IView.Theme
	if scheme != ThemeLight && scheme != ThemeDark {
		scheme = ThemeLight
		if goapp.Window().Call("matchMedia", "(prefers-color-scheme: dark)").Get("matches").Bool() {
			scheme = ThemeDark
		}
	}
	message := `{"type":"liaison:theme","theme":"` + scheme + `"}`
	ctx.JSSrc().Get("contentWindow").Call("postMessage", message, goapp.Window().Get("location").Get("origin"))
	ctx.PreventUpdate()
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
