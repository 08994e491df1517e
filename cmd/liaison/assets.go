//go:build !wasm

package main

import (
	"io/fs"
	"net/http"
	"path"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// assetFiles is the web/ directory as the server may serve it: its files,
// but no directory (http.FileServerFS would list it), not the Go source
// that embeds the rest, and not the compressed copies, which the file's own
// URL serves to the clients that take them (precompressedAssets).
type assetFiles struct{ fs.FS }

func (a assetFiles) Open(name string) (fs.File, error) {
	notFound := &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	if path.Ext(name) == ".go" || isCopy(name) {
		return nil, notFound
	}
	f, err := a.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || info.IsDir() {
		f.Close()
		return nil, notFound
	}
	return f, nil
}

// assetResources makes go-app serve /web/… and /app.wasm from the assets
// the server embeds, as its own /web/ route does. Left to its default,
// go-app serves them from the working directory, whatever that holds.
type assetResources struct {
	goapp.ResourceResolver
	http.Handler
}

// newAssetResources resolves /web/ paths as go-app's default does, and
// serves them with assets.
func newAssetResources(assets http.Handler) assetResources {
	return assetResources{goapp.LocalDir(""), assets}
}

// goappProxyPaths are the paths that go-app answers by fetching
// /web/<name> over HTTP from the host that the request names in its Host
// header: a client could make the server fetch, and cache for every
// reader, any URL of its choosing. The server answers them itself.
var goappProxyPaths = []string{"/robots.txt", "/sitemap.xml", "/ads.txt"}
