// Command gencldr writes locales/cldr.json, the CLDR data the pages
// format dates, numbers and plurals with (app/locale.CLDR), for every
// locale CLDR has, from the JSON that the Unicode consortium publishes on
// npm:
//
//	cd /tmp && npm install --no-save cldr-dates-full@48.2.0 cldr-numbers-full@48.2.0 cldr-core@48.2.0
//	go run ./locales/gencldr -cldr /tmp/node_modules > locales/cldr.json
//
// A locale whose data equals its parent's (ar-EG's and ar's) is left out:
// locales.CLDRFor falls back along the tag's parents.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/liaison-timeline/liaison/app/locale"
)

func main() {
	dir := flag.String("cldr", "node_modules", "the `folder` of the npm packages cldr-dates-full, cldr-numbers-full and cldr-core")
	flag.Parse()
	out, err := generate(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencldr:", err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}

func generate(dir string) ([]byte, error) {
	var plurals struct {
		Supplemental struct {
			Cardinal map[string]map[string]string `json:"plurals-type-cardinal"`
		}
	}
	var numberingSystems struct {
		Supplemental struct {
			NumberingSystems map[string]struct {
				Digits string `json:"_digits"`
			}
		}
	}
	if err := readJSON(filepath.Join(dir, "cldr-core/supplemental/plurals.json"), &plurals); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "cldr-core/supplemental/numberingSystems.json"), &numberingSystems); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(filepath.Join(dir, "cldr-dates-full/main"))
	if err != nil {
		return nil, err
	}
	all := map[string]locale.CLDR{}
	for _, e := range entries {
		tag := e.Name()
		c, err := readLocale(dir, tag)
		if err != nil {
			return nil, err
		}
		if d := numberingSystems.Supplemental.NumberingSystems[c.Digits].Digits; d != "0123456789" {
			c.Digits = d
		} else {
			c.Digits = ""
		}
		c.Plural = pluralRules(plurals.Supplemental.Cardinal, tag)
		all[tag] = c
	}
	// Leave out what a parent says already, children first.
	tags := make([]string, 0, len(all))
	for tag := range all {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	kept := map[string]locale.CLDR{}
	for _, tag := range tags {
		if parent, ok := parentOf(tag, all); ok && reflect.DeepEqual(all[tag], all[parent]) {
			continue
		}
		kept[tag] = all[tag]
	}
	return json.Marshal(kept)
}

// parentOf is the nearest truncation of tag that CLDR has.
func parentOf(tag string, all map[string]locale.CLDR) (string, bool) {
	for {
		i := strings.LastIndexByte(tag, '-')
		if i < 0 {
			return "", false
		}
		tag = tag[:i]
		if _, ok := all[tag]; ok {
			return tag, true
		}
	}
}

// pluralRules are the cardinal rules of tag's language, samples cut.
func pluralRules(cardinal map[string]map[string]string, tag string) map[string]string {
	rules, ok := cardinal[tag]
	for t := tag; !ok && strings.Contains(t, "-"); {
		t = t[:strings.LastIndexByte(t, '-')]
		rules, ok = cardinal[t]
	}
	out := map[string]string{}
	for key, rule := range rules {
		category := strings.TrimPrefix(key, "pluralRule-count-")
		if category == "other" {
			continue
		}
		rule, _, _ = strings.Cut(rule, "@")
		out[category] = strings.TrimSpace(rule)
	}
	return out
}

// readLocale reads the dates and numbers of one locale; Digits is its
// numbering system's name, for the caller to look up.
func readLocale(dir, tag string) (locale.CLDR, error) {
	var dates struct {
		Main map[string]struct {
			Dates struct {
				Calendars struct {
					Gregorian struct {
						Months struct {
							Format     monthNames
							StandAlone monthNames `json:"stand-alone"`
						}
						DateFormats     map[string]json.RawMessage
						DateTimeFormats struct {
							AvailableFormats map[string]string
						}
					}
				}
			}
		}
	}
	var numbers struct {
		Main map[string]struct {
			Numbers map[string]json.RawMessage
		}
	}
	if err := readJSON(filepath.Join(dir, "cldr-dates-full/main", tag, "ca-gregorian.json"), &dates); err != nil {
		return locale.CLDR{}, err
	}
	if err := readJSON(filepath.Join(dir, "cldr-numbers-full/main", tag, "numbers.json"), &numbers); err != nil {
		return locale.CLDR{}, err
	}
	g := dates.Main[tag].Dates.Calendars.Gregorian
	available := g.DateTimeFormats.AvailableFormats
	var long string
	json.Unmarshal(g.DateFormats["long"], &long)
	c := locale.CLDR{
		Year: available["y"], Month: "LLLL", YearMonth: available["yMMMM"], Date: long,
		ShortYearMonth: available["yMMM"], ShortDate: available["yMMMd"],
	}
	for m := range 12 {
		key := fmt.Sprint(m + 1)
		c.Months[m], c.StandaloneMonths[m] = g.Months.Format.Wide[key], g.Months.StandAlone.Wide[key]
		c.ShortMonths[m], c.ShortStandaloneMonths[m] = g.Months.Format.Abbreviated[key], g.Months.StandAlone.Abbreviated[key]
	}
	n := numbers.Main[tag].Numbers
	var system string
	var symbols struct{ Group string }
	json.Unmarshal(n["defaultNumberingSystem"], &system)
	var minGrouping string
	json.Unmarshal(n["minimumGroupingDigits"], &minGrouping)
	c.MinGrouping, _ = strconv.Atoi(minGrouping)
	if err := json.Unmarshal(n["symbols-numberSystem-"+system], &symbols); err != nil {
		return locale.CLDR{}, fmt.Errorf("%s: symbols of %q: %v", tag, system, err)
	}
	c.Digits, c.Group = system, symbols.Group
	if c.Year == "" || c.YearMonth == "" || c.Date == "" || c.ShortYearMonth == "" || c.ShortDate == "" || c.Months[0] == "" {
		return locale.CLDR{}, fmt.Errorf("%s: a pattern or month name is missing", tag)
	}
	return c, nil
}

type monthNames struct {
	Abbreviated, Wide map[string]string
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}
