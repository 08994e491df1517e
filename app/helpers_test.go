package app

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/locales"
)

// day is midnight UTC on a day.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// mustParseTimeline parses a timeline file given as JSON, failing the test if
// it is not valid: tests get dates exactly as the data package makes them.
func mustParseTimeline(t *testing.T, src string) *data.Timeline {
	t.Helper()
	tl, err := data.Parse("test", []byte(src))
	if err != nil {
		t.Fatalf("test timeline does not parse:\n%v\n%s", err, src)
	}
	return tl
}

// loadDefaultTimeline is the timeline the site ships with.
func loadDefaultTimeline(t *testing.T) *data.Timeline {
	t.Helper()
	src, err := os.ReadFile("../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := data.Parse("james-norton.json", src)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// fakeLibrary serves the timelines it holds, by id.
type fakeLibrary map[string]*data.Timeline

func (l fakeLibrary) Summaries() ([]data.Summary, error) {
	var list []data.Summary
	for _, t := range l {
		list = append(list, data.Summary{ID: t.ID, Title: t.Title, Summary: t.Summary})
	}
	slices.SortFunc(list, func(a, b data.Summary) int { return strings.Compare(a.ID, b.ID) })
	return list, nil
}

func (l fakeLibrary) Problems(id string) []string { return nil }

func (l fakeLibrary) Timeline(id string) (*data.Timeline, error) {
	if t, ok := l[id]; ok {
		return t, nil
	}
	return nil, &data.UnknownTimelineError{ID: id}
}

// testNow is the fixed "now" of every rendered page.
var testNow = day(2025, time.July, 1)

func fixedNow() time.Time { return testNow }

// An htmlNode is an element of a parsed page, or a piece of text (tag "").
type htmlNode struct {
	tag      string
	attrs    map[string]string
	order    []string // attribute names as written
	children []*htmlNode
	text     string
}

// parseHTML builds the tree a browser would from go-app's markup, with
// golang.org/x/net/html, the HTML5 parser that browsers' rules are written
// into: it tells text apart from markup as they do. Comments and the
// doctype are left out.
func parseHTML(t *testing.T, src string) *htmlNode {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("the page does not parse as HTML: %v", err)
	}
	var convert func(*html.Node) *htmlNode
	convert = func(n *html.Node) *htmlNode {
		var out *htmlNode
		switch n.Type {
		case html.DocumentNode:
			out = &htmlNode{tag: "#document"}
		case html.ElementNode:
			out = &htmlNode{tag: n.Data, attrs: make(map[string]string, len(n.Attr))}
			for _, a := range n.Attr {
				if _, dup := out.attrs[a.Key]; !dup { // the first of the same name wins
					out.attrs[a.Key] = a.Val
					out.order = append(out.order, a.Key)
				}
			}
		case html.TextNode:
			return &htmlNode{text: n.Data}
		default:
			return nil
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if child := convert(c); child != nil {
				out.children = append(out.children, child)
			}
		}
		return out
	}
	return convert(doc)
}

// all is every element under n, n included, in document order, that
// satisfies match.
func (n *htmlNode) all(match func(*htmlNode) bool) []*htmlNode {
	var found []*htmlNode
	var walk func(*htmlNode)
	walk = func(n *htmlNode) {
		if n.tag != "" && match(n) {
			found = append(found, n)
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return found
}

// one is the only element under n that satisfies match.
func (n *htmlNode) one(t *testing.T, what string, match func(*htmlNode) bool) *htmlNode {
	t.Helper()
	found := n.all(match)
	if len(found) != 1 {
		t.Fatalf("found %d %s, want 1", len(found), what)
	}
	return found[0]
}

// textContent is n's text as a reader sees it, spaces collapsed.
func (n *htmlNode) textContent() string {
	var b strings.Builder
	var walk func(*htmlNode)
	walk = func(n *htmlNode) {
		b.WriteString(n.text + " ")
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (n *htmlNode) hasClass(class string) bool {
	return slices.Contains(strings.Fields(n.attrs["class"]), class)
}

func withClass(class string) func(*htmlNode) bool {
	return func(n *htmlNode) bool { return n.hasClass(class) }
}

func withTag(tag string) func(*htmlNode) bool {
	return func(n *htmlNode) bool { return n.tag == tag }
}

// texts is the text of each node.
func texts(nodes []*htmlNode) []string {
	list := make([]string, len(nodes))
	for i, n := range nodes {
		list[i] = n.textContent()
	}
	return list
}

// attrs is one attribute of each node.
func attrs(nodes []*htmlNode, name string) []string {
	list := make([]string, len(nodes))
	for i, n := range nodes {
		list[i] = n.attrs[name]
	}
	return list
}

// The tests read the pages in English, as the server renders a timeline
// without a language; text_test.go sets others where it tests them.
func init() { SetWords(func() *locale.Locale { return testWords }) }

var testWords = locales.For(DefaultLang, locales.English)
