package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/liaison-timeline/liaison/data"
)

// importCSV turns a spreadsheet (docs/spreadsheet.md) into a timeline file,
// reporting every problem by row and column.
func importCSV(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("import", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "timeline `file` to write, DIR/ID.json (default: standard output)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "Usage: liaison import FILE.csv [-o DIR/ID.json]\n\nReads a timeline from a spreadsheet saved as CSV; see docs/spreadsheet.md.")
		flags.PrintDefaults()
	}
	// The file may come before the flags, as editors type it.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if file == "" && flags.NArg() == 1 {
		file = flags.Arg(0)
	} else if flags.NArg() > 0 || file == "" {
		flags.Usage()
		return 2
	}
	f, err := data.OpenFile(file)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer f.Close()
	t, notes, err := data.ImportCSV(file, f)
	var list data.Errors
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list)
		fmt.Fprintf(stderr, "%s in %s: nothing written\n", count(list.Count(), "problem", "problems"), file)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if len(notes) > 0 {
		fmt.Fprintln(stderr, notes)
	}
	if *out != "" {
		if want := strings.TrimSuffix(filepath.Base(*out), ".json"); want != t.ID || !strings.HasSuffix(*out, ".json") {
			fmt.Fprintf(stderr, "liaison import: the timeline's id is %q, so its file must be named %s.json\n", t.ID, t.ID)
			return 1
		}
	}
	src, err := json.MarshalIndent(t.AsWritten(), "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	src = append(src, '\n')
	if *out == "" {
		stdout.Write(src)
		return 0
	}
	if err := writeFile(*out, src); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d people, %d relationships, %d events\n", *out, len(t.People), len(t.Relationships), len(t.Events))
	return 0
}

// exportCSV writes a timeline file as a spreadsheet, for editors who would
// rather edit a table.
func exportCSV(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "Usage: liaison export-csv FILE.json\n\nWrites a timeline as a spreadsheet (CSV) on standard output.")
		return 2
	}
	src, err := data.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	t, err := data.Parse(args[0], src)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var buf bytes.Buffer
	if err := data.WriteCSV(&buf, t); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	stdout.Write(buf.Bytes())
	return 0
}
