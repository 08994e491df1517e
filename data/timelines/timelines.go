// Package timelines holds the default timelines, embedded in the liaison
// binary and served when no -data directory is given. Every fact in them is
// backed by a quote from the article in testdata/article.txt.
package timelines

import "embed"

// FS holds the default timeline files, one <id>.json each.
//
//go:embed *.json
var FS embed.FS
