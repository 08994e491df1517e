package data

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Files on disk: a timeline file must be a regular file. A named pipe
// (FIFO) called x.json made os.Open wait for a writer forever, hanging
// serve at start, validate, and -watch for good; a link to /dev/zero
// passed the size check (the link's own size) and was read until memory
// ran out. Opening without blocking, then checking the opened file, is
// free of races: the file checked is the file read.

// DirFS is the directory dir as a file system, like os.DirFS, in which
// opening a file never blocks: a FIFO opens at once, and LoadLibrary
// then refuses it, as anything that is not a regular file. Links are
// followed, so that a Kubernetes ConfigMap (whose files are links into a
// directory beside them) works. Errors name files by their whole path.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

func (dir dirFS) path(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(dir), filepath.FromSlash(name)), nil
}

func (dir dirFS) Open(name string) (fs.File, error) {
	path, err := dir.path(name)
	if err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (dir dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	path, err := dir.path(name)
	if err != nil {
		return nil, err
	}
	return os.ReadDir(path)
}

// openNonBlocking opens path for reading without waiting for a FIFO's
// writer (see nonBlocking).
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
}

// OpenFile opens the file at path for reading, and refuses, without
// blocking, anything but a regular file of at most MaxFileSize bytes, with
// an *Error that says what it is.
func OpenFile(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	if _, err := checkRegular(f, path); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ReadFile reads the timeline file at path, as OpenFile opens it; a file
// that grew past MaxFileSize since is refused too.
func ReadFile(path string) ([]byte, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRegular(f, path)
}
