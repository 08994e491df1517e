// Package data parses, validates and queries Liaison timelines: the
// timeline/v1 file format of docs/data-format.md (people, relationships and
// their phases, endings, events, sources and the evidence for each fact).
//
// Parse reports every problem in a file at once (up to MaxProblems, then
// how many more), each with its file, line, column, field path and what was
// expected, because editors fix files in one pass, not one error per run.
// LoadLibrary reads a directory of files (DirFS opens those of a directory
// on disk, only regular ones, never waiting on a named pipe);
// Timeline.Involving filters a timeline down to some people. Decode reads
// back the JSON of a timeline that Parse accepted without checking it
// again, as the WebAssembly does with the server's answers.
//
// # Dates
//
// Dates are parsed by ParseDate, a small parser for exactly the EDTF subset
// the format allows (year, month, day, the ~ ? % qualifiers, and a/b
// intervals). We measured github.com/sfomuseum/go-edtf v1.2.1 against it in
// a minimal go-app WebAssembly build (Go 1.26, -trimpath -s -w): go-edtf
// builds for GOOS=js but adds 266 KB raw, 61 KB gzip and 37 KB brotli,
// where this parser adds about 1 KB; and go-edtf accepts all of EDTF levels
// 1 and 2 (seasons, sets, unspecified digits), which the format forbids, so
// it would still need a check of its own. This package is shared by the
// server and the WebAssembly, so the smaller parser wins.
//
// This package knows nothing of HTTP or of the user interface.
package data
