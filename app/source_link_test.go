package app

import (
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// TestSourceLinksOnlyToTheWeb checks that a source is a link only when its
// URL is an absolute http or https one, whatever reached the page: the
// validator refuses other URLs, and the page does not rely on it.
func TestSourceLinksOnlyToTheWeb(t *testing.T) {
	tests := []struct {
		url  string
		link bool
	}{
		{"https://example.com/story", true},
		{"http://example.com/story?a=1&b='2'", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
		{"//evil.example/story", false},
		{"/t/other", false},
		{"ftp://example.com/story", false},
		{"https://example.com/\"onmouseover=\"alert(1)", false},
		{"", false},
	}
	for _, tt := range tests {
		html := goapp.HTMLString(renderSourceName(&data.Source{ID: "s", Outlet: "News", URL: tt.url}))
		if isLink := strings.HasPrefix(html, "<a "); isLink != tt.link || strings.Contains(html, "href") != tt.link {
			t.Errorf("a source with the URL %q renders %s; want a link: %v", tt.url, html, tt.link)
		}
	}
}
