package server

import (
	"html"
	"io"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestFilterFormFindsPerson sends the person filter's form as a browser
// without the WebAssembly does (find=, with the view's other fields): a
// name that finds one person is a redirect to their view, one that finds
// several or nobody a page that says so, with the name still in the box.
func TestFilterFormFindsPerson(t *testing.T) {
	srv := startServer(t, "")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	long := strings.Repeat("ĳ", 2000) // 4,000 bytes, 12,000 escaped: over the URL's 8 KiB
	tests := []struct {
		what   string
		path   string
		status int
		// location is where a redirect goes. A page says found of the
		// name and links to choices, has value in the search box and
		// the view's other fields; want and notWant are in the page, or
		// not.
		location      string
		found         string
		choices       []string
		value         string
		fields        map[string]string
		want, notWant []string
	}{
		{what: "a unique match", path: "/t/james-norton?find=lily", status: 303,
			location: "/t/james-norton?person=lily-allen"},
		{what: "a whole name, in capitals, added to the people chosen", path: "/t/james-norton?person=lily-allen&find=DAVID++HARBOUR&from=2019&to=2024", status: 303,
			location: "/t/james-norton?from=2019-01-01&person=lily-allen,david-harbour&to=2024-12-31"},
		{what: "an id", path: "/t/james-norton?find=Imogen-Poots", status: 303,
			location: "/t/james-norton?person=imogen-poots"},
		{what: "an embed keeps its title and theme", path: "/embed/james-norton?find=poots&title=0&theme=dark", status: 303,
			location: "/embed/james-norton?person=imogen-poots&theme=dark&title=0"},
		{what: "the home page of one timeline", path: "/?find=harbour", status: 303,
			location: "/?person=david-harbour"},
		{what: "a person chosen already", path: "/t/james-norton?person=lily-allen&find=lily+allen", status: 303,
			location: "/t/james-norton?person=lily-allen"},
		{what: "several people", path: "/t/james-norton?find=a", status: 200,
			found:   "3 people match “a”; choose one:",
			choices: []string{"?person=lily-allen", "?person=james-norton", "?person=david-harbour"}, // "Allen" starts with "a"
			value:   "a", fields: map[string]string{},
			want: []string{`aria-describedby="person-found"`, "autofocus"}},
		{what: "several, in an embed", path: "/embed/james-norton?find=o&title=0&theme=dark", status: 200,
			found:   "3 people match “o”; choose one:",
			choices: []string{"?person=imogen-poots&theme=dark&title=0", "?person=james-norton&theme=dark&title=0", "?person=david-harbour&theme=dark&title=0"},
			value:   "o", fields: map[string]string{"title": "0", "theme": "dark"}},
		{what: "nobody", path: "/t/james-norton?person=lily-allen&find=Lilly+Alen&view=list&rel=lily-allen-david-harbour", status: 200,
			found: "Nobody is called “Lilly Alen”. Check the spelling, or choose a name in the chart.",
			value: "Lilly Alen", fields: map[string]string{"person": "lily-allen", "view": "list"},
			want: []string{`class="chip"`, "autofocus"}},
		{what: "markup", path: "/t/james-norton?find=" + url.QueryEscape(`" onfocus=alert(1) autofocus x="<script>alert(1)</script>`), status: 200,
			found: "Nobody is called “\" onfocus=alert(1) autofocus x=\"<script>alert(1)</script>”. Check the spelling, or choose a name in the chart.",
			value: `" onfocus=alert(1) autofocus x="<script>alert(1)</script>`, fields: map[string]string{},
			notWant: []string{"<script>alert(1)", `" onfocus`}},
		{what: "odd Unicode", path: "/t/james-norton?find=%E2%80%AE%F0%9F%91%A9%E2%80%8D%F0%9F%8E%A4%CC%81%FF%00", status: 200,
			found: "Nobody is called “\u202e👩\u200d🎤\u0301\ufffd\x00”. Check the spelling, or choose a name in the chart.",
			value: "\u202e👩\u200d🎤\u0301\ufffd\ufffd"}, // HTML reads NUL so
		{what: "a long name, cut", path: "/t/james-norton?find=" + strings.Repeat("x", 7000), status: 200,
			found: "Nobody is called “" + strings.Repeat("x", 60) + "…”. Check the spelling, or choose a name in the chart.",
			value: strings.Repeat("x", 200), notWant: []string{strings.Repeat("x", 201)}},
		{what: "nothing typed", path: "/t/james-norton?find=+", status: 200,
			notWant: []string{"filter__found", "autofocus"}},
		{what: "an unknown person chosen", path: "/t/james-norton?person=nobody&find=lily", status: 404, want: []string{
			"This timeline has nobody called “nobody”.",
		}},
		{what: "an unknown timeline", path: "/t/nope?find=lily", status: 404},
		{what: "find twice", path: "/t/james-norton?find=lily&find=james", status: 400},
		{what: "a name over the URL's limit", path: "/t/james-norton?find=" + url.QueryEscape(long), status: 414},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			resp, err := client.Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if got := resp.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			page := string(body)
			if tt.found != "" {
				found := between(page, `class="filter__found-text"`, "</p>")
				if _, text, _ := strings.Cut(found, ">"); html.UnescapeString(text) != tt.found {
					t.Errorf("the page says %q, want %q", html.UnescapeString(text), tt.found)
				}
				var choices []string
				for _, m := range hrefs.FindAllStringSubmatch(between(page, `class="filter__choices"`, "</ul>"), -1) {
					choices = append(choices, html.UnescapeString(m[1]))
				}
				if !slices.Equal(choices, tt.choices) {
					t.Errorf("the page offers %q, want %q", choices, tt.choices)
				}
			}
			if tt.value != "" {
				if got := inputs(page)["find"]; got != tt.value {
					t.Errorf("the search box holds %q, want %q", got, tt.value)
				}
			}
			if tt.fields != nil {
				fields := inputs(page)
				delete(fields, "find")
				if !maps.Equal(fields, tt.fields) {
					t.Errorf("the form sends %q, want %q", fields, tt.fields)
				}
			}
			for _, s := range tt.want {
				if !strings.Contains(string(body), s) {
					t.Errorf("the page lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(string(body), s) {
					t.Errorf("the page has %q", s)
				}
			}
		})
	}
}

// hrefs finds the links of a piece of a page.
var hrefs = regexp.MustCompile(`href="([^"]*)"`)

// between is the part of page from the first start to the next end.
func between(page, start, end string) string {
	_, after, _ := strings.Cut(page, start)
	part, _, _ := strings.Cut(after, end)
	return part
}

// inputs are the names and values of a page's <input> elements, as a
// browser reads them.
func inputs(page string) map[string]string {
	fields := map[string]string{}
	for _, m := range regexp.MustCompile(`<input([^>]*)>`).FindAllStringSubmatch(page, -1) {
		attrs := map[string]string{}
		for _, a := range regexp.MustCompile(`([a-z-]+)(?:="([^"]*)")?`).FindAllStringSubmatch(m[1], -1) {
			attrs[a[1]] = html.UnescapeString(a[2])
		}
		if name, ok := attrs["name"]; ok {
			fields[name] = attrs["value"]
		}
	}
	return fields
}
