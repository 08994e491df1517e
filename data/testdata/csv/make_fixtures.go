//go:build ignore

// make_fixtures writes the spreadsheets of this folder: one timeline, and
// a few files with an editor's mistakes, saved with the bytes each
// spreadsheet program writes (README.md says which, and where that is
// documented). None of these programs runs on Linux servers, so the files
// are written here, convention by convention:
//
//	go run data/testdata/csv/make_fixtures.go
package main

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// accents is the timeline every program saves: names with the accents
// that Windows-1252 holds, typographic quotes and dashes, a cell with a
// comma, one with a semicolon, one with quotes and one of two lines.
var accents = [][]string{
	{"type", "id", "of", "name", "title", "summary", "description", "aliases", "people", "status", "date", "label", "certainty", "kind", "initiator", "reason", "quote", "source", "outlet", "url"},
	{"timeline", "accents", "", "", "José, Zoë and Björk", "Names with accents, as spreadsheets save them; “quotes” – and dashes.", "", "", "", "", "", "", "", "", "", "", "", "", "", ""},
	{"person", "jose-nunez", "", "José Núñez", "", "", "Actor; telenovelas", "Pepe Núñez", "", "", "1980~", "about 1980", "", "", "", "", "", "", "", ""},
	{"person", "zoe-francois", "", "Zoë François", "", "", "Pâtissière", "", "", "", "", "", "", "", "", "", "", "", "", ""},
	{"person", "bjork", "", "Björk Guðmundsdóttir", "", "", "Singer", "Björk;Bjork", "", "", "1965-11-21", "", "", "", "", "", "", "", "", ""},
	{"source", "le-monde", "", "", "Café crème : l’histoire", "", "", "", "", "", "2024-03", "", "", "", "", "", "", "", "Le Monde", "https://example.com/cafe-creme"},
	{"relationship", "jose-zoe", "", "", "", "", "", "", "jose-nunez;zoe-francois", "", "", "", "reported", "", "", "", "", "", "", ""},
	{"evidence", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "«Ils sont ensemble», dit-il — “c’est sûr”.", "le-monde", "", ""},
	{"phase", "", "jose-zoe", "", "", "", "", "", "", "dating", "2023~", "about 2023", "", "", "", "", "", "", "", ""},
	{"evidence", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Ils se fréquentent depuis 2023.", "le-monde", "", ""},
	{"end", "", "jose-zoe", "", "", "", "", "", "", "", "2024-06", "", "", "split", "zoe-francois", "Zoë’s move to Montréal", "", "", "", ""},
	{"evidence", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Zoë a dit \"non\" – c’est fini.", "le-monde", "", ""},
	{"relationship", "bjork-jose", "", "", "", "", "", "", "bjork;jose-nunez", "", "", "", "rumoured", "", "", "", "", "", "", ""},
	{"phase", "", "bjork-jose", "", "", "", "", "", "", "dating", "2024-09", "", "", "", "", "", "", "", "", ""},
	{"evidence", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Vus ensemble à Reykjavík.", "le-monde", "", ""},
	{"event", "premiere", "", "", "Première à Cannes", "", "", "", "jose-nunez;zoe-francois", "", "2023-05-20", "", "", "sighting", "", "", "Sur le tapis rouge,\nmain dans la main.", "", "", ""},
	{"evidence", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Première apparition publique.", "le-monde", "", ""},
}

// mistakes is an editor's first try: values in columns their rows do not
// read, and a cell past the last named column.
var mistakes = [][]string{
	{"type", "id", "of", "name", "title", "people", "status", "date", "certainty", "kind", "reason", "quote", "source", "outlet", ""},
	{"timeline", "mistakes", "", "", "First try", "", "", "", "", "", "", "", "", "", ""},
	{"person", "ann", "", "Ann", "", "", "", "", "", "", "", "", "", "", ""},
	{"person", "bob", "", "Bob", "", "", "", "", "", "", "", "", "", "", ""},
	{"source", "paper", "", "", "", "", "", "", "", "", "", "", "", "The Paper", ""},
	{"relationship", "ann-bob", "", "", "", "ann;bob", "reported", "", "", "", "", "They are an item.", "paper", "", ""},
	{"phase", "", "ann-bob", "", "", "", "dating", "2020", "", "", "They met at work", "", "", "", ""},
	{"end", "", "ann-bob", "", "", "", "", "2022", "", "split", "", "", "", "", "see p. 4"},
	{"evidence", "", "", "", "", "", "", "", "", "", "", "It is over.", "paper", "", ""},
}

// cyrillic is what Russian Excel's "CSV" holds: names in Windows-1251.
var cyrillic = [][]string{
	{"type", "id", "name"},
	{"timeline", "ru", ""},
	{"person", "pyotr", "Пётр Чайковский"},
	{"person", "antonina", "Антонина Милюкова"},
}

// A save is one way a program writes a table.
type save struct {
	file    string
	table   [][]string
	bom     []byte
	comma   string
	newline string            // between rows
	last    bool              // a line break after the last row
	enc     encoding.Encoding // nil: UTF-8
}

var saves = []save{
	{"excel-csv-utf8.csv", accents, []byte{0xef, 0xbb, 0xbf}, ",", "\r\n", true, nil},
	{"excel-csv-comma-delimited-windows-1252.csv", accents, nil, ",", "\r\n", true, charmap.Windows1252},
	{"excel-csv-semicolon-windows-1252.csv", accents, nil, ";", "\r\n", true, charmap.Windows1252},
	{"excel-csv-utf8-semicolon.csv", accents, []byte{0xef, 0xbb, 0xbf}, ";", "\r\n", true, nil},
	{"excel-unicode-text-utf16.txt", accents, nil, "\t", "\r\n", true, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
	{"excel-mac-csv-mac-roman.csv", accents, nil, ",", "\r", true, charmap.Macintosh},
	{"libreoffice-utf8.csv", accents, nil, ",", "\n", true, nil},
	{"google-sheets.csv", accents, nil, ",", "\r\n", false, nil},
	{"google-sheets-mistakes.csv", mistakes, nil, ",", "\r\n", false, nil},
	{"excel-csv-russian-windows-1251.csv", cyrillic, nil, ";", "\r\n", true, charmap.Windows1251},
}

func main() {
	dir := filepath.Dir(os.Args[0])
	if _, err := os.Stat("data/testdata/csv"); err == nil {
		dir = "data/testdata/csv"
	}
	for _, s := range saves {
		var b bytes.Buffer
		for i, row := range s.table {
			for j, cell := range row {
				if j > 0 {
					b.WriteString(s.comma)
				}
				b.WriteString(quote(cell, s.comma))
			}
			if i < len(s.table)-1 || s.last {
				b.WriteString(s.newline)
			}
		}
		out := b.Bytes()
		if s.enc != nil {
			out = encode(s.enc, string(out))
		}
		if err := os.WriteFile(filepath.Join(dir, s.file), append(s.bom, out...), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// encode writes text in enc; a character enc lacks becomes "_", as
// Excel writes it.
func encode(enc encoding.Encoding, text string) []byte {
	out, err := enc.NewEncoder().Bytes([]byte(text))
	if err == nil {
		return out
	}
	out = nil
	for _, r := range text {
		b, err := enc.NewEncoder().Bytes([]byte(string(r)))
		if err != nil {
			b, _ = enc.NewEncoder().Bytes([]byte("_"))
		}
		out = append(out, b...)
	}
	return out
}

// quote writes a cell as these programs do: in quotes, with quotes
// doubled, only when it holds the delimiter, a quote or a line break.
// Line breaks inside a cell stay line feeds, whatever ends a row.
func quote(cell, comma string) string {
	if strings.Contains(cell, comma) || strings.ContainsAny(cell, "\"\r\n") {
		return `"` + strings.ReplaceAll(cell, `"`, `""`) + `"`
	}
	return cell
}
