//go:build !wasm

package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The bytes of a spreadsheet saved as CSV differ by program and language
// (data/testdata/csv/README.md has one file of each): Excel's "CSV UTF-8"
// starts with a byte-order mark; its "CSV (Comma delimited)" is in the
// system's code page, Windows-1252 for Western European languages; Excel
// in languages that write decimals with a comma separates cells with
// semicolons; "Unicode Text" is UTF-16 with tabs; Google Sheets and
// LibreOffice write UTF-8 without a mark. csvText reads them all, or says
// what it found and how to save the file instead.

// saveAsUTF8 says how to save a spreadsheet in the one encoding that
// cannot be mistaken.
const saveAsUTF8 = `save the spreadsheet as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8 (Comma delimited); ` +
	`LibreOffice: File › Save As › Text CSV, character set Unicode (UTF-8); Google Sheets: File › Download › ` +
	`Comma-separated values) and import that file`

// A csvSource is a spreadsheet's text, decoded, and how it was read.
type csvSource struct {
	text  string
	comma rune
	// lines is how many lines come before text in the file: Excel's
	// "sep=" line, which Excel does not show as a row.
	lines int
	// windows1252 is set when the file was not UTF-8 and was read as
	// Windows-1252, a guess the import tells the editor about.
	windows1252 bool
}

var (
	utf8BOM    = []byte{0xef, 0xbb, 0xbf}
	utf16LEBOM = []byte{0xff, 0xfe}
	utf16BEBOM = []byte{0xfe, 0xff}
	zipMagic   = []byte("PK\x03\x04")
	oleMagic   = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// csvText decodes a spreadsheet file and finds its delimiter.
func csvText(file string, src []byte) (*csvSource, *Error) {
	fail := func(line int, format string, args ...any) (*csvSource, *Error) {
		return nil, &Error{File: file, Line: line, Message: fmt.Sprintf(format, args...)}
	}
	s := &csvSource{}
	if !bytes.HasPrefix(src, utf16LEBOM) && !bytes.HasPrefix(src, utf16BEBOM) {
		src = []byte(macLineEnds(string(src)))
	}
	switch {
	case bytes.HasPrefix(src, zipMagic):
		return fail(1, "the file is a workbook (.xlsx, .ods or .numbers), not CSV: %s", saveAsUTF8)
	case bytes.HasPrefix(src, oleMagic):
		return fail(1, "the file is an old Excel workbook (.xls), not CSV: %s", saveAsUTF8)
	case bytes.HasPrefix(src, utf8BOM):
		src = src[len(utf8BOM):]
		if !utf8.Valid(src) {
			return fail(lineAt(src, invalidUTF8At(src)), "the file starts with UTF-8's byte-order mark, but this line is not UTF-8: %s", saveAsUTF8)
		}
		s.text = string(src)
	case bytes.HasPrefix(src, utf16LEBOM), bytes.HasPrefix(src, utf16BEBOM):
		// Excel's "Unicode Text": the mark says which byte comes first.
		text, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(src)
		if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
			return fail(0, "the file starts with UTF-16's byte-order mark, but is not UTF-16 text: %s", saveAsUTF8)
		}
		s.text = string(text)
	case utf8.Valid(src):
		s.text = string(src)
	default:
		text, line, err := windows1252(src)
		if err != "" {
			return fail(line, "%s", err)
		}
		s.text, s.windows1252 = text, true
	}
	if i := strings.IndexByte(s.text, 0); i >= 0 {
		return fail(lineAt([]byte(s.text), i), "the file has NUL characters: it is not a spreadsheet saved as CSV; %s", saveAsUTF8)
	}
	s.text = macLineEnds(s.text)
	s.comma = sniffComma(s)
	return s, nil
}

// windows1252 decodes src, which is not UTF-8, as Windows-1252, the code
// page of Excel's "CSV (Comma delimited)" in Western European languages;
// or says why it must not: src is partly UTF-8 (two files pasted
// together, which no single reading gets right), has a byte that
// Windows-1252 leaves undefined, or reads as no Western language would
// (a run of four letters none of which is ASCII: Cyrillic, Greek, Hebrew
// or Arabic saved in their own code pages). Other code pages that read as
// plausible Western text (Mac Roman, ISO-8859-15, Windows-1250 for Central
// European) cannot be told apart: the import says what it did, and shows
// the letters to check.
func windows1252(src []byte) (text string, line int, problem string) {
	text, _ = charmap.Windows1252.NewDecoder().String(string(src))
	if i := strings.IndexRune(text, utf8.RuneError); i >= 0 {
		return "", lineAt([]byte(text), i), fmt.Sprintf("this line has a byte that is neither UTF-8 nor Windows-1252 (Western European): the file is in another encoding; %s", saveAsUTF8)
	}
	if i, word := foreignRun(text); i >= 0 {
		return "", lineAt([]byte(text), i), fmt.Sprintf("the file is not UTF-8, and read as Windows-1252 (Western European) this line says %q: it is in another language's encoding; %s", word, saveAsUTF8)
	}
	if at := latinUTF8At(src); at >= 0 {
		bad := invalidUTF8At(src)
		return "", lineAt(src, bad), fmt.Sprintf("this line is not UTF-8 (byte %#x), but line %d is: the file mixes two encodings, and no one reading gets both right; %s",
			src[bad], lineAt(src, at), saveAsUTF8)
	}
	return text, 0, ""
}

// macLineEnds turns the rows of a file whose lines end with a carriage
// return alone, as Excel for the Mac wrote them before 2016, into lines
// that encoding/csv reads: it would keep such a return inside a cell. The
// line feeds of such a file are line breaks inside cells, and stay.
func macLineEnds(text string) string {
	if !strings.Contains(text, "\r") || strings.Contains(text, "\r\n") {
		return text
	}
	return strings.ReplaceAll(text, "\r", "\n")
}

// invalidUTF8At is the offset of the first byte of src that is not UTF-8.
func invalidUTF8At(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// latinUTF8At is the offset of the first character of src that UTF-8
// writes in three or more bytes, or in two starting 0xC2 or 0xC3 (the
// accented letters of Western languages), or -1. Bytes of Windows-1252
// text make such a sequence only by chance ("Ã" then "©"), so one means
// that part of the file is UTF-8; two-byte sequences of other lead bytes
// occur in Cyrillic and Greek code pages, and tell nothing.
func latinUTF8At(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r != utf8.RuneError && (size > 2 || size == 2 && src[i] <= 0xc3) {
			return i
		}
		i += size
	}
	return -1
}

// foreignRun finds four letters in a row, none of them ASCII.
func foreignRun(text string) (int, string) {
	start, n := 0, 0
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) && r >= utf8.RuneSelf:
			if n == 0 {
				start = i
			}
			if n++; n == 4 {
				end := i + utf8.RuneLen(r)
				for _, r := range text[end:] {
					if !unicode.IsLetter(r) {
						break
					}
					end += utf8.RuneLen(r)
				}
				return start, text[start:end]
			}
		default:
			n = 0
		}
	}
	return -1, ""
}

// lineAt is the line, from 1, of offset i of src.
func lineAt(src []byte, i int) int {
	return bytes.Count(src[:max(i, 0)], []byte{'\n'}) + 1
}

// sniffComma finds the delimiter: Excel's "sep=" line when the file has
// one (taken off the text), else the one of comma, semicolon and tab that
// splits the header row into the most known column names. The header is
// what tells: a cell's text may hold any of them.
func sniffComma(s *csvSource) rune {
	first, rest, _ := strings.Cut(s.text, "\n")
	if sep, ok := strings.CutPrefix(strings.ToLower(strings.TrimRight(first, "\r")), "sep="); ok && utf8.RuneCountInString(sep) == 1 {
		s.text, s.lines = rest, 1
		return []rune(sep)[0]
	}
	best, most := ',', 0
	for _, comma := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(s.text))
		r.Comma, r.FieldsPerRecord = comma, -1
		header, err := r.Read()
		if err != nil {
			continue
		}
		known := 0
		for _, name := range header {
			if isCSVColumn(strings.ToLower(strings.TrimSpace(name))) {
				known++
			}
		}
		if known > most {
			best, most = comma, known
		}
	}
	return best
}

// A csvRow is one record of a spreadsheet and its row number as the
// spreadsheet shows it.
type csvRow struct {
	number int
	cells  []string
}

// readRows splits s into rows. A quote that is not closed is reported where
// it opens, not where encoding/csv gave up, which may be many rows below
// or the end of the file.
func readRows(file string, s *csvSource) ([]csvRow, *Error) {
	r := csv.NewReader(strings.NewReader(s.text))
	r.Comma, r.FieldsPerRecord = s.comma, -1 // spreadsheets leave trailing cells out
	var rows []csvRow
	extra := s.lines // lines that are not rows of their own: a sep= line, line breaks inside cells
	for {
		cells, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			var header []string
			if len(rows) > 0 {
				header = rows[0].cells
			}
			return rows, quoteError(file, s, pe, extra, header)
		}
		if err != nil {
			return rows, &Error{File: file, Message: err.Error()}
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, csvRow{number: line + s.lines - extra, cells: cells})
		for _, c := range cells {
			extra += strings.Count(c, "\n")
		}
	}
}

// quoteError locates encoding/csv's complaint about a quote at the cell
// whose quotes are wrong, as a spreadsheet numbers rows and columns.
func quoteError(file string, s *csvSource, pe *csv.ParseError, extra int, header []string) *Error {
	row := pe.StartLine + s.lines - extra
	start := lineStart(s.text, pe.StartLine)
	cell, opened, closed := scanQuotes(s.text, start, s.comma)
	e := &Error{File: file, Line: row, Column: cell + 1, Path: columnName(cell)}
	if cell < len(header) && strings.TrimSpace(header[cell]) != "" {
		e.Path += " (" + strings.ToLower(strings.TrimSpace(header[cell])) + ")"
	}
	const double = `a " inside a cell is written twice ("")`
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		e.Message = `a " inside a cell that does not start with one: start and end the cell with ", and ` + double
	case closed < 0:
		e.Message = fmt.Sprintf(`the " that opens this cell is never closed, so the rest of the file (to line %d) would be this one cell: close it, or if it is part of the text, %s`,
			lineAt([]byte(s.text), len(strings.TrimRight(s.text, "\r\n")))+s.lines, double)
	case lineAt([]byte(s.text), opened) < lineAt([]byte(s.text), closed):
		e.Message = fmt.Sprintf(`the " that opens this cell is not closed on its row: the cell ran on to line %d, where a " is followed by %q; close it, or if it is part of the text, %s`,
			lineAt([]byte(s.text), closed)+s.lines, after(s.text, closed+1), double)
	default:
		e.Message = fmt.Sprintf(`the " that closes this cell is followed by %q: %s`, after(s.text, closed+1), double)
	}
	return e
}

// after is the text at i, to the end of its line, shortened.
func after(text string, i int) string {
	s, _, _ := strings.Cut(text[i:], "\n")
	s = strings.TrimRight(s, "\r")
	if r := []rune(s); len(r) > 20 {
		s = string(r[:20]) + "…"
	}
	return s
}

// lineStart is the offset of line n, from 1, of text.
func lineStart(text string, n int) int {
	at := 0
	for ; n > 1; n-- {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			return len(text)
		}
		at += i + 1
	}
	return at
}

// scanQuotes reads the record at offset start of text up to its first
// cell whose quotes are wrong: it returns that cell's index, where its
// opening quote is, and where its closing quote is (-1 when it has none).
func scanQuotes(text string, start int, comma rune) (cell, opened, closed int) {
	i := start
	for i < len(text) {
		if text[i] != '"' {
			// An unquoted cell: to the next delimiter or line end.
			for i < len(text) && text[i] != '\n' {
				r, size := utf8.DecodeRuneInString(text[i:])
				if r == comma {
					break
				}
				if r == '"' {
					return cell, i, i
				}
				i += size
			}
		} else {
			opened, closed = i, -1
			for j := i + 1; j < len(text); j++ {
				if text[j] == '"' {
					if j+1 < len(text) && text[j+1] == '"' {
						j++
						continue
					}
					closed = j
					break
				}
			}
			if closed < 0 {
				return cell, opened, -1
			}
			i = closed + 1
			if r, _ := utf8.DecodeRuneInString(text[i:]); i < len(text) && r != comma && r != '\r' && r != '\n' {
				return cell, opened, closed
			}
		}
		if i >= len(text) || text[i] == '\n' || text[i] == '\r' {
			break
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		cell++
	}
	return cell, start, start
}
