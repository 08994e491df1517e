package app

import (
	"net/url"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// TestEmbedHeight checks the height of the embeds that cannot size
// themselves in the views that change it; the browser test
// TestBrowserOEmbedCode checks it against what Chromium draws.
func TestEmbedHeight(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lonely := mustParseTimeline(t, `{"schema":"timeline/v1","id":"lonely","title":"Lonely",
		"people":[{"id":"ann","name":"Ann"}],"relationships":[]}`)
	height := func(tl *data.Timeline, query string) int {
		q, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		return EmbedHeight(tl, ParseViewState(q), testNow, 800)
	}
	all, filtered, untitled := height(tl, ""), height(tl, "person=david-harbour"), height(tl, "title=0")
	if filtered >= all {
		t.Errorf("filtered to two lanes of four, the embed is %d px, and %d with all", filtered, all)
	}
	if untitled >= all {
		t.Errorf("without its title the embed is %d px, and %d with it", untitled, all)
	}
	if legendless := height(tl, "hide=legend"); legendless >= all {
		t.Errorf("without its legend the embed is %d px, and %d with it", legendless, all)
	}
	if unknown := height(tl, "person=nobody"); unknown != all {
		t.Errorf("filtered to nobody the timeline has, the embed is %d px, want all of it, %d", unknown, all)
	}
	if narrow := EmbedHeight(tl, ViewState{}, testNow, 320); narrow <= all {
		t.Errorf("320 px wide, where the title wraps, the embed is %d px, and %d at 800", narrow, all)
	}
	if empty := height(lonely, ""); empty <= 0 || empty >= all {
		t.Errorf("a timeline of no relationships is %d px tall", empty)
	}
}
