package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf8"
)

// SourcesDir is the folder beside the timelines that holds the texts of
// sources, one <source id>.txt each.
const SourcesDir = "sources"

// MaxSourceSize is the most bytes a source's text file may have. A long
// article is 50 KB and a book 1 MB; checking quotes against a source
// takes some 15 times its size in memory while it is checked (its
// normalised copies, their suffix arrays, its words), one source at a
// time: 60 MB at the limit.
const MaxSourceSize = 4 << 20

// sourceFileName is the name, in a data directory, of the text of the
// source id.
func sourceFileName(id string) string { return path.Join(SourcesDir, id+".txt") }

// readSourceFile reads the text of the source id from dir: nil and no
// error when there is none. Like a timeline, it must be a regular file,
// opened without blocking (a named pipe is refused at once), of at most
// MaxSourceSize bytes. In a directory on disk (DirFS), a link is followed
// only inside the directory: a source's text is shown to readers, and a
// link to /etc/passwd must not make it public.
func readSourceFile(dir fs.FS, id string) ([]byte, error) {
	name := sourceFileName(id)
	var (
		f   fs.File
		err error
	)
	if d, ok := dir.(dirFS); ok {
		var root *os.Root
		if root, err = os.OpenRoot(string(d)); err != nil {
			return nil, err
		}
		defer root.Close()
		f, err = root.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
	} else {
		f, err = dir.Open(name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s cannot be read: %w", name, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %w", name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file", name, fileKind(info.Mode()))
	}
	if info.Size() > MaxSourceSize {
		return nil, sourceTooLarge(name, info.Size())
	}
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxSourceSize+1)); err != nil {
		return nil, fmt.Errorf("%s cannot be read: %w", name, err)
	}
	if buf.Len() > MaxSourceSize {
		return nil, sourceTooLarge(name, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func sourceTooLarge(name string, size int64) error {
	return fmt.Errorf("%s has %d bytes, more than the %d (%d MiB) a source's text may have", name, size, MaxSourceSize, MaxSourceSize>>20)
}

// sourceText checks the bytes of a source's text file: UTF-8, and no
// control character but line breaks, tabs and carriage returns (a file
// saved on Windows ends its lines with them). A byte order mark at its
// start is dropped.
func sourceText(name string, b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	line, column := 1, 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return "", fmt.Errorf("%s:%d:%d: the byte 0x%02X is not UTF-8: save the file as UTF-8", name, line, column, b[i])
		case isForbiddenControl(r) && r != '\r':
			return "", fmt.Errorf("%s:%d:%d: found the control character U+%04X: remove it", name, line, column, r)
		case r == '\n':
			line, column = line+1, 0
		}
		column++
		i += n
	}
	return string(b), nil
}

// A quoteCheck is a quote to find in its source's text once every source
// is read.
type quoteCheck struct {
	offset int32  // of the quote
	path   string // of the evidence; the error's is joined when it is kept
	ev     *Evidence
}

// verifyQuotes reads each source's text, inline or beside the timeline
// in d.dir, and checks every quote of it, one source at a time: only one
// source's index is in memory at once. A quote found gets its passage; a
// quote not found is an error at the quote.
func (d *decoder) verifyQuotes(t *Timeline) {
	for i := range t.Sources {
		s := &t.Sources[i]
		at := d.sourceAt[s.ID]
		text := s.Text
		if d.dir != nil {
			b, err := readSourceFile(d.dir, s.ID)
			switch {
			case err != nil:
				d.fail(at.offset, at.path, "%v", err)
				continue
			case b != nil && s.Text != "":
				d.fail(d.sourceTextAt[s.ID], join(at.path, "text"), "the text is given twice, here and in %s: keep one", sourceFileName(s.ID))
				continue
			case b != nil:
				if text, err = sourceText(sourceFileName(s.ID), b); err != nil {
					d.fail(at.offset, at.path, "%v", err)
					continue
				}
				if d.sourceHash != nil {
					fmt.Fprintf(d.sourceHash, "%s %d\n", sourceFileName(s.ID), len(b))
					d.sourceHash.Write(b)
				}
			}
		}
		checks := d.quotes[s.ID]
		if text == "" || len(checks) == 0 {
			continue
		}
		index := newSourceIndex(text)
		for _, c := range checks {
			passage, ok, closest := index.find(c.ev.Quote, c.ev.IgnoreCase || s.IgnoreCase)
			if ok {
				c.ev.Verified, c.ev.Passage = true, &passage
				continue
			}
			if !d.errs.admits(c.offset) {
				continue
			}
			msg := fmt.Sprintf("the quote %s is not in the text of the source %q", quoteCutShown(c.ev.Quote), s.ID)
			if closest != "" {
				msg += fmt.Sprintf("; the closest passage is %q: quote it exactly", closest)
			} else {
				msg += ": no word of it is in the source"
			}
			d.errs.add(c.offset, &Error{File: d.file, Path: join(c.path, "quote"), Message: msg})
		}
	}
}

// pendingQuotes records the quotes of list (evidence read at paths, at
// offsets) whose source may have a text, to check once it is read.
func (d *decoder) pendingQuotes(list []Evidence, at []quoteCheck) {
	if d.dir == nil && !d.inlineText {
		return // no source can have a text
	}
	for i, c := range at {
		c.ev = &list[i]
		if c.ev.Source != "" && c.ev.Quote != "" {
			d.quotes[c.ev.Source] = append(d.quotes[c.ev.Source], c)
		}
	}
}

// quoteCutShown is s for an error message: quoted, cut to its first
// maxClosestShown characters.
func quoteCutShown(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return fmt.Sprintf("%q", cutEnd(s, maxClosestShown))
}
