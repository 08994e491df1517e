//go:build wasm
// +build wasm

package app

// Liaison: GenerateStaticWebsite and Handler are not in the WebAssembly
// (see third_party/go-app/README.md).

func wasmExecJS() string {
	return ""
}
