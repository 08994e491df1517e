//go:build wasm

package app

// Liaison: the WebAssembly serves no files (see resource_fs.go).

type fileServer struct{}

func newFileServer(directory string) fileServer { return fileServer{} }
