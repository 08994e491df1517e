package server

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// pageDataBlocks parses page as a browser does and returns the text of
// each data block by the API path it answers. It fails the test when the
// body is not the page, go-app's loader and the blocks, in this order: a
// block whose text closed its element early, or opened a comment, would
// make elements of its text, or take in the rest of the page.
func pageDataBlocks(t *testing.T, page string) map[string]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]string{}
	var body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "body" {
			body = n
		}
		if n.Type == html.ElementNode && n.Data == "script" && attrOf(n, "class") == app.PageDataClass {
			if attrOf(n, "type") != "application/json" {
				t.Errorf("a data block's type is %q, want application/json: a browser would run it", attrOf(n, "type"))
			}
			var text strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				text.WriteString(c.Data)
			}
			blocks[attrOf(n, app.PageDataAttr)] = text.String()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if body == nil {
		t.Fatal("the page has no body")
	}
	var elements []string
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			elements = append(elements, c.Data+"."+attrOf(c, "class")+"#"+attrOf(c, "id"))
		}
	}
	// The page's Locale (pagewords.go) comes first, then its data.
	want := []string{"main", "aside.goapp-app-info#app-wasm-loader", "script.#" + app.WordsID}
	for range blocks {
		want = append(want, "script."+app.PageDataClass+"#")
	}
	if len(elements) > 0 && strings.HasPrefix(elements[0], "main.") {
		elements[0] = "main"
	}
	if !slices.Equal(elements, want) {
		t.Errorf("the body's elements are %q, want %q", elements, want)
	}
	return blocks
}

func attrOf(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// TestPageDataIsTheAPIsAnswer checks that each page carries the answers
// to the API requests its first view makes, byte for byte, as text that
// no timeline can turn into markup: a name with </script> and <!-- in it
// stays a name.
func TestPageDataIsTheAPIsAnswer(t *testing.T) {
	const hostile = `Eve </script><script>alert(1)</script> <!-- <script> </SCRIPT > ]]>`
	src := strings.Replace(readDefaultTimeline(t), `"name": "Lily Allen"`, `"name": `+quoteJSON(t, hostile), 1)
	if !strings.Contains(src, "alert(1)") {
		t.Fatal("the default timeline no longer names Lily Allen")
	}
	one := writeFiles(t, map[string]string{"james-norton.json": src})
	two := writeFiles(t, map[string]string{"james-norton.json": src, "other.json": strings.Replace(src, `"id": "james-norton",`+"\n  \"title\"", `"id": "other",`+"\n  \"title\"", 1)})
	tests := []struct {
		name, dir, path string
		want            []string // the API requests answered, in any order
	}{
		{"the only timeline at /", one, "/", []string{"/api/timelines", "/api/timelines/james-norton"}},
		{"the list at /", two, "/", []string{"/api/timelines"}},
		{"a page", one, "/t/james-norton", []string{"/api/timelines/james-norton"}},
		{"an embed", one, "/embed/james-norton", []string{"/api/timelines/james-norton"}},
		{"filtered", one, "/t/james-norton?person=lily-allen,James-Norton", []string{"/api/timelines/james-norton?person=james-norton%2Clily-allen&people=all"}},
		{"filtered at /", one, "/?person=lily-allen", []string{"/api/timelines", "/api/timelines/james-norton?person=lily-allen&people=all"}},
		{"an unknown person", one, "/t/james-norton?person=nobody", nil},
		{"an unknown timeline", one, "/t/nothing", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startServer(t, tt.dir)
			_, _, page := get(t, srv.URL+tt.path)
			blocks := pageDataBlocks(t, page)
			if len(blocks) != len(tt.want) {
				t.Errorf("the page answers %d requests, want %q", len(blocks), tt.want)
			}
			for _, path := range tt.want {
				block, ok := blocks[path]
				if !ok {
					t.Errorf("no data block answers %s; the page has %d", path, len(blocks))
					continue
				}
				if _, _, answer := get(t, srv.URL+path, "Accept-Encoding", "identity"); block != answer {
					t.Errorf("the data block of %s is not the API's answer:\n%.300s\nwant\n%.300s", path, block, answer)
				}
				if strings.HasPrefix(path, "/api/timelines/") {
					tl, err := data.Decode([]byte(block))
					if err != nil {
						t.Fatalf("the data block of %s: %v", path, err)
					}
					if p, ok := tl.Person("lily-allen"); !ok || p.Name != hostile {
						t.Errorf("the data block of %s names lily-allen %+v, want %q", path, p, hostile)
					}
				}
			}
		})
	}
}

// TestPageDataIsBounded checks that a timeline too large to carry in its
// page is left for the browser to fetch: the page carries a part of it,
// or names the first chunk of its lanes, which the browser then fetches
// instead of the whole (an empty block), but never the whole.
func TestPageDataIsBounded(t *testing.T) {
	small, medium, large := data.Generate(100, 1000, 1), data.Generate(700, 3500, 1), data.Generate(1000, 10000, 1)
	small.ID, medium.ID, large.ID = "small", "medium", "large"
	dir := writeFiles(t, map[string]string{"small.json": marshalTimeline(t, small), "medium.json": marshalTimeline(t, medium), "large.json": marshalTimeline(t, large)})
	srv := startServer(t, dir)
	person := large.People[0].ID
	for _, tt := range []struct {
		path   string
		block  string // the API path of the one data block
		answer bool   // whether it has the answer
	}{
		{"/t/small", "/api/timelines/small", true},
		{"/t/medium", "/api/timelines/medium?lanes=0", true},
		{"/embed/medium", "/api/timelines/medium?lanes=0", true},
		{"/t/large", "/api/timelines/large?lanes=0", false},
		{"/t/large?person=" + person, "/api/timelines/large?person=" + person + "&people=all", true}, // one person's part is small
	} {
		_, _, page := get(t, srv.URL+tt.path)
		blocks := pageDataBlocks(t, page)
		answer, ok := blocks[tt.block]
		if len(blocks) != 1 || !ok || (answer != "") != tt.answer {
			t.Errorf("%s has the data blocks of %q (%d bytes of page), want one for %s, with an answer: %v", tt.path, slices.Collect(maps.Keys(blocks)), len(page), tt.block, tt.answer)
		}
	}
}

// TestExportedPageData checks that an exported page carries the whole
// timeline, which the export's library asks for, under the API path of
// the whole (the static files have no parts).
func TestExportedPageData(t *testing.T) {
	files := exportedSite(t)
	for _, name := range []string{"index.html", "t/james-norton/index.html", "embed/james-norton/index.html"} {
		blocks := pageDataBlocks(t, string(files[name]))
		if got, want := blocks["/api/timelines/james-norton"], string(files["api/timelines/james-norton.json"]); got != want {
			t.Errorf("%s: the data block of the timeline is %.100q, want the exported file's %.100q", name, got, want)
		}
	}
}

func quoteJSON(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func marshalTimeline(t *testing.T, tl *data.Timeline) string {
	t.Helper()
	b, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPageDataSharesTheAPIsCache checks that a timeline's answer is
// encoded once per version, whichever of its pages or the API asks for
// it first: the page, its embed and the API all take the one answer.
func TestPageDataSharesTheAPIsCache(t *testing.T) {
	s, srv, tl := generatedServer(t, 50)
	st := s.current()
	for i, path := range []string{"/t/" + tl.ID, "/embed/" + tl.ID, "/api/timelines/" + tl.ID} {
		if status, _, body := get(t, srv.URL+path, "Accept-Encoding", "identity"); status != 200 {
			t.Fatalf("GET %s: status %d: %s", path, status, body)
		}
		if n := st.api.encodes.Load(); n != 1 {
			t.Errorf("after GET %s, the timeline's answer was encoded %d times in the API's cache, want 1", path, n)
		}
		if i == 0 && len(st.api.entries) != 1 {
			t.Errorf("the page's data left %d answers in the API's cache, want its one", len(st.api.entries))
		}
	}
}
