package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// repeated is n JSON objects made by item from their index, comma-separated.
func repeated(n int, item func(i int) string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item(i))
	}
	return b.String()
}

// TestParseLimits checks that each limit of a file is an error that names
// it, located at what crossed it, and that what stays within them parses.
func TestParseLimits(t *testing.T) {
	long := strings.Repeat("é", MaxTextLength)
	tests := []struct {
		name string
		file string // with a mark where each error is expected, as in parseErrorTests
		want []string
	}{
		{"text at the limit", file(`"title": "` + long + `"`), nil},
		{"text over the limit", file(`"title": ` + mark + `"` + long + `e"`),
			[]string{fmt.Sprintf("title: expected at most %d characters, found %d", MaxTextLength, MaxTextLength+1)}},
		{"a long quote among others", file(`"sources": [{"id": "s1", "outlet": "News"}]`,
			rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "evidence": [{"source": "s1", "quote": `+mark+`"`+long+long+`"}]}`)),
			[]string{fmt.Sprintf("relationships[0].evidence[0].quote: expected at most %d characters, found %d", MaxTextLength, 2*MaxTextLength)}},
		{"an id over the limit", file(`"people": [{"id": ` + mark + `"` + strings.Repeat("a", MaxTextLength+1) + `", "name": "Ann"}, {"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}]`),
			[]string{fmt.Sprintf("people[0].id: expected at most %d characters, found %d", MaxTextLength, MaxTextLength+1)}},
		{"too many people", file(`"people": ` + mark + `[{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"},` +
			repeated(MaxPeople-1, func(i int) string { return fmt.Sprintf(`{"id":"p%d","name":"P"}`, i) }) + `]`),
			[]string{fmt.Sprintf("people: found %d people, more than the %d a timeline may have: split it into several timelines", MaxPeople+1, MaxPeople)}},
		{"too many relationships", file(`"relationships": ` + mark + `[` +
			repeated(MaxRelationships+1, func(i int) string {
				return fmt.Sprintf(`{"id":"r%d","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}]}`, i)
			}) + `]`),
			[]string{fmt.Sprintf("relationships: found %d relationships, more than the %d a timeline may have: split it into several timelines", MaxRelationships+1, MaxRelationships)}},
		{"too many events", file(`"events": ` + mark + `[` +
			repeated(MaxEvents+1, func(i int) string {
				return fmt.Sprintf(`{"id":"e%d","date":"2018","kind":"other","title":"T","people":["ann"]}`, i)
			}) + `]`),
			[]string{fmt.Sprintf("events: found %d events, more than the %d a timeline may have: split it into several timelines", MaxEvents+1, MaxEvents)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, at := unmark(tt.file)
			if len(tt.want) == 0 {
				if _, err := Parse("t.json", []byte(src)); err != nil {
					t.Fatalf("Parse: %v", err)
				}
				return
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = fmt.Sprintf("t.json:%d:%d: %s", at[i][0], at[i][1], w)
			}
			checkErrors(t, "t.json", src, want)
		})
	}
}

// TestParseFileSizeLimit checks that a file over MaxFileSize is refused
// before it is read as JSON, with one error that says so.
func TestParseFileSizeLimit(t *testing.T) {
	src := []byte(file())
	src = append(src, make([]byte, MaxFileSize-len(src)+1)...)
	for i := len(file()); i < len(src); i++ {
		src[i] = ' '
	}
	start := time.Now()
	want := fmt.Sprintf("big.json:1:1: the file has %d bytes, more than the %d (128 MiB) a timeline may have: split it into several timelines",
		MaxFileSize+1, MaxFileSize)
	checkErrors(t, "big.json", string(src), []string{want})
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("refusing a file over the limit took %v: it must not be parsed", elapsed)
	}
	// One byte less is a valid file with trailing white space.
	if _, err := Parse("t.json", src[:MaxFileSize]); err != nil {
		t.Errorf("a file of exactly MaxFileSize bytes: %v", err)
	}
}

// hugeFS holds one file whose size is over MaxFileSize and that fails
// whenever it is read.
type hugeFS struct{}

func (hugeFS) Open(name string) (fs.File, error) {
	if name != "huge.json" && name != "." {
		return nil, fs.ErrNotExist
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("the library read the file")}
}

func (hugeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return []fs.DirEntry{fs.FileInfoToDirEntry(hugeInfo{})}, nil
}

type hugeInfo struct{ fs.FileInfo }

func (hugeInfo) Name() string      { return "huge.json" }
func (hugeInfo) Size() int64       { return 1 << 40 }
func (hugeInfo) IsDir() bool       { return false }
func (hugeInfo) Mode() fs.FileMode { return 0o644 }

// TestLoadLibraryRefusesHugeFiles checks that the library refuses a file
// over MaxFileSize by its size, without reading it.
func TestLoadLibraryRefusesHugeFiles(t *testing.T) {
	_, err := LoadLibrary(hugeFS{})
	want := "huge.json:1:1: the file has 1099511627776 bytes, more than the 134217728 (128 MiB) a timeline may have: split it into several timelines"
	if err == nil || err.Error() != want {
		t.Errorf("LoadLibrary = %v\nwant %s", err, want)
	}
}

// TestParseNewsroomScale checks that a timeline of 100,000 relationships,
// the most a newsroom's timeline is expected to hold, is within the limits.
func TestParseNewsroomScale(t *testing.T) {
	src, err := json.Marshal(Generate(20_000, 100_000, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(src) > MaxFileSize/2 {
		t.Errorf("the generated file has %d bytes: the size limit leaves less than twice that", len(src))
	}
	lib, err := LoadLibrary(fstest.MapFS{"generated.json": {Data: src}})
	if err != nil {
		t.Fatalf("100,000 relationships do not load: %.500v", err)
	}
	if n := len(lib.Timelines()[0].Relationships); n != 100_000 {
		t.Errorf("%d relationships, want 100000", n)
	}
}

// TestParseManyErrorsOnOneLine checks that a minified file with an error in
// every one of many records is reported quickly: the first MaxProblems
// errors, each at its true column (the time must not grow with the square
// of the line's length), then one that counts the others.
func TestParseManyErrorsOnOneLine(t *testing.T) {
	const n = 50_000
	src, err := json.Marshal(Generate(n/5, n, 1))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.ReplaceAll(string(src), `"status":"dating"`, `"status":"datin"`)
	wrong := strings.Count(bad, `"datin"`)
	start := time.Now()
	_, err = Parse("generated.json", []byte(bad))
	elapsed := time.Since(start)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != MaxProblems+1 {
		t.Fatalf("got %d errors (%.200v), want the first %d and the count of the others", len(errs), err, MaxProblems)
	}
	if elapsed > 20*time.Second {
		t.Errorf("reporting %d errors on one line took %v", wrong, elapsed)
	}
	at := 0
	for i, e := range errs[:MaxProblems] {
		at += strings.Index(bad[at:], `"datin"`)
		if want := utf8.RuneCountInString(bad[:at]) + 1; e.Line != 1 || e.Column != want {
			t.Errorf("error %d is at %d:%d, want 1:%d", i, e.Line, e.Column, want)
		}
		at++
	}
	last := errs[MaxProblems]
	want := fmt.Sprintf("generated.json: and %d more problems after these %d: fix these first", wrong-MaxProblems, MaxProblems)
	if last.Error() != want || last.Omitted != wrong-MaxProblems || errs.Count() != wrong {
		t.Errorf("the last error is %q (Omitted %d), and Count %d; want %q, and %d", last, last.Omitted, errs.Count(), want, wrong)
	}
}

// TestWorkGrowsLinearly checks two lookups whose naive form takes time in
// the product of two sizes: an event's list of people checked for repeats,
// and the people a filter names found among a timeline's. The bounds are
// some ten times what the linear forms take here, and a tenth of what the
// naive ones took.
func TestWorkGrowsLinearly(t *testing.T) {
	const n = 100_000
	people := repeated(n, func(i int) string { return fmt.Sprintf(`{"id":"p%d","name":"P"}`, i) })
	refs := repeated(n, func(i int) string { return fmt.Sprintf(`"p%d"`, i) })
	src := `{"schema":"timeline/v1","id":"t","title":"T","people":[` + people + `],"relationships":[],
		"events":[{"id":"e","date":"2018","kind":"other","title":"T","people":[` + refs + `]}]}`
	start := time.Now()
	tl, err := Parse("t.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > 4*time.Second {
		t.Errorf("parsing an event of %d people took %v", n, elapsed)
	}

	ids := make([]string, 4000)
	for i := range ids {
		ids[i] = tl.People[n-1-i].ID
	}
	start = time.Now()
	shown, err := tl.Involving(ids)
	if err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > 400*time.Millisecond {
		t.Errorf("filtering %d people by %d ids took %v", n, len(ids), elapsed)
	}
	if len(shown.People) != n || len(shown.Events) != 1 {
		t.Errorf("the filter kept %d people and %d events, want all %d and the event", len(shown.People), len(shown.Events), n)
	}
}
