//go:build !built

package server

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"github.com/liaison-timeline/liaison/web"
)

// testAssets are the assets the tests serve: without -tags built, web/'s
// files as the repository holds them, with a stand-in for the WebAssembly
// that make builds (and its brotli and gzip copies, as cmd/precompress
// writes them), so that go test ./... needs nothing built. The server
// serves any WebAssembly the same way; the tests that run it in a browser
// are built with -tags built only, and serve make's (assets_built_test.go).
func testAssets(t testing.TB) fs.FS {
	t.Helper()
	assets, err := standInAssets()
	if err != nil {
		t.Fatal(err)
	}
	return assets
}

// standInAssets are testAssets, made once.
var standInAssets = sync.OnceValues(func() (fs.FS, error) {
	assets := fstest.MapFS{}
	entries, err := fs.ReadDir(web.FS, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && !strings.HasPrefix(name, "app.wasm") {
			content, err := fs.ReadFile(web.FS, name)
			if err != nil {
				return nil, err
			}
			assets[name] = &fstest.MapFile{Data: content}
		}
	}
	wasm := standInWasm()
	var gz, br bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write(wasm)
	gw.Close()
	bw := brotli.NewWriter(&br)
	bw.Write(wasm)
	bw.Close()
	assets["app.wasm"] = &fstest.MapFile{Data: wasm}
	assets["app.wasm.gz"] = &fstest.MapFile{Data: gz.Bytes()}
	assets["app.wasm.br"] = &fstest.MapFile{Data: br.Bytes()}
	return assets, nil
})

// standInWasm is a WebAssembly module that does nothing: the header of
// the binary format, then one custom section that says what it is,
// 64 KiB long so that it compresses as a real one does.
func standInWasm() []byte {
	const name = "liaison-stand-in"
	payload := bytes.Repeat([]byte("not Liaison's WebAssembly, which make build writes to web/app.wasm\n"), 1000)
	// Lengths are unsigned LEB128, which is binary's Uvarint.
	section := binary.AppendUvarint(nil, uint64(len(name)))
	section = append(section, name...)
	section = append(section, payload...)
	module := []byte("\x00asm\x01\x00\x00\x00") // magic, version 1
	module = append(module, 0)                  // a custom section
	module = binary.AppendUvarint(module, uint64(len(section)))
	return append(module, section...)
}
