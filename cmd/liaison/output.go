package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Commands other than serve do their work without watching for SIGINT or
// SIGTERM: reading and checking files, rendering pages, compressing. Once
// main diverted those signals to a context that only serve watched, Ctrl-C
// stopped nothing else; and a command killed while writing its output
// left half a file. Now each runs until a signal, then stops at once, and
// the files it writes appear whole or not at all.

// untilInterrupted returns what f returns, or false as soon as ctx is
// done: f then goes on, its result unused, until the process exits.
func untilInterrupted[T any](ctx context.Context, f func() T) (T, bool) {
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case result := <-done:
		return result, true
	case <-ctx.Done():
		abandonOutputs()
		var zero T
		return zero, false
	}
}

// interruptible runs the command name, which returns its exit code, until
// ctx is done; it says so then, and exits 1.
func interruptible(ctx context.Context, stderr io.Writer, name string, command func() int) int {
	code, ok := untilInterrupted(ctx, command)
	if !ok {
		fmt.Fprintf(stderr, "liaison %s: interrupted (%v); no file written\n", name, context.Cause(ctx))
		return 1
	}
	return code
}

// outputs are the files being written, under temporary names until they
// are whole.
var outputs struct {
	sync.Mutex
	temporary   map[string]bool
	interrupted bool // no file may be completed any more
}

// errInterrupted is the error of a file whose writing was interrupted.
var errInterrupted = errors.New("interrupted")

// writeFile writes content to the file at path, as os.WriteFile with mode
// 0644 does, but whole or not at all: into a temporary file beside it,
// renamed to path once complete, unless the command has been interrupted
// meanwhile.
func writeFile(path string, content []byte) error {
	dir, base := filepath.Split(path)
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	temporary := f.Name()
	outputs.Lock()
	if outputs.temporary == nil {
		outputs.temporary = map[string]bool{}
	}
	outputs.temporary[temporary] = true
	outputs.Unlock()

	_, err = f.Write(content)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}

	outputs.Lock()
	defer outputs.Unlock()
	delete(outputs.temporary, temporary)
	if err == nil && outputs.interrupted {
		err = errInterrupted
	}
	if err == nil {
		err = os.Rename(temporary, path)
	}
	if err != nil {
		os.Remove(temporary)
	}
	return err
}

// abandonOutputs removes the files being written, and keeps any other
// from being completed.
func abandonOutputs() {
	outputs.Lock()
	defer outputs.Unlock()
	outputs.interrupted = true
	for temporary := range outputs.temporary {
		os.Remove(temporary)
	}
	clear(outputs.temporary)
}
