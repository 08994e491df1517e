package data

import (
	"fmt"
	"sort"
	"strings"
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

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}
