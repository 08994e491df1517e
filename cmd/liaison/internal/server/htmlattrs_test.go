package server

import "testing"

func TestSortAttributes(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"attributes in name order",
			`<div id="a" class="b" aria-label="c">x</div>`,
			`<div aria-label="c" class="b" id="a">x</div>`},
		{"bare attributes",
			`<script src="/app.js" defer></script><input readonly type="search">`,
			`<script defer src="/app.js"></script><input readonly type="search">`},
		{"quoted values keep their escapes",
			`<a title="say \"hi\" <b>" href="/t/x?a=1&amp;b=2">`,
			`<a href="/t/x?a=1&amp;b=2" title="say \"hi\" <b>">`},
		{"text and end tags unchanged",
			"<p>1 &lt; 2</p>\n  <br>",
			"<p>1 &lt; 2</p>\n  <br>"},
		{"script content unchanged",
			`<script b="1" a="2">if (a <b c="1" a="2">) {}</script><i z="" y="">`,
			`<script a="2" b="1">if (a <b c="1" a="2">) {}</script><i y="" z="">`},
		{"a tag go-app does not write left alone",
			`<div class='x' id="y">`,
			`<div class='x' id="y">`},
		{"an unterminated tag left alone",
			`<div id="y" class="x"`,
			`<div id="y" class="x"`},
		{"not a tag", `a < b, <!doctype html>`, `a < b, <!doctype html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(sortAttributes([]byte(tt.page))); got != tt.want {
				t.Errorf("sortAttributes(%q)\n = %q,\nwant %q", tt.page, got, tt.want)
			}
			if again := string(sortAttributes([]byte(tt.want))); again != tt.want {
				t.Errorf("sorting again changed %q into %q", tt.want, again)
			}
		})
	}
}
