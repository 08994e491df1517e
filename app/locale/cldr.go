package locale

import (
	"strconv"
	"strings"
	"time"
)

// CLDR is the part of the Unicode CLDR that the pages use for one
// language: month names, the patterns of dates at each precision, the
// digits and grouping of numbers, and the plural rules. It is data, which
// the server takes from its generated copy of CLDR (locales/cldr.json),
// so that the WebAssembly formats any language from the few hundred bytes
// of its page's.
type CLDR struct {
	// Months are the wide month names, January first, as they stand in a
	// date ("14 czerwca 2022"); StandaloneMonths alone ("czerwiec"), and
	// the Short ones abbreviated ("Jun").
	Months, StandaloneMonths, ShortMonths, ShortStandaloneMonths [12]string
	// The patterns of CLDR's skeletons: Year "y" ("2018"), Month "LLLL"
	// (a month alone), YearMonth "yMMMM" ("June 2025"), Date "yMMMMd" ("14
	// March 2022"), and the axis's ShortYearMonth "yMMM" ("Jun 2025") and
	// ShortDate "yMMMd" ("14 Mar 2022").
	Year, Month, YearMonth, Date, ShortYearMonth, ShortDate string
	// Digits are the ten digits of the default numbering system, "" for
	// 0-9; Group separates thousands, from MinGrouping+3 digits on.
	Digits      string `json:",omitempty"`
	Group       string
	MinGrouping int
	// Plural are the language's cardinal plural rules, by category ("one":
	// "i = 1 and v = 0"), in CLDR's syntax without samples; "other" has
	// none.
	Plural map[string]string
}

// Format writes t by the CLDR date pattern p: y (year), M (month as in a
// date), L (a month standing alone), d (day), text in single quotes, and
// anything else as it is.
func (c *CLDR) Format(t time.Time, p string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		ch := p[i]
		n := 1
		for i+n < len(p) && p[i+n] == ch {
			n++
		}
		switch ch {
		case '\'':
			if n == 2 { // '' is a quote
				b.WriteByte('\'')
				i += 2
				continue
			}
			end := strings.IndexByte(p[i+1:], '\'')
			if end < 0 {
				end = len(p) - i - 1
			}
			b.WriteString(p[i+1 : i+1+end])
			i += end + 2
			continue
		case 'y', 'u', 'r':
			year := strconv.Itoa(t.Year())
			if n == 2 && len(year) > 2 {
				year = year[len(year)-2:]
			}
			b.WriteString(c.digits(year))
		case 'M', 'L':
			b.WriteString(c.month(t.Month(), n, ch == 'L'))
		case 'd':
			day := strconv.Itoa(t.Day())
			if n == 2 && len(day) == 1 {
				day = "0" + day
			}
			b.WriteString(c.digits(day))
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	return b.String()
}

// month writes m as a pattern's field of width n: a number for 1 or 2,
// the short name for 3, the wide name otherwise.
func (c *CLDR) month(m time.Month, n int, standalone bool) string {
	switch {
	case n <= 2:
		s := strconv.Itoa(int(m))
		if n == 2 && len(s) == 1 {
			s = "0" + s
		}
		return c.digits(s)
	case n == 3 && standalone:
		return c.ShortStandaloneMonths[m-1]
	case n == 3:
		return c.ShortMonths[m-1]
	case standalone:
		return c.StandaloneMonths[m-1]
	}
	return c.Months[m-1]
}

// PluralCategory is the language's plural category of the count n:
// "one", "few", "other"… Rules are CLDR's: each category's condition on
// the operands of n (for a whole number, n and i are it; v, w, f, t, c
// and e are 0), the first that holds, else "other".
func (c *CLDR) PluralCategory(n int) string {
	for _, category := range pluralOrder {
		if rule, ok := c.Plural[category]; ok && pluralRuleHolds(rule, n) {
			return category
		}
	}
	return "other"
}

// pluralOrder is the order in which CLDR lists plural categories.
var pluralOrder = []string{"zero", "one", "two", "few", "many"}

// pluralRuleHolds evaluates a CLDR plural condition, "i = 1 and v = 0 or
// n % 100 = 3..10", for the whole number n. A rule it cannot read holds
// for no number.
func pluralRuleHolds(rule string, n int) bool {
	if n < 0 {
		n = -n
	}
	for _, or := range strings.Split(rule, " or ") {
		holds := true
		for _, relation := range strings.Split(or, " and ") {
			if !pluralRelationHolds(strings.TrimSpace(relation), n) {
				holds = false
				break
			}
		}
		if holds {
			return true
		}
	}
	return false
}

// pluralRelationHolds evaluates one relation, "i % 10 = 2..4" or "n !=
// 1,3".
func pluralRelationHolds(relation string, n int) bool {
	expr, list, negated := relation, "", false
	if i := strings.Index(relation, "!="); i >= 0 {
		expr, list, negated = relation[:i], relation[i+2:], true
	} else if i := strings.IndexByte(relation, '='); i >= 0 {
		expr, list = relation[:i], relation[i+1:]
	} else {
		return false
	}
	operand, mod, hasMod := strings.Cut(strings.TrimSpace(expr), "%")
	var value int
	switch strings.TrimSpace(operand) {
	case "n", "i":
		value = n
	case "v", "w", "f", "t", "c", "e":
		value = 0
	default:
		return false
	}
	if hasMod {
		m, err := strconv.Atoi(strings.TrimSpace(mod))
		if err != nil || m == 0 {
			return false
		}
		value %= m
	}
	in := false
	for _, item := range strings.Split(list, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(item), "..")
		a, errA := strconv.Atoi(lo)
		b := a
		var errB error
		if isRange {
			b, errB = strconv.Atoi(hi)
		}
		if errA != nil || errB != nil {
			return false
		}
		if value >= a && value <= b {
			in = true
			break
		}
	}
	return in != negated
}
