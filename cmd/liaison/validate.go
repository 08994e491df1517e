package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/locales"
)

// validate checks timeline files, or every .json file of directories, and
// reports every problem with its file, line, column and field, as text for
// editors or as JSON for CI; warnings flag what is legal but probably a
// mistake, without failing.
func validate(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("validate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "`format` of the report: text or json")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "Usage: liaison validate [-format text|json] PATH...\n\nChecks timeline files, or every .json file in directories, against the data format.")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() == 0 || (*format != "text" && *format != "json") {
		flags.Usage()
		return 2
	}
	var files []string
	for _, path := range flags.Args() {
		found, err := timelineFiles(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		files = append(files, found...)
	}
	report := checkFiles(files)
	if *format == "json" {
		text, err := json.MarshalIndent(report, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		stdout.Write(append(escapeControls(text), '\n'))
	} else {
		report.writeText(stdout, stderr)
	}
	if report.Errors > 0 {
		return 1
	}
	return 0
}

// A validationReport is what validate found in every file.
type validationReport struct {
	Valid    bool         `json:"valid"`
	Errors   int          `json:"errors"`
	Warnings int          `json:"warnings"`
	Files    []fileReport `json:"files"`

	people, relationships, events int
}

// A fileReport is what validate found in one file.
type fileReport struct {
	File     string    `json:"file"`
	Valid    bool      `json:"valid"`
	Problems []problem `json:"problems"`
}

// A problem is one error or warning, located; or, last of a file that has
// more than data.MaxProblems, the count of the others (Omitted).
type problem struct {
	Severity string `json:"severity"` // "error" or "warning"
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Path     string `json:"path,omitempty"`
	Message  string `json:"message"`
	Omitted  int    `json:"omitted,omitempty"`

	text string
}

func checkFiles(files []string) validationReport {
	report := validationReport{Files: []fileReport{}}
	for _, file := range files {
		fr := fileReport{File: file, Problems: []problem{}}
		var problems data.Errors
		src, err := data.ReadFile(file)
		var readErr *data.Error
		switch {
		case errors.As(err, &readErr):
			problems = data.Errors{readErr}
		case err != nil:
			fr.Problems = append(fr.Problems, problem{Severity: "error", Message: err.Error(), text: err.Error()})
		default:
			// The texts of its sources are beside it, in sources/.
			t, warnings, err := data.CheckIn(data.DirFS(filepath.Dir(file)), file, src)
			var errs data.Errors
			if errors.As(err, &errs) {
				problems = errs
			} else if t != nil {
				problems = append(warnings, langWarnings(file, t)...)
				report.people += len(t.People)
				report.relationships += len(t.Relationships)
				report.events += len(t.Events)
			}
		}
		for _, e := range problems {
			severity := "error"
			if e.Warning {
				severity = "warning"
			}
			// The text names the file as a terminal can show it.
			shown := *e
			shown.File = visiblePath(file)
			fr.Problems = append(fr.Problems, problem{severity, e.Line, e.Column, e.Path, e.Message, e.Omitted, shown.Error()})
		}
		fr.Valid = true
		for _, p := range fr.Problems {
			if p.Severity == "error" {
				report.Errors += max(1, p.Omitted)
				fr.Valid = false
			} else {
				report.Warnings += max(1, p.Omitted)
			}
		}
		report.Files = append(report.Files, fr)
	}
	report.Valid = report.Errors == 0
	return report
}

// langWarnings say what of the page's strings the timeline's language
// lacks, which its readers see in English: all of them when it has no
// catalogue (locales/messages), or the ids its catalogue lacks.
func langWarnings(file string, t *data.Timeline) data.Errors {
	if t.Lang == "" {
		return nil
	}
	message := untranslatedText(t.Lang, locales.Translated(t.Lang), locales.Missing(t.Lang))
	if message == "" {
		return nil
	}
	return data.Errors{{File: file, Path: "lang", Message: message, Warning: true}}
}

// untranslatedText says what of the page's strings lang lacks: all of
// them when it has no catalogue (translated is false), else the ids its
// catalogue lacks (missing); "" when it lacks none.
func untranslatedText(lang string, translated bool, missing []string) string {
	switch {
	case !translated:
		return fmt.Sprintf("no interface strings in %q yet: its pages show English words with its own dates and numbers; translate locales/messages/en.json into locales/messages/%s.json", lang, lang)
	case len(missing) > 0:
		return fmt.Sprintf("the strings of %q lack %s, which its pages show in English: %s", lang,
			count(len(missing), "message", "messages"), strings.Join(missing, ", "))
	}
	return ""
}

// writeText prints every problem, then a summary: errors and a failure on
// stderr, a success on stdout.
func (r validationReport) writeText(stdout, stderr io.Writer) {
	for _, f := range r.Files {
		for _, p := range f.Problems {
			fmt.Fprintln(stderr, p.text)
		}
	}
	warnings := ""
	if r.Warnings > 0 {
		warnings = ", " + count(r.Warnings, "warning", "warnings")
	}
	if r.Errors > 0 {
		fmt.Fprintf(stderr, "%s%s in %s\n", count(r.Errors, "problem", "problems"), warnings, count(len(r.Files), "file", "files"))
		return
	}
	fmt.Fprintf(stdout, "ok: %s valid (%s, %s, %s)%s\n", count(len(r.Files), "file", "files"),
		count(r.people, "person", "people"), count(r.relationships, "relationship", "relationships"), count(r.events, "event", "events"), warnings)
}

// visiblePath is path, quoted when it has a character that is not
// visible (a control character in a file's name would reach the
// terminal).
func visiblePath(path string) string {
	if strings.ContainsFunc(path, func(r rune) bool { return !unicode.IsGraphic(r) || r == utf8.RuneError }) {
		return strconv.Quote(path)
	}
	return path
}

// escapeControls escapes, in a JSON text, the control characters that
// encoding/json writes as they are: DEL and U+0080 to U+009F. Outside
// strings JSON is ASCII without them, so that each is in a string.
func escapeControls(text []byte) []byte {
	var out bytes.Buffer
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == 0x7f || 0x80 <= r && r <= 0x9f {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(text[:size])
		}
		text = text[size:]
	}
	return out.Bytes()
}

// timelineFiles is path itself, or the .json files directly inside it.
func timelineFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no timeline (.json file) in this directory", path)
	}
	return files, nil
}

// count is n and the noun that counts it: "1 relationship", "2 files".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
