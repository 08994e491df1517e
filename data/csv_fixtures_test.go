//go:build !wasm

package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// A csvFixture is a spreadsheet of testdata/csv.
type csvFixture struct {
	file  string
	enc   encoding.Encoding // nil: UTF-8
	comma rune
	// want is the timeline file it imports as; "" when it does not.
	want string
	// note is part of the warning the import gives about the encoding.
	note string
	// refused is part of the error of a file that cannot be read right.
	refused string
}

// csvFixtures are the spreadsheets of testdata/csv, saved as each program
// saves them (testdata/csv/README.md), with what the test knows of their
// bytes to read them on its own, and what the import must do with them.
var csvFixtures = []csvFixture{
	{file: "excel-csv-utf8.csv", comma: ',', want: "accents.json"},
	{file: "excel-csv-utf8-semicolon.csv", comma: ';', want: "accents.json"},
	{file: "excel-csv-comma-delimited-windows-1252.csv", enc: charmap.Windows1252, comma: ',', want: "accents.json",
		note: `read as Windows-1252 (Western European)`},
	{file: "excel-csv-semicolon-windows-1252.csv", enc: charmap.Windows1252, comma: ';', want: "accents.json",
		note: `row 2, E (title): "José, Zoë and Björk"`},
	{file: "excel-unicode-text-utf16.txt", enc: unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), comma: '\t', want: "accents.json"},
	{file: "libreoffice-utf8.csv", comma: ',', want: "accents.json"},
	{file: "google-sheets.csv", comma: ',', want: "accents.json"},
	{file: "google-sheets-mistakes.csv", comma: ','},
	{file: "excel-mac-csv-mac-roman.csv", enc: charmap.Macintosh, comma: ',',
		refused: `excel-mac-csv-mac-roman.csv:4: this line has a byte that is neither UTF-8 nor Windows-1252 (Western European)`},
	{file: "excel-csv-russian-windows-1251.csv", enc: charmap.Windows1251, comma: ';',
		refused: `excel-csv-russian-windows-1251.csv:3: the file is not UTF-8, and read as Windows-1252 (Western European) this line says "àéêîâñêèé": it is in another language's encoding; save the spreadsheet as "CSV UTF-8"`},
}

// TestCSVFixturesImport imports each spreadsheet as the programs save it:
// every one that can be read right gives the same timeline, with a warning
// when the import had to guess the encoding; the others are refused with
// what was found and how to save the file.
func TestCSVFixturesImport(t *testing.T) {
	files, _ := filepath.Glob("testdata/csv/*.*")
	for _, f := range files {
		if ext := filepath.Ext(f); ext != ".csv" && ext != ".txt" {
			continue
		}
		if !slices.ContainsFunc(csvFixtures, func(c csvFixture) bool { return c.file == filepath.Base(f) }) {
			t.Errorf("%s is not in csvFixtures", f)
		}
	}
	for _, fx := range csvFixtures {
		t.Run(fx.file, func(t *testing.T) {
			src, err := os.ReadFile("testdata/csv/" + fx.file)
			if err != nil {
				t.Fatal(err)
			}
			got, notes, err := ImportCSV(fx.file, bytes.NewReader(src))
			switch {
			case fx.refused != "":
				if err == nil || !strings.Contains(err.Error(), fx.refused) {
					t.Errorf("err = %v\nwant one containing %s", err, fx.refused)
				}
				return
			case fx.want == "":
				if err == nil {
					t.Error("imported a file with mistakes")
				}
				return
			case err != nil:
				t.Fatalf("does not import: %v", err)
			}
			wantSrc, err := os.ReadFile("testdata/csv/" + fx.want)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Parse(fx.want, wantSrc)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				a, _ := json.MarshalIndent(got, "", " ")
				t.Errorf("imported:\n%s\nwant %s", a, fx.want)
			}
			switch {
			case fx.note == "" && len(notes) > 0:
				t.Errorf("warnings: %v", notes)
			case fx.note != "" && (len(notes) != 1 || !strings.Contains(notes[0].Error(), fx.note)):
				t.Errorf("warnings = %v\nwant one containing %s", notes, fx.note)
			}
		})
	}
}

// TestCSVEveryCellLandsOrIsReported reads the cells of each spreadsheet on
// its own (with the encoding and delimiter its README gives) and checks
// that every one that is not empty lands in the imported timeline, or is
// named, by row and column, in an error. The cells errors name are emptied
// and the rest imported again, until the import succeeds: a cell is never
// excused by an error about another.
func TestCSVEveryCellLandsOrIsReported(t *testing.T) {
	for _, fx := range csvFixtures {
		if fx.refused != "" {
			continue // one error about the whole file: no cell lands
		}
		t.Run(fx.file, func(t *testing.T) {
			src, err := os.ReadFile("testdata/csv/" + fx.file)
			if err != nil {
				t.Fatal(err)
			}
			rows := fixtureRows(t, fx, src)
			reported := map[[2]int]bool{} // row, column from 1
			var got *Timeline
			for round := 0; got == nil; round++ {
				if round == 5 {
					t.Fatal("the import still fails after emptying every cell its errors named")
				}
				var errs error
				got, _, errs = ImportCSV(fx.file, bytes.NewReader(src))
				if errs == nil {
					break
				}
				list, ok := errs.(Errors)
				if !ok {
					t.Fatalf("err = %v, want Errors", errs)
				}
				for _, e := range list {
					if e.Line < 1 || e.Line > len(rows) || e.Column < 1 || e.Column > len(rows[e.Line-1]) {
						t.Fatalf("an error that names no cell: %v", e)
					}
					reported[[2]int{e.Line, e.Column}] = true
					rows[e.Line-1][e.Column-1] = ""
				}
				var buf bytes.Buffer
				w := csv.NewWriter(&buf)
				w.WriteAll(rows)
				src = buf.Bytes()
			}
			landed := cellsOf(t, got)
			header := rows[0]
			for i, row := range rows[1:] {
				for c, v := range row {
					v = strings.TrimSpace(v)
					if v == "" || reported[[2]int{i + 2, c + 1}] || strings.EqualFold(header[c], "type") {
						continue
					}
					key := cellKey(row[0], strings.ToLower(header[c]), v)
					if landed[key] == 0 {
						t.Errorf("row %d, column %s (%s): %q neither lands in the timeline nor is reported", i+2, columnName(c), header[c], v)
						continue
					}
					landed[key]--
				}
			}
			if fx.want == "" && len(reported) == 0 {
				t.Error("a file of mistakes imported without an error")
			}
		})
	}
}

// fixtureRows reads a fixture's cells with what the test knows of it.
func fixtureRows(t *testing.T, fx csvFixture, src []byte) [][]string {
	t.Helper()
	if fx.enc != nil {
		var err error
		if src, err = fx.enc.NewDecoder().Bytes(src); err != nil {
			t.Fatal(err)
		}
	}
	text := strings.TrimPrefix(string(src), "\ufeff")
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = fx.comma, -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// cellsOf is every cell of t written as a spreadsheet, counted by row type,
// column and value.
func cellsOf(t *testing.T, tl *Timeline) map[string]int {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tl); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]int{}
	for _, row := range rows[1:] {
		for c, v := range row {
			if v != "" {
				cells[cellKey(row[0], rows[0][c], v)]++
			}
		}
	}
	return cells
}

// cellKey names a cell's value in its row type and column; lists of ids
// and aliases compare item by item, whatever the spaces around them.
func cellKey(typ, column, value string) string {
	if column == "people" || column == "aliases" {
		value = strings.Join(splitList(value), ";")
	}
	return fmt.Sprintf("%s|%s|%s", strings.TrimSpace(typ), column, value)
}

// TestImportCSVFileKinds gives the import what editors save by mistake, or
// by other programs' habits: each is read, or refused with what was found.
func TestImportCSVFileKinds(t *testing.T) {
	const header = "type,id,title,name,people,of,status,date\n"
	const rows = "timeline,t,T\nperson,ann,,Ann\nperson,bob,,Bob\nrelationship,ab,,,ann;bob\nphase,,,,,ab,dating,2020\n"
	semicolons := strings.NewReplacer(",", ";", "ann;bob", `"ann;bob"`).Replace
	tests := []struct {
		name string
		src  string
		want string // "" when it imports
	}{
		{"Excel's sep= line", "sep=,\r\n" + header + rows, ""},
		{"semicolons with sep=", "sep=;\n" + semicolons(header+rows), ""},
		{"rows ended by a carriage return", strings.ReplaceAll(header+rows, "\n", "\r"), ""},
		{"a workbook", "PK\x03\x04\x14\x00\x06\x00", `t.csv:1: the file is a workbook (.xlsx, .ods or .numbers), not CSV: save the spreadsheet as "CSV UTF-8"`},
		{"an old workbook", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", `t.csv:1: the file is an old Excel workbook (.xls), not CSV`},
		{"UTF-16 without its mark", "t\x00y\x00p\x00e\x00", `t.csv:1: the file has NUL characters: it is not a spreadsheet saved as CSV`},
		{"a mark, then not UTF-8", "\xef\xbb\xbf" + header + "timeline,t,Caf\xe9\n", `t.csv:2: the file starts with UTF-8's byte-order mark, but this line is not UTF-8`},
		{"two encodings", header + "timeline,t,Caf\xc3\xa9\nperson,ann,Ren\xe9e\n", `t.csv:3: this line is not UTF-8 (byte 0xe9), but line 2 is: the file mixes two encodings`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := ImportCSV("t.csv", strings.NewReader(tt.src))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("does not import: %v", err)
			case tt.want == "" && (len(got.People) != 2 || got.Relationships[0].Phases[0].Status != Dating):
				t.Errorf("imported %+v", got)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v\nwant one containing %s", err, tt.want)
			}
		})
	}
}
