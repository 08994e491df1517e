package data

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
)

// benchSizes are the numbers of relationships that issue 6's targets name:
// a news story's few couples, a beat's archive, a celebrity site's whole
// database, and ten times that to show how each step grows.
var benchSizes = []int{50, 1_000, 10_000, 100_000}

// benchPeople is how many people a generated timeline of n relationships
// has: about one for every five relationships, as in gossip archives where
// people have several partners over the years.
func benchPeople(n int) int { return max(2, n/5) }

// benchFiles holds each size's generated file: making and encoding the
// 100,000-relationship one takes seconds, once for all the benchmarks.
var benchFiles sync.Map // int → []byte

// benchFile is the timeline file of n generated relationships, as
// `liaison gen` writes it, named generated.json.
func benchFile(b *testing.B, n int) []byte {
	b.Helper()
	if src, ok := benchFiles.Load(n); ok {
		return src.([]byte)
	}
	src, err := json.MarshalIndent(Generate(benchPeople(n), n, 1), "", " ")
	if err != nil {
		b.Fatal(err)
	}
	benchFiles.Store(n, src)
	return src
}

// BenchmarkParse reads and validates a whole file, as the server does for
// every file when it starts and `liaison validate` does: issue 6 asks for
// under 200 ms at 10,000 relationships.
func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("relationships=%d", n), func(b *testing.B) {
			src := benchFile(b, n)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse("generated.json", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseJSON reads the file's JSON into the tree that Parse
// validates, without validating it: the difference from BenchmarkParse is
// what the validation costs.
func BenchmarkParseJSON(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("relationships=%d", n), func(b *testing.B) {
			src := benchFile(b, n)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseTree(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInvolving filters a timeline as a reader's person filter and
// the API's ?person= do: to one person, and to a tenth of everyone.
func BenchmarkInvolving(b *testing.B) {
	for _, n := range benchSizes {
		t := Generate(benchPeople(n), n, 1)
		one := []string{t.People[len(t.People)/2].ID}
		var tenth []string
		for i := 0; i < len(t.People); i += 10 {
			tenth = append(tenth, t.People[i].ID)
		}
		for _, filter := range []struct {
			name string
			ids  []string
		}{{"one", one}, {"tenth", tenth}} {
			b.Run(fmt.Sprintf("relationships=%d/people=%s", n, filter.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := t.Involving(filter.ids); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
