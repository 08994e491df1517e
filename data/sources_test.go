package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// sourceTimeline is a timeline whose source s1 has the text given (a JSON
// string, or nothing), with the evidence given (JSON, a mark before each
// quote that must fail).
func sourceTimeline(sourceFields, evidence string) string {
	return `{"schema": "timeline/v1", "id": "t", "title": "T",
"people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
"sources": [{"id": "s1", "outlet": "News"` + sourceFields + `}],
"relationships": [{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}],
"evidence": [` + evidence + `]}]}`
}

const sourceSays = `"Ann and Bob met in 2018. They married – quietly – in 2020. Nobody knew."`

func TestQuoteErrors(t *testing.T) {
	tests := []struct {
		name, fields, evidence string
		want                   []string
	}{
		{"a quote not in the inline text, with its closest passage", `, "text": ` + sourceSays,
			`{"source": "s1", "quote": ` + mark + `"They maried quietly in 2020."}`,
			[]string{`relationships[0].evidence[0].quote: the quote "They maried quietly in 2020." is not in the text of the source "s1"; the closest passage is "They married – quietly – in 2020.": quote it exactly`}},
		{"a quote that shares no word with the text", `, "text": ` + sourceSays,
			`{"source": "s1", "quote": ` + mark + `"Zebras graze."}`,
			[]string{`relationships[0].evidence[0].quote: the quote "Zebras graze." is not in the text of the source "s1": no word of it is in the source`}},
		{"case differs and the quote does not ask to ignore it", `, "text": ` + sourceSays,
			`{"source": "s1", "quote": "Ann and Bob"}, {"source": "s1", "quote": ` + mark + `"ann and bob"}`,
			[]string{`relationships[0].evidence[1].quote: the quote "ann and bob" is not in the text of the source "s1"; the closest passage is "Ann and Bob": quote it exactly`}},
		{"ignoreCase that is not true or false", `, "text": ` + sourceSays,
			`{"source": "s1", "quote": "Ann and Bob", "ignoreCase": ` + mark + `"yes"}`,
			[]string{`relationships[0].evidence[0].ignoreCase: expected true or false, found the string "yes"`}},
		{"a source's ignoreCase that is not true or false", `, "text": ` + sourceSays + `, "ignoreCase": ` + mark + `1`,
			`{"source": "s1", "quote": "Ann and Bob"}`,
			[]string{`sources[0].ignoreCase: expected true or false, found the number 1`}},
		{"a blank text", `, "text": ` + mark + `" "`,
			`{"source": "s1", "quote": "Ann and Bob"}`,
			[]string{`sources[0].text: expected some text, found " " (leave the field out instead)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, at := unmark(sourceTimeline(tt.fields, tt.evidence))
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = fmt.Sprintf("t.json:%d:%d: %s", at[i][0], at[i][1], w)
			}
			checkErrors(t, "t.json", src, want)
		})
	}
}

func TestQuotesVerified(t *testing.T) {
	tests := []struct {
		name, fields, evidence string
	}{
		{"exact", `, "text": ` + sourceSays, `{"source": "s1", "quote": "They married – quietly – in 2020."}`},
		{"hyphens for dashes", `, "text": ` + sourceSays, `{"source": "s1", "quote": "They married - quietly - in 2020."}`},
		{"case ignored by the quote", `, "text": ` + sourceSays, `{"source": "s1", "quote": "THEY MARRIED", "ignoreCase": true}`},
		{"case ignored by the source", `, "text": ` + sourceSays + `, "ignoreCase": true`, `{"source": "s1", "quote": "nobody KNEW."}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Parse("t.json", []byte(sourceTimeline(tt.fields, tt.evidence)))
			if err != nil {
				t.Fatal(err)
			}
			ev := tl.Relationships[0].Evidence[0]
			if !ev.Verified || ev.Passage == nil || ev.Passage.Quote == "" || ev.Passage.Before == "" {
				t.Errorf("evidence = %+v, passage %+v; want it verified, with the sentences around it", ev, ev.Passage)
			}
		})
	}
	// A source without a text verifies nothing, and fails nothing.
	tl, err := Parse("t.json", []byte(sourceTimeline("", `{"source": "s1", "quote": "anything"}`)))
	if err != nil {
		t.Fatal(err)
	}
	if ev := tl.Relationships[0].Evidence[0]; ev.Verified || ev.Passage != nil {
		t.Errorf("a quote of a source without text is verified: %+v", ev)
	}
	// What the API says of a quote, saved with its answer as a file, is
	// dropped: the claim of a file verifies nothing.
	claimed := `{"source": "s1", "quote": "anything", "verified": true, "passage": {"before": "b", "quote": "anything", "after": "a"}}`
	tl, err = Parse("t.json", []byte(sourceTimeline("", claimed)))
	if err != nil {
		t.Fatal(err)
	}
	if ev := tl.Relationships[0].Evidence[0]; ev.Verified || ev.Passage != nil {
		t.Errorf("a file's claim that its quote is verified was believed: %+v", ev)
	}
	if _, err := Parse("t.json", []byte(sourceTimeline(`, "text": `+sourceSays, claimed))); err == nil {
		t.Error("a quote not in its source's text, claimed verified, is not an error")
	}
	if _, err := Parse("t.json", []byte(sourceTimeline("", `{"source": "s1", "quote": "q", "verified": "yes", "passage": {"text": 1}}`))); err == nil {
		t.Error("verified and passage of the wrong form are not errors")
	}
}

// sourceDir is a data directory with the timeline t.json, whose source s1
// has the evidence given.
func sourceDir(t *testing.T, fields, evidence string) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "t.json"), []byte(sourceTimeline(fields, evidence)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, SourcesDir), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSourceFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("Ann and Bob met in 2018. The secret."), 0o644); err != nil {
		t.Fatal(err)
	}
	// The mark is where each error is, on the source.
	const at = "t.json:3:13: sources[0]: "
	tests := []struct {
		name    string
		make    func(t *testing.T, file string)
		fields  string
		quote   string
		want    string // the error; "" when the timeline loads
		checked bool   // the quote is verified
	}{
		{"the text beside the timeline", func(t *testing.T, file string) {
			os.WriteFile(file, []byte("\uFEFFAnn and Bob met in 2018.\r\nThey married.\r\n"), 0o644)
		}, "", "They married.", "", true},
		{"a quote not in the file", func(t *testing.T, file string) {
			os.WriteFile(file, []byte("Ann and Bob met in 2018."), 0o644)
		}, "", "Ann and Bob met in 2019.", `t.json:5:40: relationships[0].evidence[0].quote: the quote "Ann and Bob met in 2019." is not in the text of the source "s1"; the closest passage is "Ann and Bob met in 2018.": quote it exactly`, false},
		{"no file: nothing to check", func(t *testing.T, file string) {}, "", "anything", "", false},
		{"given inline and beside", func(t *testing.T, file string) {
			os.WriteFile(file, []byte("Ann and Bob"), 0o644)
		}, `, "text": "Ann and Bob"`, "Ann", `t.json:3:52: sources[0].text: the text is given twice, here and in sources/s1.txt: keep one`, false},
		{"too large", func(t *testing.T, file string) {
			os.WriteFile(file, []byte(strings.Repeat("a", MaxSourceSize+1)), 0o644)
		}, "", "a", at + "sources/s1.txt has 4194305 bytes, more than the 4194304 (4 MiB) a source's text may have", false},
		{"a link outside the data directory", func(t *testing.T, file string) {
			if err := os.Symlink(outside, file); err != nil {
				t.Fatal(err)
			}
		}, "", "The secret.", at + "sources/s1.txt cannot be read: path escapes from parent", false},
		{"a link inside the data directory", func(t *testing.T, file string) {
			os.WriteFile(file+".real", []byte("Ann and Bob met in 2018."), 0o644)
			if err := os.Symlink("s1.txt.real", file); err != nil {
				t.Fatal(err)
			}
		}, "", "Ann and Bob", "", true},
		{"a named pipe", func(t *testing.T, file string) {
			if err := mkfifo(file); err != nil {
				t.Fatal(err)
			}
		}, "", "a", at + "sources/s1.txt is a named pipe (FIFO), not a regular file", false},
		{"a directory", func(t *testing.T, file string) { os.Mkdir(file, 0o755) }, "", "a", at + "sources/s1.txt is a directory, not a regular file", false},
		{"not UTF-8", func(t *testing.T, file string) {
			os.WriteFile(file, []byte("Ann\nand Jos\xe9"), 0o644)
		}, "", "a", at + "sources/s1.txt:2:8: the byte 0xE9 is not UTF-8: save the file as UTF-8", false},
		{"an escape", func(t *testing.T, file string) {
			os.WriteFile(file, []byte("Ann \x1b[2J"), 0o644)
		}, "", "a", at + "sources/s1.txt:1:5: found the control character U+001B: remove it", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sourceDir(t, tt.fields, `{"source": "s1", "quote": "`+tt.quote+`"}`)
			tt.make(t, filepath.Join(dir, SourcesDir, "s1.txt"))
			lib, err := LoadLibrary(DirFS(dir))
			if tt.want != "" {
				if err == nil || err.Error() != tt.want {
					t.Fatalf("LoadLibrary error:\n%v\nwant\n%s", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tl, _ := lib.Timeline("t")
			if ev := tl.Relationships[0].Evidence[0]; ev.Verified != tt.checked {
				t.Errorf("verified = %v, want %v", ev.Verified, tt.checked)
			}
		})
	}
}

// A source's text changes the library's version, so that no cache serves
// pages made with the old one.
func TestSourceTextChangesTheVersion(t *testing.T) {
	file := func(text string) fstest.MapFS {
		return fstest.MapFS{
			"t.json":         {Data: []byte(sourceTimeline("", `{"source": "s1", "quote": "Ann"}`))},
			"sources/s1.txt": {Data: []byte(text)},
		}
	}
	a, errA := LoadLibrary(file("Ann and Bob."))
	b, errB := LoadLibrary(file("Ann and Bob!"))
	if err := errors.Join(errA, errB); err != nil {
		t.Fatal(err)
	}
	if a.Version() == b.Version() {
		t.Error("two texts of a source give the library the same version")
	}
}
