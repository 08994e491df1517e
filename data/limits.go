package data

import "fmt"

// Limits on one timeline file. A newsroom's timeline stays far below every
// one of them; a file that reaches one is a mistake (an export gone wrong, a
// paste repeated) or an attack on the server that loads it, and fails with
// an error that says which limit it crossed, instead of exhausting the
// server's memory or making pages that no reader could use.
const (
	// MaxFileSize is in bytes. `liaison gen -people 20000 -relationships
	// 100000` writes 61 MB, which validate reads in 603 MB of memory, 10
	// times its size: 128 MiB leaves room for twice that file, or for the
	// same relationships with longer quotes. No file takes more than 23
	// times its size, whatever it holds (TestParseMemory), so that one at
	// the limit takes at most 3 GB.
	MaxFileSize = 128 << 20

	// MaxPeople is enough for 100,000 relationships between 200,000
	// different people, each in a single relationship: more people than
	// relationships needs twice as many.
	MaxPeople = 200_000

	// MaxRelationships is twice the 100,000 relationships that a timeline
	// of a whole industry's couples must hold.
	MaxRelationships = 200_000

	// MaxEvents matches MaxRelationships: events are sightings and
	// interviews, at most a few per relationship in practice.
	MaxEvents = 200_000

	// MaxTextLength is in characters, for every string of a file: twice the
	// 10,000 characters (some 1,500 words) that a long quote or summary may
	// take. A name of megabytes would otherwise be copied into every bar,
	// tooltip and label that shows it.
	MaxTextLength = 20_000

	// MaxProblems is how many errors, and how many warnings, of one file
	// are listed: the first in file order, then one Error that counts the
	// others (its Omitted). An editor fixes the first ones and checks
	// again; validate's output, the server's log, the problems of the
	// API and the banner of a page all stay short, whatever the file.
	MaxProblems = 100
)

// fileTooLarge is the error of a file of size bytes, over MaxFileSize. It
// is located at the start of the file, which is what an editor can open.
func fileTooLarge(file string, size int64) *Error {
	return &Error{
		File: file, Line: 1, Column: 1,
		Message: fmt.Sprintf("the file has %d bytes, more than the %d (%d MiB) a timeline may have: split it into several timelines",
			size, MaxFileSize, MaxFileSize>>20),
	}
}

// overLimit reports an array n of more than max items, named by what (a
// plural: "people"), and whether it has so many.
func (d *decoder) overLimit(n *node, path, what string, max int) bool {
	if n == nil || n.kind != arrayNode || len(n.kids()) <= max {
		return false
	}
	d.fail(n.offset, path, "found %d %s, more than the %d a timeline may have: split it into several timelines",
		len(n.kids()), what, max)
	return true
}

// maxLangLength bounds a timeline's language tag: the longest tag in
// common use ("zh-Hant-HK-u-nu-hanidec") has 23 characters.
const maxLangLength = 64
