//go:build !wasm

package data

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// LangProblem says what is wrong with a timeline's language, lang, or is
// "" when it is a well-formed BCP 47 tag of a language the IANA registry
// knows. Ill-formed ("german", "de_DE") and unknown ("xx", "de-XY") tags
// are told apart, so that an editor knows which to fix.
func LangProblem(lang string) string {
	if len(lang) > maxLangLength {
		return fmt.Sprintf("expected a BCP 47 language tag such as de, pt-BR or ar, found one of %d characters", len(lang))
	}
	if lang == "" {
		return `expected a language tag such as de, pt-BR or ar, found "" (leave the field out for British English)`
	}
	if strings.Contains(lang, "_") {
		return fmt.Sprintf("expected a BCP 47 language tag, whose parts are joined by -, found %q (write %q)", lang, strings.ReplaceAll(lang, "_", "-"))
	}
	tag, err := language.Parse(lang)
	var unknown language.ValueError
	switch {
	case err == nil:
		if _, c := tag.Base(); c == language.No {
			return fmt.Sprintf("expected a BCP 47 tag that names a language, such as de, pt-BR or ar, found %q", lang)
		}
		return ""
	case errors.As(err, &unknown):
		return fmt.Sprintf("unknown language %q: %q is no language, script or region the registry knows; expected a BCP 47 tag such as de, pt-BR or ar", lang, unknown.Subtag())
	}
	return fmt.Sprintf("expected a BCP 47 language tag such as de, pt-BR or ar, found %q", lang)
}
