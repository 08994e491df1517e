package server

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// exportBase and exportEpoch are the path prefix and the pages' clock
// (SOURCE_DATE_EPOCH) of the exports that the tests below compare.
const (
	exportBase  = "/graphics/liaison"
	exportEpoch = 1767225600 // 2026-01-01T00:00:00Z
)

// exported is the site exported for exportBase at exportEpoch, made once
// for the tests that read it: an export takes seconds.
var exported struct {
	once  sync.Once
	files map[string][]byte
	err   error
}

// exportedSite is the files of the export of the default timelines for
// exportBase at exportEpoch, by their path in the export.
func exportedSite(t *testing.T) map[string][]byte {
	t.Helper()
	assets := testAssets(t)
	exported.once.Do(func() {
		lib, err := loadLibrary("")
		if err != nil {
			exported.err = err
			return
		}
		exported.files, exported.err = Export(lib, assets, ExportConfig{Base: exportBase, BrotliQuality: 1, Clock: testExportClock})
	})
	if exported.err != nil {
		t.Fatal(exported.err)
	}
	return exported.files
}

// headerRule is one rule of a _headers file: the paths it matches, and
// its headers in their order.
type headerRule struct {
	path    string
	headers [][2]string
}

// parseHeadersFile reads a _headers file as Netlify and Cloudflare Pages
// document it: a line that starts with a path opens a rule, indented
// "Name: value" lines are its headers, # starts a comment.
func parseHeadersFile(t *testing.T, file string) []headerRule {
	t.Helper()
	var rules []headerRule
	for i, line := range strings.Split(file, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, headerRule{path: trimmed})
		case len(rules) == 0:
			t.Fatalf("_headers line %d: a header before any path: %q", i+1, line)
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok {
				t.Fatalf("_headers line %d: not a header: %q", i+1, line)
			}
			r := &rules[len(rules)-1]
			r.headers = append(r.headers, [2]string{http.CanonicalHeaderKey(name), strings.TrimSpace(value)})
		}
	}
	return rules
}

// matches reports whether a rule's path matches a request's: a * matches
// any characters, / included (a "splat"), as on both hosts.
func (r headerRule) matches(path string) bool {
	prefix, suffix, splat := strings.Cut(r.path, "*")
	if !splat {
		return path == r.path
	}
	return len(path) >= len(prefix)+len(suffix) && strings.HasPrefix(path, prefix) && strings.HasSuffix(path, suffix)
}

// hostSemantics are the ways static hosts apply the rules that match a
// request: every header of each, joined (Cloudflare Pages); the last
// rule's value of each header (Netlify); or the first or the most
// specific (longest) rule alone.
var hostSemantics = map[string]func(rules []headerRule) http.Header{
	"join every rule": func(rules []headerRule) http.Header {
		h := http.Header{}
		for _, r := range rules {
			for _, kv := range r.headers {
				h.Add(kv[0], kv[1])
			}
		}
		return h
	},
	"last value wins": func(rules []headerRule) http.Header {
		h := http.Header{}
		for _, r := range rules {
			for _, kv := range r.headers {
				h.Set(kv[0], kv[1])
			}
		}
		return h
	},
	"first rule": func(rules []headerRule) http.Header {
		return headerRule{headers: rules[0].headers}.header()
	},
	"most specific rule": func(rules []headerRule) http.Header {
		longest := rules[0]
		for _, r := range rules {
			if len(r.path) > len(longest.path) {
				longest = r
			}
		}
		return longest.header()
	},
}

func (r headerRule) header() http.Header {
	h := http.Header{}
	for _, kv := range r.headers {
		h.Add(kv[0], kv[1])
	}
	return h
}

// TestExportHeadersGiveOnePolicy reads the _headers of an export as each
// kind of host would: every path of the site, and every file, gets
// exactly one Content-Security-Policy (embeds framable by any site, the
// rest by the site only), nosniff and no-referrer; hashed assets are
// immutable.
func TestExportHeadersGiveOnePolicy(t *testing.T) {
	const base = exportBase
	tree := exportedSite(t)
	rules := parseHeadersFile(t, string(tree["_headers"]))
	if len(rules) > 100 {
		t.Errorf("%d rules: Cloudflare Pages reads 100 at most", len(rules))
	}
	paths := []string{"/", "/t/james-norton", "/t/james-norton/", "/t/x", "/embed/james-norton/", "/embed/x",
		"/embed/x/?person=y", "/embed.js", "/app.js", "/api/timelines/james-norton.json"}
	for name := range tree {
		if name != "_headers" {
			paths = append(paths, "/"+name)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		p, _, _ = strings.Cut(p, "?") // hosts match the path alone
		var matching []headerRule
		for _, r := range rules {
			if r.matches(base + p) {
				matching = append(matching, r)
			}
		}
		if len(matching) == 0 {
			t.Errorf("%s: no rule matches", p)
			continue
		}
		wantAncestors := "frame-ancestors 'self'"
		if strings.HasPrefix(p, "/embed/") {
			wantAncestors = "frame-ancestors *"
		}
		for semantics, apply := range hostSemantics {
			h := apply(matching)
			if csp := h.Values("Content-Security-Policy"); len(csp) != 1 || !strings.HasSuffix(csp[0], wantAncestors) {
				t.Errorf("%s, %s: Content-Security-Policy %q, want one ending in %s", p, semantics, csp, wantAncestors)
			}
			for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
				if got := h.Values(name); len(got) != 1 || got[0] != want {
					t.Errorf("%s, %s: %s %q, want %q", p, semantics, name, got, want)
				}
			}
			if cache := h.Values("Cache-Control"); strings.HasPrefix(p, "/web/") != slices.Equal(cache, []string{immutableCaching}) {
				t.Errorf("%s, %s: Cache-Control %q", p, semantics, cache)
			}
		}
	}
}

// testExportClock is the clock of the tests' exports: exportEpoch.
func testExportClock() time.Time { return time.Unix(exportEpoch, 0) }
