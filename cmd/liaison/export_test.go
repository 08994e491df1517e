//go:build built

package main

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/cmd/liaison/internal/server"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
	"github.com/liaison-timeline/liaison/web"
)

// exportTree exports the default timelines with args into a new directory
// and returns every file of it, by its slash-separated path.
func exportTree(t *testing.T, args ...string) map[string][]byte {
	t.Helper()
	needBuiltWebAssembly(t)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"export", "-o", dir}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	if want := "wrote "; !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("export said %q, want the count of the files it wrote", stdout.String())
	}
	tree := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = content
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestExportIsReproducible exports the same input twice, the second time
// with liaison export: the two hold the same files, byte for byte
// (compressed copies included, gzip's header too), and no copy is of a
// copy (index.html.gz.gz). Each export renders its pages anew, and go-app
// writes attributes in another order each time.
func TestExportIsReproducible(t *testing.T) {
	const (
		base  = "/graphics/liaison"
		epoch = 1767225600 // 2026-01-01T00:00:00Z
	)
	needBuiltWebAssembly(t)
	lib, err := data.LoadLibrary(timelines.FS)
	if err != nil {
		t.Fatal(err)
	}
	first, err := server.Export(lib, web.FS, server.ExportConfig{Base: base, BrotliQuality: 1, Clock: func() time.Time { return time.Unix(epoch, 0) }})
	if err != nil {
		t.Fatal(err)
	}
	for name := range first {
		if strings.HasSuffix(name, ".gz.gz") || strings.HasSuffix(name, ".br.br") ||
			strings.HasSuffix(name, ".gz.br") || strings.HasSuffix(name, ".br.gz") {
			t.Errorf("the export has a compressed copy of a compressed copy: %s", name)
		}
	}
	// The pages' "now", which places the end of ongoing relationships, is
	// SOURCE_DATE_EPOCH's when it is set, as reproducible builds expect.
	t.Setenv("SOURCE_DATE_EPOCH", strconv.Itoa(epoch))
	again := exportTree(t, "-base", base+"/", "-brotli", "1")
	names := slices.Sorted(maps.Keys(first))
	if got := slices.Sorted(maps.Keys(again)); !slices.Equal(got, names) {
		t.Errorf("the second export wrote %d files, the first %d:\n%q\n%q", len(got), len(names), got, names)
	}
	for _, name := range names {
		if content, ok := again[name]; ok && !bytes.Equal(content, first[name]) {
			t.Errorf("the second export wrote another %s (%d bytes, the first %d)", name, len(content), len(first[name]))
		}
	}
}

// TestExportCommand runs liaison export as an editor would, for a path
// prefix on a domain: the pages name their URLs on that domain under the
// prefix, and the export holds the oEmbed answers their links name (the
// export itself is tested in package server: TestExportOnAStaticHost).
func TestExportCommand(t *testing.T) {
	tree := exportTree(t, "-base", "/graphics/liaison/", "-brotli", "1", "-domain", "news.example")
	page := tree["t/james-norton/index.html"]
	if !regexp.MustCompile(`<meta [^>]*content="https://news.example/graphics/liaison/t/james-norton"[^>]*>`).Match(page) {
		t.Error("the exported page lacks its og:url on news.example")
	}
	if !bytes.Contains(page, []byte(`href="https://news.example/graphics/liaison/oembed/t/james-norton.json"`)) {
		t.Error("the exported page's oEmbed link does not name the export's file for it")
	}
	if _, ok := tree["oembed/t/james-norton.json"]; !ok {
		t.Error("the export lacks the oEmbed answer of /t/james-norton")
	}

	var stderr bytes.Buffer
	for _, args := range [][]string{{"export"}, {"export", "-o", t.TempDir(), "-base", "graphics"}, {"export", "-o", t.TempDir(), "-domain", "https://news.example"}} {
		stderr.Reset()
		if code := run(context.Background(), args, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "Usage: liaison export") {
			t.Errorf("%q: exit %d, %q: want 2 and the usage", args, code, stderr.String())
		}
	}
}
