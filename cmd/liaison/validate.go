//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-timeline/liaison/data"
)

// validate checks timeline files, or every .json file of directories, and
// reports every problem with its file, line, column and field.
func validate(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("validate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "Usage: liaison validate PATH...\n\nChecks timeline files, or every .json file in directories, against the data format.")
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() == 0 {
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
	var (
		problems                int
		people, relations, evts int
	)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(stderr, err)
			problems++
			continue
		}
		t, err := data.Parse(file, src)
		var list data.Errors
		if errors.As(err, &list) {
			fmt.Fprintln(stderr, list)
			problems += len(list)
			continue
		}
		people += len(t.People)
		relations += len(t.Relationships)
		evts += len(t.Events)
	}
	if problems > 0 {
		fmt.Fprintf(stderr, "%d %s in %s\n", problems, plural(problems, "problem", "problems"), countFiles(len(files)))
		return 1
	}
	fmt.Fprintf(stdout, "ok: %s valid (%d people, %d relationships, %d events)\n",
		countFiles(len(files)), people, relations, evts)
	return 0
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

func countFiles(n int) string {
	return fmt.Sprintf("%d %s", n, plural(n, "file", "files"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
