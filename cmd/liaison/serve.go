package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/liaison-timeline/liaison/cmd/liaison/internal/server"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
	"github.com/liaison-timeline/liaison/web"
)

// serve runs the web server until ctx is done, then lets requests in flight
// finish.
func serve(ctx context.Context, args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "localhost:8080", "`address` to listen on")
	dir := flags.String("data", "", "`directory` of timeline files (default: the embedded timelines)")
	frameAncestors := flags.String("frame-ancestors", "",
		"`sources` that may frame /embed/ pages, as in CSP frame-ancestors (e.g. \"https://news.example\"); default any site")
	watch := flags.Bool("watch", false, "reload the -data directory when a file changes, and update open pages")
	shutdownTimeout := flags.Duration("shutdown-timeout", 10*time.Second,
		"on SIGTERM or SIGINT, how long requests in flight may take to finish before they are cut off")
	domain := flags.String("domain", "", "the `host` readers reach the site at (news.example), for the https links social networks read in pages")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *domain != "" && !validDomain(*domain) {
		fmt.Fprintf(stderr, "liaison serve: -domain %q: want a host name, like news.example, without scheme or path\n", *domain)
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "liaison serve: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if *watch && *dir == "" {
		fmt.Fprintln(stderr, "liaison serve: -watch needs -data DIR: the embedded timelines never change")
		return 2
	}

	// Reading a directory of large timelines takes seconds: a signal
	// meanwhile stops the server before it starts.
	type loaded struct {
		lib *data.Library
		err error
	}
	result, ok := untilInterrupted(ctx, func() loaded {
		lib, err := loadLibrary(*dir)
		return loaded{lib, err}
	})
	if !ok {
		fmt.Fprintf(stderr, "liaison serve: interrupted (%v) while reading the timelines\n", context.Cause(ctx))
		return 1
	}
	lib, err := result.lib, result.err
	var invalid data.Errors
	switch {
	case errors.As(err, &invalid):
		fmt.Fprintf(stderr, "liaison serve: the timelines are not valid, so the server does not start:\n%v\n", err)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	s, err := server.New(lib, web.FS, server.Config{Logger: logger, EmbedFrameAncestors: *frameAncestors, Watch: *watch, Domain: *domain})
	if err != nil {
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	}
	if *watch {
		if err := s.Watch(ctx, *dir); err != nil {
			fmt.Fprintf(stderr, "liaison serve: %v\n", err)
			return 1
		}
	}
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	}
	srv := s.HTTPServer()
	logger.Info("serving", "url", "http://"+listener.Addr().String(), "timelines", len(lib.Timelines()))

	done := make(chan error, 1)
	go func() { done <- srv.Serve(listener) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	logger.Info("shutting down: accepting no more connections, finishing the requests in flight", "deadline", *shutdownTimeout)
	shutdown, cancel := context.WithTimeout(context.Background(), *shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		srv.Close()
		fmt.Fprintf(stderr, "liaison serve: requests still in flight after %v were cut off: %v\n", *shutdownTimeout, err)
		return 1
	}
	logger.Info("stopped")
	return 0
}

// loadLibrary reads the timelines of dir, or the embedded ones when dir is
// empty. Errors name files by their path, and the directory as the user
// gave it.
func loadLibrary(dir string) (*data.Library, error) {
	if dir == "" {
		return data.LoadLibrary(timelines.FS)
	}
	if err := checkDataDir(dir); err != nil {
		return nil, err
	}
	lib, err := data.LoadLibrary(data.DirFS(dir))
	var list data.Errors
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			e.File = visiblePath(filepath.Join(dir, e.File))
		}
	case err != nil:
		return nil, fmt.Errorf("-data %s: %w", dir, err)
	}
	return lib, err
}

// checkDataDir says what is wrong with dir as a -data directory, if
// anything: os.DirFS answered "open .: no such file or directory".
func checkDataDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("-data %s: no such directory", dir)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("-data %s: %v", dir, err)
	case !info.IsDir():
		return fmt.Errorf("-data %s: not a directory: -data names the directory that holds the timeline files", dir)
	}
	return nil
}

// validDomain reports whether d is a host, with a port or not, and
// nothing else: no scheme, user or path.
func validDomain(d string) bool {
	u, err := url.Parse("https://" + d)
	return err == nil && d != "" && u.Host == d && u.User == nil && u.Path == "" && u.RawQuery == "" && u.Fragment == ""
}
