package server

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// decodePNG decodes a picture's body, failing the test when it is not a
// PNG.
func decodePNG(t *testing.T, what, body string) image.Image {
	t.Helper()
	img, err := png.Decode(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s is no PNG: %v", what, err)
	}
	return img
}

// TestPictures asks for every picture of a view, as /t/ and /embed/ name
// them: each is a PNG 1200 px wide (a card 1200×630) of a size a
// newsletter can carry, or an SVG whose text is drawn (no <text>, which
// would show the reader's fonts), and a filtered view is another picture.
func TestPictures(t *testing.T) {
	srv := startServer(t, "")
	tests := []struct {
		path, query string
		wantType    string
		height      int // 0: any
	}{
		{"/t/james-norton.png", "", "image/png", 0},
		{"/embed/james-norton.png", "", "image/png", 0},
		{"/t/james-norton.png", "person=lily-allen", "image/png", 0},
		{"/t/james-norton.png", "from=2020&to=2023&at=2022-06&theme=dark", "image/png", 0},
		{"/t/james-norton.card.png", "", "image/png", 630},
		{"/t/james-norton.card.png", "person=lily-allen", "image/png", 630},
		{"/t/james-norton.svg", "", "image/svg+xml", 0},
		{"/t/james-norton.card.svg", "", "image/svg+xml", 0},
	}
	bodies := map[string]string{}
	for _, tt := range tests {
		url := tt.path + "?" + tt.query
		status, header, body := get(t, srv.URL+url)
		if status != http.StatusOK || header.Get("Content-Type") != tt.wantType {
			t.Errorf("%s: %d %s, want 200 %s", url, status, header.Get("Content-Type"), tt.wantType)
			continue
		}
		if header.Get("Access-Control-Allow-Origin") != "*" || header.Get("Cross-Origin-Resource-Policy") != "cross-origin" {
			t.Errorf("%s: other sites may not show it: %v", url, header)
		}
		if tt.wantType == "image/svg+xml" {
			if !strings.Contains(body, "<svg") || strings.Contains(body, "<text") || strings.Contains(body, "@font-face") {
				t.Errorf("%s: not an SVG of paths alone: %.200s", url, body)
			}
			continue
		}
		if n := len(body); n < 10<<10 || n > 600<<10 {
			t.Errorf("%s: %d bytes, want 10 KB to 600 KB", url, n)
		}
		b := decodePNG(t, url, body).Bounds()
		if b.Dx() != 1200 || tt.height != 0 && b.Dy() != tt.height || b.Dy() < 300 {
			t.Errorf("%s: %dx%d, want 1200 wide and %d high", url, b.Dx(), b.Dy(), tt.height)
		}
		bodies[url] = body
	}
	if bodies["/t/james-norton.png?"] != bodies["/embed/james-norton.png?"] {
		t.Error("an embed's picture differs from its page's")
	}
	if bodies["/t/james-norton.png?"] == bodies["/t/james-norton.png?person=lily-allen"] {
		t.Error("the filtered view's picture is the whole timeline's")
	}
}

// TestPictureChangesWithData checks that a picture is of the data
// served: a relationship that ends otherwise draws another picture, and
// a server that reloads its files draws the new one.
func TestPictureChangesWithData(t *testing.T) {
	dir, src := defaultTimelineDir(t)
	s, srv := serve(t, dir, Config{})
	_, _, before := get(t, srv.URL+"/t/james-norton.png")
	decodePNG(t, "before", before)

	changed := strings.Replace(src, `"title": "James Norton, Imogen Poots, Lily Allen and David Harbour"`, `"title": "Who is with whom"`, 1)
	if changed == src {
		t.Fatal("the test's change is not in the timeline")
	}
	if err := os.WriteFile(filepath.Join(dir, "james-norton.json"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := loadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.load(lib)
	_, _, after := get(t, srv.URL+"/t/james-norton.png")
	decodePNG(t, "after", after)
	if before == after {
		t.Error("the picture stayed the same when the timeline's title changed")
	}
}

// TestPictureHostileInputs sends what a crawler or an attacker might:
// other methods, names that are no picture, people and views that do not
// exist, and queries that vary without changing the view. Each is refused
// or answered with the one picture of its view, which the cache keeps
// once.
func TestPictureHostileInputs(t *testing.T) {
	s, srv := serve(t, "", Config{})
	tests := []struct {
		method, url string
		want        int
	}{
		{"POST", "/t/james-norton.png", http.StatusMethodNotAllowed},
		{"PUT", "/t/james-norton.card.png", http.StatusMethodNotAllowed},
		{"HEAD", "/t/james-norton.png", http.StatusOK},
		{"GET", "/t/nobody.png", http.StatusNotFound},
		{"GET", "/t/James-Norton.png", http.StatusNotFound},
		{"GET", "/t/.png", http.StatusNotFound},
		{"GET", "/t/.card.png", http.StatusNotFound},
		{"GET", "/t/james-norton.card.card.png", http.StatusNotFound},
		{"GET", "/t/james-norton..png", http.StatusNotFound},
		{"GET", "/t/james-norton.png/", http.StatusNotFound},
		{"GET", "/t/james-norton.jpg", http.StatusNotFound},
		{"GET", "/t/james-norton.png?person=nobody", http.StatusNotFound},
		{"GET", "/t/james-norton.png?person=" + strings.Repeat("a,", 1000), http.StatusNotFound},
		{"GET", "/t/james-norton.png?person=" + strings.Repeat("a,", 8000), http.StatusRequestURITooLong},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s %.80s: %d, want %d", tt.method, tt.url, resp.StatusCode, tt.want)
		}
	}

	// Queries that say nothing a picture shows, or nothing usable, are
	// the picture of the whole timeline, drawn once.
	_, header, plain := get(t, srv.URL+"/t/james-norton.png")
	for _, q := range []string{"x=1", "x=2", "theme=purple", "at=someday", "rel=x", "event=y", "view=list",
		"find=Lily", "title=0", "from=2030&to=2020", "utm_source=newsletter&fbclid=abc"} {
		status, h, body := get(t, srv.URL+"/t/james-norton.png?"+q)
		if status != http.StatusOK || body != plain || h.Get("ETag") != header.Get("ETag") {
			t.Errorf("?%s: %d, ETag %s; want the whole timeline's picture, %s", q, status, h.Get("ETag"), header.Get("ETag"))
		}
	}
	if n := s.current().pictures.order.Len(); n != 1 {
		t.Errorf("%d pictures cached for one view", n)
	}
	if status, _, _ := get(t, srv.URL+"/t/james-norton.png", "If-None-Match", header.Get("ETag")); status != http.StatusNotModified {
		t.Errorf("If-None-Match of its ETag: %d, want 304", status)
	}
}

// TestPagesShareTheirCard checks the tags that link previews read: a
// timeline's page, filtered or not, names its view's share card as
// og:image and twitter:image, with its size and text, and the card
// answers; oEmbed's thumbnail is the same card.
func TestPagesShareTheirCard(t *testing.T) {
	srv := startServer(t, "")
	meta := func(page, attr, name string) string {
		m := regexp.MustCompile(`<meta `+attr+`="`+regexp.QuoteMeta(name)+`" content="([^"]*)">`).FindAllStringSubmatch(page, -1)
		if len(m) != 1 {
			t.Errorf("%d %s tags, want 1", len(m), name)
			return ""
		}
		return strings.ReplaceAll(m[0][1], "&amp;", "&")
	}
	for _, tt := range []struct{ page, card string }{
		{"/t/james-norton", "/t/james-norton.card.png"},
		{"/", "/t/james-norton.card.png"},
		{"/t/james-norton?person=lily-allen&rel=x", "/t/james-norton.card.png?person=lily-allen"},
	} {
		_, _, page := get(t, srv.URL+tt.page)
		image := meta(page, "property", "og:image")
		if image != srv.URL+tt.card || meta(page, "name", "twitter:image") != image {
			t.Errorf("%s: og:image %q, want %q, and twitter:image the same", tt.page, image, srv.URL+tt.card)
		}
		if meta(page, "property", "og:image:width") != "1200" || meta(page, "property", "og:image:height") != "630" ||
			!strings.Contains(meta(page, "property", "og:image:alt"), "James Norton") ||
			meta(page, "name", "twitter:card") != "summary_large_image" {
			t.Errorf("%s: the card's size, text or kind is missing", tt.page)
		}
		if strings.Contains(page, "icon-512.png\">") && strings.Contains(page, `og:image" content="`+srv.URL+`/web/`) {
			t.Errorf("%s still names the app's icon as its image", tt.page)
		}
		status, header, body := get(t, image)
		if status != http.StatusOK || header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: its og:image %s answers %d %s", tt.page, image, status, header.Get("Content-Type"))
			continue
		}
		if b := decodePNG(t, image, body).Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
			t.Errorf("%s: its card is %dx%d", tt.page, b.Dx(), b.Dy())
		}
	}

	_, _, answer := get(t, srv.URL+"/oembed?url="+srv.URL+"/t/james-norton%3Fperson%3Dlily-allen")
	var a struct {
		URL           string `json:"thumbnail_url"`
		Width, Height int
	}
	var raw map[string]any
	json.Unmarshal([]byte(answer), &raw)
	json.Unmarshal([]byte(answer), &a)
	if a.URL != srv.URL+"/t/james-norton.card.png?person=lily-allen" || raw["thumbnail_width"] != 1200.0 || raw["thumbnail_height"] != 630.0 {
		t.Errorf("oEmbed's thumbnail: %s", answer)
	}
}

// TestExportWritesPictures checks that an export writes the pictures of
// each timeline beside its pages, and that its pages' og:image names the
// card it wrote.
func TestExportWritesPictures(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	for _, domain := range []string{"", "news.example"} {
		files, err := Export(lib, testAssets(t), ExportConfig{Base: "/graphics", Domain: domain, Clock: testExportClock})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"t/james-norton.png", "t/james-norton.card.png"} {
			img, err := png.Decode(bytes.NewReader(files[name]))
			if err != nil || img.Bounds().Dx() != 1200 {
				t.Errorf("export -domain %q: %s is no picture 1200 wide: %v", domain, name, err)
			}
		}
		if !bytes.Contains(files["t/james-norton.svg"], []byte("<svg")) {
			t.Errorf("export -domain %q: no SVG", domain)
		}
		want := "/graphics/t/james-norton.card.png"
		if domain != "" {
			want = "https://" + domain + want
		}
		for _, page := range []string{"index.html", "t/james-norton/index.html"} {
			// An export's tags have their attributes sorted (sortAttributes).
			if !bytes.Contains(files[page], []byte(`<meta content="`+want+`" property="og:image">`)) {
				t.Errorf("export -domain %q: %s does not name %s as og:image", domain, page, want)
			}
		}
	}
}

// TestPicturesOfDocs draws the pictures docs/ shows (docs/http-api.md),
// and writes them there under LIAISON_SCREENSHOTS: the default timeline,
// a filtered view, its card, the timeline in Arabic, mirrored as its page
// is, and 2,000 people with names in Arabic, Hebrew and Chinese, the last
// drawn by their id, since the build ships no CJK font.
func TestPicturesOfDocs(t *testing.T) {
	big := data.Generate(2000, 4000, 18)
	big.ID, big.Title = "newsroom", "2,000 people, 4,000 relationships"
	big.People[0].Name = "ليلى أحمد"
	big.People[1].Name = "שרה כהן"
	big.People[2].Name = "周冬雨"
	src, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := defaultTimelineDir(t)
	if err := os.WriteFile(filepath.Join(dir, "newsroom.json"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, dir)
	for _, tt := range []struct{ url, file string }{
		{"/t/james-norton.png", "picture-default.png"},
		{"/t/james-norton.png?person=lily-allen", "picture-filtered-lily-allen.png"},
		{"/t/james-norton.card.png", "picture-card.png"},
		{"/t/james-norton.png?lang=ar", "picture-ar.png"},
		{"/t/newsroom.png", "picture-2000-people.png"},
	} {
		status, _, body := get(t, srv.URL+tt.url)
		if status != http.StatusOK {
			t.Fatalf("%s: %d", tt.url, status)
		}
		b := decodePNG(t, tt.url, body).Bounds()
		if b.Dx() != 1200 || b.Dy() > 4000 {
			t.Errorf("%s: %dx%d, want 1200 wide and at most 4,000 high", tt.url, b.Dx(), b.Dy())
		}
		if out := os.Getenv("LIAISON_SCREENSHOTS"); out != "" {
			if err := os.WriteFile(filepath.Join(out, tt.file), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
