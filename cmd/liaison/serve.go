//go:build !wasm

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
	"os"
	"path/filepath"
	"time"

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
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "liaison serve: unexpected argument %q\n", flags.Arg(0))
		return 2
	}

	lib, err := loadLibrary(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "liaison serve: the timelines are not valid, so the server does not start:\n%v\n", err)
		return 1
	}
	handler, err := newServer(lib, web.FS)
	if err != nil {
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	}
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("serving", "url", "http://"+listener.Addr().String(), "timelines", len(lib.Timelines()))

	done := make(chan error, 1)
	go func() { done <- srv.Serve(listener) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "liaison serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "liaison serve: shutting down: %v\n", err)
		return 1
	}
	return 0
}

// loadLibrary reads the timelines of dir, or the embedded ones when dir is
// empty. Errors name files by their path.
func loadLibrary(dir string) (*data.Library, error) {
	var files fs.FS = timelines.FS
	if dir != "" {
		files = os.DirFS(dir)
	}
	lib, err := data.LoadLibrary(files)
	var list data.Errors
	if dir != "" && errors.As(err, &list) {
		for _, e := range list {
			e.File = filepath.Join(dir, e.File)
		}
	}
	return lib, err
}
