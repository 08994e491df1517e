package app

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// A ViewState is everything about a view that a reader may share: a copied
// URL reopens the same view. In the query: person=a,b (the filter),
// from=2022&to=2024 (the zoom window), rel=ID or event=ID (the open
// details), at=2022-06 (the "as of" cursor), theme=light|dark|host (else,
// or with theme=auto, the reader's system setting), view=list (tables
// instead of the chart), lang=de (the page's language, else the
// timeline's), find=Lily (a name typed into the filter and sent, which
// the view has not resolved to a person, see findPerson) and, for
// embeds, title=0 and hide=legend,events,sources (see hideable). Dates take the data
// format's forms; ids are
// lower-case, as the data format writes them, whatever case the URL has.
// A value that cannot be used is left out of the view, and kept in
// Unusable, so that the page can say so.
type ViewState struct {
	People []string
	// From and To are the zoom window, both zero for "fit everything".
	From, To time.Time
	// Relationship or Event is the item whose details are open.
	Relationship, Event string
	// At is the cursor's date; zero when there is no cursor.
	At data.Date
	// Theme is "light" or "dark"; "host" to follow the page around an
	// embed, which embed.js tells the embed (web/frame.js), else the
	// reader's system; or empty to follow the reader's system.
	Theme string
	// NoTitle hides the heading of an embed (title=0, or hide=title);
	// NoLegend, NoEvents and NoSources hide its legend, its list of
	// events (the chart keeps their markers) and its sources (hide=).
	NoTitle, NoLegend, NoEvents, NoSources bool
	// List shows the timeline as tables instead of a chart (view=list).
	List bool
	// Lang is the page's language when the URL chooses one, a BCP 47 tag
	// of a language, script and region as CLDR writes it ("de",
	// "pt-BR", "zh-Hant"); "" for the timeline's own.
	Lang string
	// Find is a name typed into the filter and sent, find=: the page
	// shows whom it may mean, or that nobody is called so. Links leave
	// it behind, as they do Unusable.
	Find string
	// Unusable are the parameters of the URL, as it gave them, whose
	// values the view could not use: at=someday, theme=purple. They stay
	// in the view's URL until the reader changes the view.
	Unusable url.Values
}

// ParseViewState reads a view from a URL's query.
func ParseViewState(q url.Values) ViewState {
	v := ViewState{
		People:       data.ParsePersonList(q["person"]),
		Relationship: strings.ToLower(q.Get("rel")),
		Event:        strings.ToLower(q.Get("event")),
		Find:         typedName(q.Get(FindParameter)),
	}
	unusable := func(names ...string) {
		for _, name := range names {
			if value := q.Get(name); value != "" {
				if v.Unusable == nil {
					v.Unusable = url.Values{}
				}
				v.Unusable.Set(name, value)
			}
		}
	}
	if v.Relationship != "" && v.Event != "" {
		v.Event = ""
		unusable("event")
	}
	if q.Get("from") != "" || q.Get("to") != "" {
		from, errFrom := data.ParseDate(q.Get("from"))
		to, errTo := data.ParseDate(q.Get("to"))
		if errFrom == nil && errTo == nil && to.End().After(from.Earliest) {
			v.From, v.To = from.Earliest, to.End()
		} else {
			unusable("from", "to")
		}
	}
	if q.Get("at") != "" {
		if at, err := data.ParseDate(q.Get("at")); err == nil && !at.Interval {
			v.At = at
		} else {
			unusable("at")
		}
	}
	switch t := q.Get("theme"); t {
	case ThemeLight, ThemeDark, ThemeHost:
		v.Theme = t
	case "", ThemeAuto:
	default:
		unusable("theme")
	}
	switch q.Get("title") {
	case "0":
		v.NoTitle = true
	case "", "1":
	default:
		unusable("title")
	}
	if hide := q.Get(HideParameter); hide != "" {
		if !v.hide(hide) {
			unusable(HideParameter)
		}
	}
	switch q.Get("view") {
	case "list":
		v.List = true
	case "", "chart":
	default:
		unusable("view")
	}
	if lang := q.Get("lang"); lang != "" {
		if v.Lang = langTag(lang); v.Lang == "" {
			unusable("lang")
		}
	}
	return v
}

// The themes a view's URL may choose (theme=). ThemeAuto, the reader's
// system, is also what no theme= means, and what a view writes as none.
const (
	ThemeLight = "light"
	ThemeDark  = "dark"
	ThemeHost  = "host"
	ThemeAuto  = "auto"
)

// HideParameter is the parameter that names the parts an embed leaves
// out, comma-separated: hide=title,legend.
const HideParameter = "hide"

// An embedPart is a part of an embed that hide= may name, with the field
// of a view that hides it.
type embedPart struct {
	name  string
	field func(*ViewState) *bool
}

// hideable are the parts of an embed that hide= may name, in the order a
// view writes them. The title is also hidden by title=0, the form a view
// writes: embed codes made before hide= existed keep their meaning, and
// their URL.
var hideable = []embedPart{
	{"title", func(v *ViewState) *bool { return &v.NoTitle }},
	{"legend", func(v *ViewState) *bool { return &v.NoLegend }},
	{"events", func(v *ViewState) *bool { return &v.NoEvents }},
	{"sources", func(v *ViewState) *bool { return &v.NoSources }},
}

// hide hides the parts that list names (hide=legend,events), and
// reports whether it could: a list with a part no embed has hides none
// of them, as a date that cannot be read moves nothing.
func (v *ViewState) hide(list string) bool {
	var fields []*bool
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		i := slices.IndexFunc(hideable, func(p embedPart) bool { return p.name == name })
		if i < 0 {
			return false
		}
		fields = append(fields, hideable[i].field(v))
	}
	for _, f := range fields {
		*f = true
	}
	return true
}

// hidden is the value of hide= for the parts v hides but its title
// (title=0 says that), "" for none.
func (v ViewState) hidden() string {
	var names []string
	for _, p := range hideable[1:] {
		if *p.field(&v) {
			names = append(names, p.name)
		}
	}
	return strings.Join(names, ",")
}

// langTag is lang written as CLDR writes tags, "pt-BR" for "PT-br", when
// it is a language of two or three letters, with a script of four and a
// region of two letters or three digits if any; otherwise "". It is the
// form alone: whether CLDR knows the language, the server's Locale says
// (locale.Locale.Unknown). Extensions and variants are left out, so that
// a page's cache has few keys per language.
func langTag(lang string) string {
	parts := strings.Split(lang, "-")
	if len(parts) > 3 || !letters(parts[0], 2, 3) {
		return ""
	}
	tag := strings.ToLower(parts[0])
	rest := parts[1:]
	if len(rest) > 0 && letters(rest[0], 4, 4) {
		tag += "-" + strings.ToUpper(rest[0][:1]) + strings.ToLower(rest[0][1:])
		rest = rest[1:]
	}
	if len(rest) > 0 && (letters(rest[0], 2, 2) || digits(rest[0], 3)) {
		tag += "-" + strings.ToUpper(rest[0])
		rest = rest[1:]
	}
	if len(rest) > 0 {
		return ""
	}
	return tag
}

// letters reports whether s is from min to max ASCII letters.
func letters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// digits reports whether s is n ASCII digits.
func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Query writes the view as URL parameters, leaving out what is unset.
func (v ViewState) query() url.Values {
	q := url.Values{}
	if len(v.People) > 0 {
		q.Set("person", strings.Join(v.People, ","))
	}
	if !v.From.IsZero() {
		q.Set("from", v.From.Format("2006-01-02"))
		q.Set("to", v.To.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	switch {
	case v.Relationship != "":
		q.Set("rel", v.Relationship)
	case v.Event != "":
		q.Set("event", v.Event)
	}
	if !v.At.IsZero() {
		q.Set("at", v.At.Text)
	}
	if v.Theme != "" {
		q.Set("theme", v.Theme)
	}
	if v.NoTitle {
		q.Set("title", "0")
	}
	if hidden := v.hidden(); hidden != "" {
		q.Set(HideParameter, hidden)
	}
	if v.List {
		q.Set("view", "list")
	}
	if v.Lang != "" {
		q.Set("lang", v.Lang)
	}
	if v.Find != "" {
		q.Set(FindParameter, v.Find)
	}
	for name, values := range v.Unusable {
		q[name] = values
	}
	return q
}

// URL is path with the view's query. Commas stay commas (person=a,b): they
// need no escaping in a query, and readers read URLs.
func (v ViewState) URL(path string) *url.URL {
	return &url.URL{Path: path, RawQuery: strings.ReplaceAll(v.query().Encode(), "%2C", ",")}
}

// link is the href of a link to the view s from a page of its timeline:
// a query alone, which stays on the page's own path however it is named
// (/, /t/{id}, an export's /t/{id}/ under its prefix) and in an embed's
// frame. The server renders it for a reader without the WebAssembly; the
// page follows it in place once the WebAssembly runs (follow). What the
// URL gave that the view could not use is left behind, as navigate does.
func (v ViewState) link() string {
	v.Unusable, v.Find = nil, ""
	return "?" + v.URL("").RawQuery
}

// itemLink is the link that opens the details of the item id, a
// relationship (param rel) or an event (event), from view, the link of a
// view without details: one string to add to, for every bar of a chart.
func itemLink(view, param, id string) string {
	if view != "?" {
		view += "&"
	}
	return view + param + "=" + id
}

// maxFind is how many characters of a typed name a view keeps (find=):
// more than any name has, and all that the search box lets a reader
// type (its maxlength). A longer one, in a URL made by hand, is cut: the
// page quotes it and searches for it.
const maxFind = 200

// typedName is the name typed into the filter, as a view keeps it:
// without the spaces around it, valid UTF-8, at most maxFind characters.
func typedName(s string) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
	if r := []rune(s); len(r) > maxFind {
		s = strings.TrimSpace(string(r[:maxFind]))
	}
	return s
}

// withPeople is the view filtered to ids, with no details open.
func (v ViewState) withPeople(ids []string) ViewState {
	v.People = ids
	v.Relationship, v.Event = "", ""
	return v
}

// withoutDetails is the view with no details open.
func (v ViewState) withoutDetails() ViewState {
	v.Relationship, v.Event = "", ""
	return v
}

// without is the view with the parameter name (rel, event, at or lang)
// left out as unusable: the timeline has no such item, or not in the
// view, the date is outside its years, or CLDR knows no such language.
func (v ViewState) without(name string) ViewState {
	value := v.query().Get(name)
	switch name {
	case "rel":
		v.Relationship = ""
	case "event":
		v.Event = ""
	case "at":
		v.At = data.Date{}
	case "lang":
		v.Lang = ""
	}
	unusable := url.Values{}
	for k, vs := range v.Unusable {
		unusable[k] = vs
	}
	unusable.Set(name, value)
	v.Unusable = unusable
	return v
}

// shortened is s, cut to n characters with an ellipsis if it is longer:
// a link's parameter, quoted back to the reader.
func shortened(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
