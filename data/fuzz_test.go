package data

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// The fuzz targets below run their seed corpus in every `go test`; `make
// fuzz` runs each with generated inputs for a bounded time.

// FuzzParseDate checks that any text is either a date whose span is
// consistent and that reads back the same, or a *DateError that says why
// not, and never a panic.
func FuzzParseDate(f *testing.F) {
	for _, d := range validDates {
		f.Add(d.text)
	}
	for _, s := range []string{"", "2018-02-29", "0000", "9999-12-31/0000", "2018/2019/2020", "2024-02-29%", "１９８５"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Text != s || de.Reason == "" {
				t.Fatalf("ParseDate(%q) error %#v is not a *DateError with the text and a reason", s, err)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) returned %+v with its error", s, d)
			}
			return
		}
		if d.Text != s || d.IsZero() {
			t.Fatalf("ParseDate(%q).Text = %q", s, d.Text)
		}
		if d.Latest.Before(d.Earliest) {
			t.Fatalf("ParseDate(%q) spans %v to %v: it ends before it starts", s, d.Earliest, d.Latest)
		}
		if d.Precision < Year || d.Precision > Day {
			t.Fatalf("ParseDate(%q).Precision = %d", s, d.Precision)
		}
		if !d.Contains(d.Earliest) || !d.Contains(d.Latest) || d.Contains(d.End()) {
			t.Fatalf("ParseDate(%q) does not contain its own first and last day, or contains the day after", s)
		}
		if d.Human() == "" {
			t.Fatalf("ParseDate(%q).Human() is empty", s)
		}
		out, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("marshalling ParseDate(%q): %v", s, err)
		}
		var back string
		if err := json.Unmarshal(out, &back); err != nil || back != s {
			t.Fatalf("ParseDate(%q) is written as %s", s, out)
		}
	})
}

// FuzzParse checks that any file either parses into a timeline that reads
// back unchanged once written, or fails with Errors, each located at a
// line and column and saying what is wrong; never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(example))
	f.Add([]byte(file()))
	for _, tt := range parseErrorTests {
		src, _ := unmark(tt.file)
		f.Add([]byte(src))
	}
	// Small generated timelines use every field, precision and kind.
	for seed := range uint64(3) {
		src, err := json.Marshal(Generate(6, 8, seed))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	files, err := filepath.Glob("timelines/*.json")
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed timelines in timelines/: %v", err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		tl, err := Parse("fuzz", src)
		if err != nil {
			if tl != nil {
				t.Fatal("Parse returned a timeline with its error")
			}
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("Parse error %#v is not a non-empty Errors", err)
			}
			if len(errs) > MaxProblems+1 {
				t.Fatalf("%d errors listed, more than %d and the count of the others", len(errs), MaxProblems)
			}
			for i, e := range errs {
				if e.Omitted > 0 && i == len(errs)-1 && i == MaxProblems {
					continue // the count of the others, of the file as a whole
				}
				if e.File != "fuzz" || e.Line <= 0 || e.Column <= 0 || e.Message == "" || e.Omitted != 0 {
					t.Fatalf("error %#v lacks its file, line, column or message", e)
				}
				if strings.ContainsFunc(e.Error(), unicode.IsControl) {
					t.Fatalf("error %q has a control character", e)
				}
			}
			return
		}
		if tl == nil {
			t.Fatal("Parse returned neither a timeline nor an error")
		}
		out, err := json.Marshal(tl)
		if err != nil {
			t.Fatalf("marshalling a parsed timeline: %v", err)
		}
		again, err := Parse("fuzz", out)
		if err != nil {
			t.Fatalf("a parsed timeline, written out, does not parse:\n%v\n%s", err, out)
		}
		if !reflect.DeepEqual(tl, again) {
			t.Fatalf("a timeline changed once written and read back:\n%s", out)
		}
	})
}
