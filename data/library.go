package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A Library is every timeline of one data directory.
type Library struct {
	timelines []*Timeline // by id
	version   string
	// problems are the errors of files that are invalid now, by the id
	// their name gives, when a reload kept their last good version.
	problems map[string]Errors
}

// LoadLibrary reads and validates every .json file at the top of dir. It
// fails, with Errors listing the problems of every file, unless all are
// valid; a directory with no timeline is an error too. A file must be a
// regular file, checked once opened: for a directory on disk, dir is
// DirFS's, whose Open never waits (os.DirFS's waits on a named pipe
// for a writer, forever).
func LoadLibrary(dir fs.FS) (*Library, error) {
	lib, errs, err := readLibrary(dir, nil)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return lib, nil
}

// ReloadLibrary reads dir again after a change. A file that is now invalid
// (an editor's mistake, or a file caught half-written) does not take its
// timeline away: the version of previous stays served, and the file's
// errors are returned and kept as that timeline's Problems. An invalid
// file with no previous version is left out. It fails only when dir cannot
// be read or holds no timeline at all.
func ReloadLibrary(dir fs.FS, previous *Library) (*Library, Errors, error) {
	return readLibrary(dir, previous)
}

func readLibrary(dir fs.FS, previous *Library) (*Library, Errors, error) {
	entries, err := fs.ReadDir(dir, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("reading data directory: %w", err)
	}
	var (
		lib  = Library{problems: map[string]Errors{}}
		errs Errors
		hash = sha256.New()
	)
	for _, entry := range entries {
		if entry.IsDir() || path.Ext(entry.Name()) != ".json" {
			continue
		}
		var fileErrs Errors
		src, err := readEntry(dir, entry)
		if err != nil {
			fileErrs = Errors{asFileError(entry.Name(), err)}
			// The version changes with the problem, which pages show.
			fmt.Fprintf(hash, "%s unreadable: %s\n", entry.Name(), fileErrs[0].Message)
		} else {
			fmt.Fprintf(hash, "%s %d\n", entry.Name(), len(src))
			hash.Write(src)
			t, _, err := check(dir, entry.Name(), src, time.Now(), hash)
			if list, ok := err.(Errors); ok {
				fileErrs = list
			} else {
				lib.timelines = append(lib.timelines, t)
			}
		}
		if len(fileErrs) == 0 {
			continue
		}
		errs = append(errs, fileErrs...)
		id := fileNameID(entry.Name())
		if previous != nil {
			if t, ok := previous.Timeline(id); ok {
				lib.timelines = append(lib.timelines, t)
				lib.problems[id] = fileErrs
			}
		}
	}
	if len(lib.timelines) == 0 && len(errs) == 0 {
		return nil, nil, fmt.Errorf("no timeline (.json file) in the data directory")
	}
	sort.Slice(lib.timelines, func(i, j int) bool { return lib.timelines[i].ID < lib.timelines[j].ID })
	lib.version = hex.EncodeToString(hash.Sum(nil))
	return &lib, errs, nil
}

// readEntry reads the file of a directory's entry, which must be a regular
// file of at most MaxFileSize bytes. A file over the limit is not even
// opened: it could be larger than the memory of the server about to refuse
// it.
func readEntry(dir fs.FS, entry fs.DirEntry) ([]byte, error) {
	if info, err := entry.Info(); err == nil && info.Mode().IsRegular() && info.Size() > MaxFileSize {
		return nil, fileTooLarge(entry.Name(), info.Size())
	}
	f, err := dir.Open(entry.Name())
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRegular(f, entry.Name())
}

// checkRegular returns the information of f, opened as the file name, and
// an *Error unless f is a regular file of at most MaxFileSize bytes. The
// information must be the opened file's: the entry of a directory is a
// link's, not its target's.
func checkRegular(f fs.File, name string) (fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{File: name, Message: "is " + fileKind(info.Mode()) + ", not a regular file"}
	}
	if info.Size() > MaxFileSize {
		return nil, fileTooLarge(name, info.Size())
	}
	return info, nil
}

// readRegular reads f, opened as the file name, as checkRegular allows,
// and no more than MaxFileSize bytes of it however it grows meanwhile.
func readRegular(f fs.File, name string) ([]byte, error) {
	info, err := checkRegular(f, name)
	if err != nil {
		return nil, err
	}
	// A buffer of the file's size and bytes.MinRead more reads it in one
	// allocation, and finds the end of the file without growing; one
	// byte more than the limit tells a file that grew past it meanwhile.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxFileSize {
		return nil, fileTooLarge(name, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a directory"
	}
	return "a special file"
}

// asFileError is err, which reading the file name failed with, as an
// *Error of that file.
func asFileError(name string, err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the file is named already
	}
	return &Error{File: name, Message: "cannot be read: " + err.Error()}
}

// Problems are the errors of the file of timeline id when the library
// serves its last good version instead; nil when the file is valid.
func (l *Library) Problems(id string) Errors { return l.problems[id] }

// Timelines returns every timeline, ordered by id.
func (l *Library) Timelines() []*Timeline { return l.timelines }

// Timeline returns the timeline with the given id.
func (l *Library) Timeline(id string) (*Timeline, bool) {
	i := sort.Search(len(l.timelines), func(i int) bool { return l.timelines[i].ID >= id })
	if i < len(l.timelines) && l.timelines[i].ID == id {
		return l.timelines[i], true
	}
	return nil, false
}

// Version is a hash of every file's name and content: it changes whenever
// the data does, so caches keyed on it never serve stale timelines.
func (l *Library) Version() string { return l.version }

// An UnknownPersonError is a person id that a timeline does not have.
type UnknownPersonError struct {
	Timeline, Person string
}

func (e *UnknownPersonError) Error() string {
	return fmt.Sprintf("timeline %q has no person %q", e.Timeline, e.Person)
}

// Person returns the person with the given id; Relationship, Event and
// Source the relationship, event and source.
func (t *Timeline) Person(id string) (*Person, bool) {
	return byID(t.People, id, func(p *Person) string { return p.ID })
}

func (t *Timeline) Relationship(id string) (*Relationship, bool) {
	return byID(t.Relationships, id, func(r *Relationship) string { return r.ID })
}

func (t *Timeline) Event(id string) (*Event, bool) {
	return byID(t.Events, id, func(e *Event) string { return e.ID })
}

func (t *Timeline) Source(id string) (*Source, bool) {
	return byID(t.Sources, id, func(s *Source) string { return s.ID })
}

// byID returns the item of items whose id, as idOf reads it, is id.
func byID[T any](items []T, id string, idOf func(*T) string) (*T, bool) {
	for i := range items {
		if idOf(&items[i]) == id {
			return &items[i], true
		}
	}
	return nil, false
}

// Involving returns a copy of t that keeps only the relationships and events
// involving at least one of the given people, and the people those involve:
// partners stay as the other end of each relationship. With no ids it
// returns t itself. An id that t lacks is an *UnknownPersonError.
func (t *Timeline) Involving(ids []string) (*Timeline, error) {
	if len(ids) == 0 {
		return t, nil
	}
	// One pass over the people finds every id: a search for each id takes
	// the product of their numbers, seconds for a URL's hundreds of ids in
	// a timeline of a hundred thousand people.
	chosen := make(map[string]bool, len(ids))
	for _, id := range ids {
		chosen[id] = false
	}
	for _, p := range t.People {
		if _, ok := chosen[p.ID]; ok {
			chosen[p.ID] = true
		}
	}
	for _, id := range ids {
		if !chosen[id] {
			return nil, &UnknownPersonError{Timeline: t.ID, Person: id}
		}
	}
	kept := maps.Clone(chosen)
	out := *t
	out.Relationships = []Relationship{}
	for _, r := range t.Relationships {
		if chosen[r.People[0]] || chosen[r.People[1]] {
			out.Relationships = append(out.Relationships, r)
			kept[r.People[0]], kept[r.People[1]] = true, true
		}
	}
	out.Events = nil
	for _, e := range t.Events {
		if involvesAny(e.People, chosen) {
			out.Events = append(out.Events, e)
			for _, p := range e.People {
				kept[p] = true
			}
		}
	}
	out.People = nil
	for _, p := range t.People {
		if kept[p.ID] {
			out.People = append(out.People, p)
		}
	}
	return &out, nil
}

func involvesAny(people []string, chosen map[string]bool) bool {
	for _, p := range people {
		if chosen[p] {
			return true
		}
	}
	return false
}

// ParsePersonList splits the values of repeated or comma-separated person
// parameters (?person=a,b&person=c) into ids, dropping blanks and repeats.
// Ids are lower-case (IsSlug): Lily-Allen, typed or pasted, is lily-allen.
func ParsePersonList(values []string) []string {
	var ids []string
	for _, v := range values {
		for _, id := range strings.Split(v, ",") {
			id = strings.ToLower(strings.TrimSpace(id))
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// An UnknownTimelineError is a timeline id that a library does not have.
type UnknownTimelineError struct {
	ID string
}

func (e *UnknownTimelineError) Error() string {
	return fmt.Sprintf("there is no timeline %q", e.ID)
}

// A Summary describes a timeline in a list of timelines.
type Summary struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	// People is how many people the timeline has.
	People int `json:"people"`
	// Span is the years it covers, like "2018–2025"; empty with no dates.
	Span string `json:"span,omitempty"`
}

// Summaries describes every timeline of the library, ordered by id.
func (l *Library) Summaries() []Summary {
	list := make([]Summary, len(l.timelines))
	for i, t := range l.timelines {
		list[i] = Summary{ID: t.ID, Title: t.Title, Summary: t.Summary, People: len(t.People), Span: t.Span()}
	}
	return list
}

// Span is the years a timeline's relationships and events cover, like
// "2018–2025", or "2020" for one year; empty when it has no dates.
func (t *Timeline) Span() string {
	first, last := 0, 0
	see := func(d Date) {
		if d.IsZero() {
			return
		}
		if first == 0 || d.Earliest.Year() < first {
			first = d.Earliest.Year()
		}
		last = max(last, d.Latest.Year())
	}
	for _, r := range t.Relationships {
		for _, p := range r.Phases {
			see(p.From)
		}
		if r.End != nil {
			see(r.End.Date)
		}
	}
	for _, e := range t.Events {
		see(e.Date)
	}
	switch {
	case first == 0:
		return ""
	case first == last:
		return strconv.Itoa(first)
	}
	return strconv.Itoa(first) + "–" + strconv.Itoa(last)
}
