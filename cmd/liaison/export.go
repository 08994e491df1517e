package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-timeline/liaison/cmd/liaison/internal/server"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/web"
)

// export writes the whole site as static files (see server.Export), for
// any static host or CDN at any path prefix.
func export(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("export", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "`directory` to write the site to (required)")
	base := flags.String("base", "/", "the `path` the site will be served under, like /graphics/liaison/")
	dir := flags.String("data", "", "`directory` of timeline files (default: the embedded timelines)")
	quality := flags.Int("brotli", 11, "brotli `quality`, 0 to 11: 11 makes the WebAssembly smallest for readers and takes about a minute")
	domain := flags.String("domain", "", "the `host` the site will be served from (news.example), for the https links social networks read in pages")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() > 0 || !strings.HasPrefix(*base, "/") || *quality < 0 || *quality > 11 || *domain != "" && !validDomain(*domain) {
		fmt.Fprintln(stderr, "Usage: liaison export -o DIR [-base /path/] [-data DIR] [-brotli 11] [-domain news.example]")
		flags.PrintDefaults()
		return 2
	}
	lib, err := loadLibrary(*dir)
	var invalid data.Errors
	switch {
	case errors.As(err, &invalid):
		fmt.Fprintf(stderr, "liaison export: the timelines are not valid:\n%v\n", err)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "liaison export: %v\n", err)
		return 1
	}
	now, err := exportClock(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		fmt.Fprintf(stderr, "liaison export: %v\n", err)
		return 2
	}
	files, err := server.Export(lib, web.FS, server.ExportConfig{
		Base: strings.TrimSuffix(*base, "/"), Domain: *domain, BrotliQuality: *quality, Clock: now,
	})
	if err == nil {
		err = writeSite(*out, files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "liaison export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files to %s, for %s\n", len(files), *out, path.Clean(*base+"/"))
	return 0
}

// exportClock is the clock of the pages an export renders, which places
// "now" on their charts (to the hour, like the server's): the time of the
// export, or the Unix time in sourceDateEpoch when it is set, as the
// reproducible-builds convention SOURCE_DATE_EPOCH has it. The same input
// then gives the same files, whenever it is exported.
func exportClock(sourceDateEpoch string) (func() time.Time, error) {
	if sourceDateEpoch == "" {
		return time.Now, nil
	}
	seconds, err := strconv.ParseInt(sourceDateEpoch, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH is %q: want seconds since 1970 (like 1767225600)", sourceDateEpoch)
	}
	at := time.Unix(seconds, 0).UTC()
	return func() time.Time { return at }, nil
}

// writeSite writes files under dir.
func writeSite(dir string, files map[string][]byte) error {
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeFile(p, content); err != nil {
			return err
		}
	}
	return nil
}
