package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/liaison-timeline/liaison/data"
)

// gen writes a synthetic timeline, for benchmarks and tests at scale.
func gen(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	flags.SetOutput(stderr)
	people := flags.Int("people", 100, "how many `people`")
	relationships := flags.Int("relationships", 200, "how many `relationships`")
	seed := flags.Uint64("seed", 1, "random `seed`: the same seed makes the same file")
	out := flags.String("o", "", "output `file` (its name, without .json, is the timeline's id); default: standard output")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *people < 2 || *relationships < 0 || flags.NArg() > 0 {
		fmt.Fprintln(stderr, "liaison gen: -people must be at least 2 and -relationships at least 0, with no other arguments")
		return 2
	}
	t := data.Generate(*people, *relationships, *seed)
	if *out != "" {
		t.ID = strings.TrimSuffix(filepath.Base(*out), ".json")
		if !data.IsSlug(t.ID) {
			fmt.Fprintf(stderr, "liaison gen: the file name %q does not make an id (lowercase letters, digits and hyphens)\n", filepath.Base(*out))
			return 2
		}
	}
	src, err := json.MarshalIndent(t, "", " ")
	if err != nil {
		fmt.Fprintf(stderr, "liaison gen: %v\n", err)
		return 1
	}
	src = append(src, '\n')
	if *out == "" {
		stdout.Write(src)
		return 0
	}
	if err := writeFile(*out, src); err != nil {
		fmt.Fprintf(stderr, "liaison gen: %v\n", err)
		return 1
	}
	return 0
}
