//go:build wasm

package data

import (
	"errors"
	"io"
)

// Spreadsheets are left out of the WebAssembly (csv.go and csv_text.go
// build for every other target): their code pages (golang.org/x/text)
// added 120 KB to every reader's download, for what only the CLI does.
// These stand-ins keep the API whole, so that the CLI and the server
// build for js/wasm as well, and GOOS=js GOARCH=wasm go vet ./... checks
// every package; the browser's program never calls them.

// ImportCSV is the CLI's; see csv.go.
func ImportCSV(file string, r io.Reader) (*Timeline, Errors, error) {
	return nil, nil, errNoSpreadsheets()
}

// WriteCSV is the CLI's; see csv.go.
func WriteCSV(w io.Writer, t *Timeline) error { return errNoSpreadsheets() }

// errNoSpreadsheets is made when asked for: a variable would be made as
// the WebAssembly starts, and be a part of it.
func errNoSpreadsheets() error {
	return errors.New("spreadsheets are not read or written in the WebAssembly: use the liaison command")
}
