package main

import (
	"context"
	"fmt"
	"io"
)

const usage = `Liaison: interactive timelines of who dated, married and split from whom.

Usage:
  liaison serve [-addr localhost:8080] [-data DIR]   serve the timelines
  liaison validate PATH...                           check timeline files or directories
  liaison import FILE.csv [-o DIR/ID.json]           turn a spreadsheet into a timeline
  liaison export-csv FILE.json                       write a timeline as a spreadsheet
  liaison export -o DIR [-base /path/] [-data DIR]   write the site as static files
  liaison gen [-people 100] [-relationships 200] [-seed 1] [-o FILE]
                                                     write a synthetic timeline

Run "liaison COMMAND -h" for a command's flags.
`

// run carries out one command line and returns the process's exit code:
// 0 for success, 1 for a failure, 2 for a command line that is wrong.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	commands := map[string]func(args []string, stdout, stderr io.Writer) int{
		"validate":   validate,
		"gen":        gen,
		"import":     importCSV,
		"export-csv": exportCSV,
		"export":     export,
	}
	if command, ok := commands[args[0]]; ok {
		return interruptible(ctx, stderr, args[0], func() int { return command(args[1:], stdout, stderr) })
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "liaison: unknown command %q\n\n%s", args[0], usage)
	return 2
}
