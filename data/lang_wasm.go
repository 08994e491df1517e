//go:build wasm

package data

// LangProblem is the server's and the CLI's (lang.go): the WebAssembly
// reads timelines the server has validated, and golang.org/x/text/language
// would add its tables of every language to every reader's download.
func LangProblem(lang string) string {
	if len(lang) > maxLangLength {
		return "expected a BCP 47 language tag"
	}
	return ""
}
