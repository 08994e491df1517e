package app

import (
	"html"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// ymd is midnight UTC on a day.
func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

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

// testTimeline parses a timeline of the given people (ids; each is named by
// its id with a capital letter) with relationships and events given as the
// bodies of their JSON arrays.
func testTimeline(t *testing.T, people, relationships, events string) *data.Timeline {
	t.Helper()
	var list []string
	for _, id := range strings.Split(people, ",") {
		list = append(list, `{"id":"`+id+`","name":"`+strings.ToUpper(id[:1])+id[1:]+`"}`)
	}
	src := `{"schema":"timeline/v1","id":"test","title":"Test",
		"people":[` + strings.Join(list, ",") + `],
		"relationships":[` + relationships + `]`
	if events != "" {
		src += `,"events":[` + events + `]`
	}
	return mustParseTimeline(t, src+"}")
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
var testNow = ymd(2025, time.July, 1)

func fixedNow() time.Time { return testNow }

// go-app's routes are global to the process, so they are registered once
// and read the library of the current test from servedLibrary.
var (
	registerTestRoutes sync.Once
	servedLibrary      Library
)

// serveHTML renders target the way the server does for a reader's first
// request: go-app's Handler finds the route, navigates to the URL (which
// calls OnNav with it), runs what OnNav dispatched, calls OnPreRender and
// encodes the page. go-app's TestEngine cannot do this: its origin URL is
// fixed to "/" and its router is empty, so Navigate never reaches our pages
// and ctx.Page().URL() never carries a /t/… path or a ?person query.
func serveHTML(t *testing.T, lib Library, target string) *htmlNode {
	t.Helper()
	registerTestRoutes.Do(func() {
		goapp.Route("/", func() goapp.Composer {
			return &IndexPage{library: servedLibrary, now: fixedNow}
		})
		goapp.RouteWithRegexp("^/t/[^/]+$", func() goapp.Composer {
			return newTimelinePage(servedLibrary, fixedNow)
		})
	})
	servedLibrary = lib
	h := &goapp.Handler{Title: "Liaison", Version: "test"}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	if rec.Code != 200 {
		t.Fatalf("GET %s: status %d", target, rec.Code)
	}
	return parseHTML(t, rec.Body.String())
}

// An htmlNode is an element of a parsed page, or a piece of text (tag "").
type htmlNode struct {
	tag      string
	attrs    map[string]string
	order    []string // attribute names as written
	children []*htmlNode
	text     string
}

// voidElements have no end tag.
var voidElements = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

// parseHTML builds the tree a browser would from go-app's markup. It reads
// tags and attributes as an HTML5 tokenizer does (in particular, a double
// quote ends a double-quoted attribute value, and a new attribute may
// follow straight away), which is what matters for telling text apart from
// markup; it leaves out the tree builder's repairs of broken nesting,
// which go-app's output does not need.
func parseHTML(t *testing.T, src string) *htmlNode {
	t.Helper()
	root := &htmlNode{tag: "#document"}
	stack := []*htmlNode{root}
	top := func() *htmlNode { return stack[len(stack)-1] }
	for len(src) > 0 {
		switch {
		case strings.HasPrefix(src, "<!--"):
			end := strings.Index(src, "-->")
			if end < 0 {
				t.Fatalf("unterminated comment")
			}
			src = src[end+3:]
		case strings.HasPrefix(src, "<!"), strings.HasPrefix(src, "<?"):
			src = src[max(strings.IndexByte(src, '>'), 0)+1:]
		case strings.HasPrefix(src, "</") && len(src) > 2 && isASCIILetter(src[2]):
			end := strings.IndexByte(src, '>')
			if end < 0 {
				t.Fatalf("unterminated end tag %q", src)
			}
			name := strings.ToLower(strings.FieldsFunc(src[2:end], isHTMLSpace)[0])
			src = src[end+1:]
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].tag == name {
					stack = stack[:i]
					break
				}
			}
		case src[0] == '<' && len(src) > 1 && isASCIILetter(src[1]):
			var n *htmlNode
			var selfClosing bool
			n, selfClosing, src = parseStartTag(t, src)
			top().children = append(top().children, n)
			if n.tag == "script" || n.tag == "style" {
				// Raw text: everything up to the end tag.
				end := strings.Index(strings.ToLower(src), "</"+n.tag)
				if end < 0 {
					t.Fatalf("unterminated <%s>", n.tag)
				}
				if end > 0 {
					n.children = append(n.children, &htmlNode{text: src[:end]})
				}
				src = src[end:]
				stack = append(stack, n)
				continue
			}
			if !selfClosing && !slices.Contains(voidElements, n.tag) {
				stack = append(stack, n)
			}
		default:
			end := strings.IndexByte(src[1:], '<') + 1
			if end == 0 {
				end = len(src)
			}
			top().children = append(top().children, &htmlNode{text: html.UnescapeString(src[:end])})
			src = src[end:]
		}
	}
	return root
}

// parseStartTag reads the start tag at the beginning of src.
func parseStartTag(t *testing.T, src string) (n *htmlNode, selfClosing bool, rest string) {
	t.Helper()
	i := 1
	for i < len(src) && !isHTMLSpace(rune(src[i])) && src[i] != '/' && src[i] != '>' {
		i++
	}
	n = &htmlNode{tag: strings.ToLower(src[1:i]), attrs: map[string]string{}}
	for {
		for i < len(src) && (isHTMLSpace(rune(src[i])) || src[i] == '/') {
			selfClosing = src[i] == '/'
			i++
		}
		if i >= len(src) {
			t.Fatalf("unterminated <%s> tag", n.tag)
		}
		if src[i] == '>' {
			return n, selfClosing, src[i+1:]
		}
		selfClosing = false
		start := i
		i++ // a name may begin with =
		for i < len(src) && !isHTMLSpace(rune(src[i])) && src[i] != '/' && src[i] != '>' && src[i] != '=' {
			i++
		}
		name := strings.ToLower(src[start:i])
		for i < len(src) && isHTMLSpace(rune(src[i])) {
			i++
		}
		value := ""
		if i < len(src) && src[i] == '=' {
			i++
			for i < len(src) && isHTMLSpace(rune(src[i])) {
				i++
			}
			if i < len(src) && (src[i] == '"' || src[i] == '\'') {
				end := strings.IndexByte(src[i+1:], src[i])
				if end < 0 {
					t.Fatalf("unterminated value of %s in <%s>", name, n.tag)
				}
				value, i = src[i+1:i+1+end], i+end+2
			} else {
				start := i
				for i < len(src) && !isHTMLSpace(rune(src[i])) && src[i] != '>' {
					i++
				}
				value = src[start:i]
			}
		}
		if _, dup := n.attrs[name]; !dup { // the first of the same name wins
			n.attrs[name] = html.UnescapeString(value)
			n.order = append(n.order, name)
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }

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
