// Package timelines holds the default timelines, embedded in the liaison
// binary and served when no -data directory is given. Every fact in them is
// backed by a quote from the article in sources/ed-article.txt, which the server checks
// every quote against. The article states no date of publication, so its
// source has none.
package timelines

import "embed"

// FS holds the default timeline files, one <id>.json each, and the texts
// of their sources, in sources/.
//
//go:embed *.json sources/*.txt
var FS embed.FS
