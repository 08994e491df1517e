package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFile checks that an output file appears whole, and not at all
// once the command is interrupted: neither the file nor its temporary
// copy is left.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	if err := writeFile(path, []byte("whole")); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "whole" {
		t.Errorf("read back %q, %v", got, err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", info.Mode(), err)
	}

	t.Cleanup(func() {
		outputs.Lock()
		outputs.interrupted = false
		outputs.Unlock()
	})
	abandonOutputs()
	if err := writeFile(filepath.Join(dir, "b.json"), []byte("half")); !errors.Is(err, errInterrupted) {
		t.Errorf("writing after an interruption: %v, want %v", err, errInterrupted)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files, want only a.json", len(entries))
	}
}
