//go:build !wasm

package app

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldForSearch folds each of texts for matching what a reader types:
//
//  1. full case mapping, upper then lower (Unicode's default, no
//     language's): "Straße" and "STRASSE" both give "strasse", "İ" gives
//     "i̇", "ﬁ" gives "fi";
//  2. canonical decomposition (NFD), without the nonspacing marks (Mn)
//     it splits off: "José" gives "jose", "Zoë" "zoe", "Йошка" "иошка",
//     "が" "か";
//  3. a final sigma as any sigma, so that "ΟΔΥΣΣΕΑΣ" and "Οδυσσέας" both
//     give "οδυσσεασ".
//
// Letters that Unicode does not decompose stay themselves: "Ø", "Ł",
// "Đ", "Æ" are letters, not letters with marks, so "oystein" does not
// find Øystein (give the person an alias), and scripts without case or
// marks (Chinese, Japanese kanji) match as written.
//
// The browser does the same with its own Unicode tables (fold_wasm.go):
// golang.org/x/text's would add 30 KB of brotli to the WebAssembly (1,517,270
// bytes against 1,487,185 with norm and runes alone, measured at quality
// 11), past the 1.5 MB it must stay within. The server builds indexes with
// this one; TestFoldForSearch holds both to the same cases.
func foldForSearch(texts []string) []string {
	upper, lower := cases.Upper(language.Und), cases.Lower(language.Und)
	stripMarks := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
	folded := make([]string, len(texts))
	for i, s := range texts {
		s, _, _ = transform.String(stripMarks, lower.String(upper.String(s)))
		folded[i] = strings.ReplaceAll(s, "ς", "σ")
	}
	return folded
}
