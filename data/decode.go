package data

import "encoding/json"

// Decode reads a timeline in the JSON that encoding/json writes for a
// Timeline: the answers of the server's API, and the files liaison export
// writes for them. It trusts src to hold a timeline that Parse has
// accepted, and checks only what decoding needs (JSON syntax, the types of
// fields, dates); use Parse for files that people write.
//
// The WebAssembly decodes with it: Parse's validation and error reporting
// would add about 37 KB of brotli to the download, to check again what the
// server has checked already.
func Decode(src []byte) (*Timeline, error) {
	var t Timeline
	if err := json.Unmarshal(src, &t); err != nil {
		return nil, err
	}
	return &t, nil
}
