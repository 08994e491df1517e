package data

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// An Error is one problem in a timeline file, located so that an editor can
// go straight to it.
type Error struct {
	File string
	// Line and Column are 1-based; Column counts characters, not bytes, and
	// is 0 when the problem is a whole line (a spreadsheet's row).
	Line, Column int
	// Path is the field's path, like relationships[1].phases[0].from; empty
	// when the problem is the file as a whole.
	Path string
	// Message says what was found and what was expected.
	Message string
	// Warning marks what is legal but probably a mistake: it does not make
	// a file invalid.
	Warning bool
	// Omitted is set on the last Error of a file's list that was cut at
	// MaxProblems: it stands for that many more problems of the file,
	// found and not listed. Its Line is 0.
	Omitted int
}

// Error formats e as file:line:column: path: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Warning {
		b.WriteString(": warning")
	}
	if e.Path != "" {
		b.WriteString(": " + e.Path)
	}
	b.WriteString(": " + e.Message)
	return b.String()
}

// Errors is every problem found, in file order.
type Errors []*Error

// Error lists one problem a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Count is how many problems es stands for: those it lists and those it
// says were left out.
func (es Errors) Count() int {
	n := 0
	for _, e := range es {
		n += max(1, e.Omitted)
	}
	return n
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if (a.Omitted > 0) != (b.Omitted > 0) {
			return b.Omitted > 0 // the count of the others comes last
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// A problemList keeps the first MaxProblems problems of one file, in file
// order, however many are found, and counts the others: a file with an
// error in each of 150,000 records made 150,000 log lines at each reload,
// a page of 21 MB, and as many errors in memory.
type problemList struct {
	kept  []locatedError
	found int
	// Once kept has been cut to MaxProblems, a problem after cutoff cannot
	// be among the first: it is counted, and its message never written.
	cut    bool
	cutoff int32
}

// A locatedError is an Error and where it is, in bytes, until finish
// turns that into a line and a column.
type locatedError struct {
	offset int32
	err    *Error
}

// admits counts a problem at offset, and reports whether it may be among
// the first MaxProblems, which add then keeps.
func (l *problemList) admits(offset int32) bool {
	l.found++
	return !l.cut || offset <= l.cutoff
}

func (l *problemList) add(offset int32, e *Error) {
	l.kept = append(l.kept, locatedError{offset, e})
	if len(l.kept) == 2*MaxProblems {
		l.trim()
	}
}

// trim orders the problems kept and cuts them to the first MaxProblems.
func (l *problemList) trim() {
	slices.SortStableFunc(l.kept, func(a, b locatedError) int { return cmp.Compare(a.offset, b.offset) })
	if len(l.kept) > MaxProblems {
		clear(l.kept[MaxProblems:])
		l.kept = l.kept[:MaxProblems]
		l.cut, l.cutoff = true, l.kept[MaxProblems-1].offset
	}
}

// finish is the list, in file order, each problem with its line and column
// in src, then, when some were left out, an Error that counts them.
func (l *problemList) finish(file string, src []byte, warning bool) Errors {
	if l.found == 0 {
		return nil
	}
	l.trim()
	errs := make(Errors, 0, len(l.kept)+1)
	// One pass over the file: counting each error's column from the start
	// of its line instead takes time in the square of the file's size when
	// the file is minified into one line and has an error in every record.
	line, column, at := 1, 1, 0
	for _, k := range l.kept {
		offset := min(max(int(k.offset), 0), len(src))
		for at < offset {
			r, size := utf8.DecodeRune(src[at:])
			if r == '\n' {
				line, column = line+1, 1
			} else {
				column++
			}
			at += size
		}
		k.err.Line, k.err.Column = line, column
		errs = append(errs, k.err)
	}
	if more := l.found - len(l.kept); more > 0 {
		msg := fmt.Sprintf("and %d more problems after these %d: fix these first", more, len(l.kept))
		if warning {
			msg = fmt.Sprintf("and %d more warnings after these %d", more, len(l.kept))
		}
		errs = append(errs, &Error{File: file, Warning: warning, Omitted: more, Message: msg})
	}
	return errs
}
