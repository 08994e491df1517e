//go:build !unix && !windows

package data

// nonBlocking is no flag where the system has none (js/wasm, plan9). The
// CLI and the server run on unix and windows; the browser's program never
// opens a file. Files are read here too so that every package builds for
// every GOOS, and GOOS=js GOARCH=wasm go vet ./... checks them all.
const nonBlocking = 0
