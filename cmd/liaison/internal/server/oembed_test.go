package server

import (
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// Every URL that a page or an export gives out must work where it is
// served: the oEmbed discovery link, what oEmbed answers, and the links
// that social networks read (og:url, og:image).

// absoluteURLs finds the absolute URLs in HTML attributes and JSON strings.
var absoluteURLs = regexp.MustCompile(`https?://[^"'\s<>\\]+`)

// TestPagesNameNoURLWithoutHost checks the pages of a server that was not
// told its domain: go-app would give social networks og:url and og:image
// as https:/// links; the pages leave them out.
func TestPagesNameNoURLWithoutHost(t *testing.T) {
	srv := startServer(t, "")
	for _, path := range []string{"/", "/t/james-norton?person=lily-allen", "/embed/james-norton", "/t/nobody"} {
		_, _, page := get(t, srv.URL+path)
		if strings.Contains(page, "https:///") {
			t.Errorf("%s names a URL without a host: %q", path, regexp.MustCompile(`.*https:///.*`).FindString(page))
		}
		if !strings.Contains(page, `property="og:title"`) {
			t.Errorf("%s lost its other og: tags", path)
		}
	}
}

// TestExportURLsWorkWhereServed exports the site for news.example under
// /graphics/liaison/, serves it with a plain file server, and follows
// every absolute URL of its pages and of their oEmbed answers, with
// news.example standing for the file server: each answers. An export
// without -domain names none of the temporary server it was rendered on,
// and no oEmbed link (it cannot know the absolute URLs that consumers
// need).
func TestExportURLsWorkWhereServed(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	const site = "https://news.example/graphics/liaison"
	files, err := Export(lib, testAssets(t), ExportConfig{Base: "/graphics/liaison", Domain: "news.example", Clock: testExportClock})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeExport(dir, files); err != nil {
		t.Fatal(err)
	}
	host := httptest.NewServer(http.StripPrefix("/graphics/liaison", http.FileServer(http.Dir(dir))))
	t.Cleanup(host.Close)
	local := func(u string) string { return host.URL + "/graphics/liaison" + strings.TrimPrefix(u, site) }

	for _, page := range []string{"index.html", "t/james-norton/index.html"} {
		body := string(files[page])
		href := oembedHref(body)
		if !strings.HasPrefix(href, site+"/oembed/") || !strings.HasSuffix(href, ".json") {
			t.Errorf("%s: oEmbed link %q, want a file of the export on news.example", page, href)
			continue
		}
		status, header, answer := get(t, local(href))
		var a oembedAnswer
		if err := json.Unmarshal([]byte(answer), &a); status != 200 || err != nil || !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: its oEmbed link %s answers %d %s %q", page, href, status, header.Get("Content-Type"), answer)
			continue
		}
		if want := `<iframe src="` + site + `/embed/james-norton"`; !strings.Contains(a.HTML, want) || a.ProviderURL != site+"/" {
			t.Errorf("%s: the oEmbed code %q (provider %q), want %s", page, a.HTML, a.ProviderURL, want)
		}
		urls := append(absoluteURLs.FindAllString(body, -1), absoluteURLs.FindAllString(html.UnescapeString(a.HTML), -1)...)
		for _, u := range urls {
			u = html.UnescapeString(u)
			if u != site && !strings.HasPrefix(u, site+"/") {
				if !strings.HasPrefix(u, "http://www.w3.org/") {
					t.Errorf("%s names %s, not on the site", page, u)
				}
				continue
			}
			if status, _, _ := get(t, local(u)); status != 200 {
				t.Errorf("%s names %s, which answers %d where the export is served", page, u, status)
			}
		}
	}

	files, err = Export(lib, testAssets(t), ExportConfig{Clock: testExportClock})
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") || !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".js") && !strings.HasSuffix(name, ".json") {
			continue
		}
		for _, wrong := range []string{"127.0.0.1", "https:///", "application/json+oembed"} {
			if strings.Contains(string(content), wrong) {
				t.Errorf("the export without -domain has %q in %s", wrong, name)
			}
		}
	}
	if _, ok := files["oembed/t/james-norton.json"]; ok {
		t.Error("the export without -domain has oEmbed answers, which need absolute URLs")
	}
}
