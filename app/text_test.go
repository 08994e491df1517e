package app

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/locales"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "Show 0 more relationships"},
		{1, "Show 1 more relationship"},
		{2, "Show 2 more relationships"},
		{1000, "Show 1,000 more relationships"},
	}
	for _, tt := range tests {
		if got := showMoreText(tt.n, relationshipRows); got != tt.want {
			t.Errorf("showMoreText(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestProblem(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"unknown timeline", &data.UnknownTimelineError{ID: "nobody"}, "There is no timeline called “nobody”."},
		{"unknown timeline, wrapped", fmt.Errorf("loading: %w", &data.UnknownTimelineError{ID: "nobody"}),
			"There is no timeline called “nobody”."},
		{"unknown person", &data.UnknownPersonError{Timeline: "james-norton", Person: "bob"},
			"This timeline has nobody called “bob”."},
		{"anything else", errors.New("the disk is on fire"), "The timeline could not be loaded: the disk is on fire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Only the first sentence is fixed: what follows is advice.
			if got := problemText(tt.err); !strings.HasPrefix(got, tt.want) {
				t.Errorf("problemText() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRelationshipLabel(t *testing.T) {
	norton := loadDefaultTimeline(t)
	small := mustParseTimeline(t, `{"schema":"timeline/v1","id":"test","title":"Test",
		"people":[{"id":"ann","name":"Ann"},{"id":"bob","name":"Bob"}],
		"relationships":[
			{"id":"day","people":["ann","bob"],"phases":[{"status":"dating","from":"2022-03-14"}],"end":{"date":"2023-06"}},
			{"id":"rumour","people":["ann","bob"],"certainty":"rumoured","phases":[{"status":"dating","from":"2015~"}]},
			{"id":"between","people":["ann","bob"],"phases":[{"status":"married","from":"2016"}],"end":{"date":"2023-09/2023-12"}}
		]}`)
	tests := []struct {
		tl            *data.Timeline
		id            string
		self, partner string
		want          string
	}{
		{norton, "james-norton-imogen-poots", "James Norton", "Imogen Poots",
			"James Norton and Imogen Poots: dating from 2018 (or 2017 by another account), engaged from 2022, split late 2023"},
		{norton, "james-norton-imogen-poots", "Imogen Poots", "James Norton",
			"Imogen Poots and James Norton: dating from 2018 (or 2017 by another account), engaged from 2022, split late 2023"},
		{norton, "james-norton-lily-allen", "Lily Allen", "James Norton",
			"Lily Allen and James Norton: dating from 2025, by July (inferred from the article), together as of July 2025 (reported)"},
		{small, "day", "Ann", "Bob", "Ann and Bob: dating from 14 March 2022, split June 2023"},
		{small, "rumour", "Bob", "Ann", "Bob and Ann: dating from about 2015, together as of 2015 (rumoured)"},
		{small, "between", "Ann", "Bob", "Ann and Bob: married from 2016, split between September and December 2023"},
	}
	for _, tt := range tests {
		t.Run(tt.id+" from "+tt.self, func(t *testing.T) {
			r, ok := tt.tl.Relationship(tt.id)
			if !ok {
				t.Fatalf("no relationship %q", tt.id)
			}
			if got := relationshipLabel(r, tt.self, tt.partner); got != tt.want {
				t.Errorf("relationshipLabel = %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestDateTextInLanguages checks dates at each precision, and the axis's
// ticks, as CLDR writes them in the page's language.
func TestDateTextInLanguages(t *testing.T) {
	dates := []string{"2018", "2025-06", "2022-03-14", "1985~", "2024?", "2023-09/2023-12", "2022-11/2023-02", "2022-03-14%"}
	tests := []struct {
		lang string
		want []string
		// ticks at days, months, years: 14 March 2022
		ticks [3]string
	}{
		{"en-GB", []string{"2018", "June 2025", "14 March 2022", "about 1985", "probably 2024",
			"between September and December 2023", "between November 2022 and February 2023", "probably about 14 March 2022"},
			[3]string{"14 Mar 2022", "Mar 2022", "2022"}},
		{"en", []string{"2018", "June 2025", "March 14, 2022", "about 1985", "probably 2024",
			"between September and December 2023", "between November 2022 and February 2023", "probably about March 14, 2022"},
			[3]string{"Mar 14, 2022", "Mar 2022", "2022"}},
		{"de", []string{"2018", "Juni 2025", "14. März 2022", "etwa 1985", "wahrscheinlich 2024",
			"zwischen September und Dezember 2023", "zwischen November 2022 und Februar 2023", "wahrscheinlich etwa 14. März 2022"},
			[3]string{"14. März 2022", "März 2022", "2022"}},
		{"fr", []string{"2018", "juin 2025", "14 mars 2022", "vers 1985", "probablement 2024",
			"entre septembre et décembre 2023", "entre novembre 2022 et février 2023", "probablement vers 14 mars 2022"},
			[3]string{"14 mars 2022", "mars 2022", "2022"}},
		// Polish: a month alone is nominative, in a date genitive.
		{"pl", []string{"2018", "czerwiec 2025", "14 marca 2022", "około 1985", "prawdopodobnie 2024",
			"wrzesień–grudzień 2023", "listopad 2022–luty 2023", "prawdopodobnie około 14 marca 2022"},
			[3]string{"14 mar 2022", "mar 2022", "2022"}},
		{"ar", []string{"2018", "يونيو 2025", "14 مارس 2022", "نحو 1985", "على الأرجح 2024",
			"بين سبتمبر وديسمبر 2023", "بين نوفمبر 2022 وفبراير 2023", "على الأرجح نحو 14 مارس 2022"},
			[3]string{"14 مارس 2022", "مارس 2022", "2022"}},
		{"ar-SA", []string{"٢٠١٨", "يونيو ٢٠٢٥", "١٤ مارس ٢٠٢٢", "نحو ١٩٨٥", "على الأرجح ٢٠٢٤",
			"بين سبتمبر وديسمبر ٢٠٢٣", "بين نوفمبر ٢٠٢٢ وفبراير ٢٠٢٣", "على الأرجح نحو ١٤ مارس ٢٠٢٢"},
			[3]string{"١٤ مارس ٢٠٢٢", "مارس ٢٠٢٢", "٢٠٢٢"}},
		{"ja", []string{"2018年", "2025年6月", "2022年3月14日", "1985年ごろ", "おそらく2024年",
			"9月から2023年12月の間", "2022年11月から2023年2月の間", "おそらく2022年3月14日ごろ"},
			[3]string{"2022年3月14日", "2022年3月", "2022年"}},
	}
	defer SetWords(words)
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			l := locales.For(tt.lang, locales.English)
			SetWords(func() *locale.Locale { return l })
			for i, text := range dates {
				d, err := data.ParseDate(text)
				if err != nil {
					t.Fatal(err)
				}
				// Without the marks that isolate a date of one direction
				// in a sentence of the other (an Arabic date in English's
				// "between … and …" until Arabic has its own; see
				// locale.TestTextIsolatesTheOtherDirection).
				if got := strings.NewReplacer("\u2068", "", "\u2069", "").Replace(dateText(d)); got != tt.want[i] {
					t.Errorf("%s: %q, want %q", text, got, tt.want[i])
				}
			}
			at := time.Date(2022, time.March, 14, 0, 0, 0, 0, time.UTC)
			for i, unit := range []plot.Unit{plot.Days, plot.Months, plot.Years} {
				if got := tickLabel(plot.Tick{Time: at, Unit: unit}); got != tt.ticks[i] {
					t.Errorf("tick of unit %d: %q, want %q", unit, got, tt.ticks[i])
				}
			}
		})
	}
}

// TestMessagesAreInEnglish checks that every message id the pages name
// is in the English catalogue, and that the catalogue has no other: a
// string the code names and English lacks would show as its id.
func TestMessagesAreInEnglish(t *testing.T) {
	used := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && messageID.MatchString(s) {
					if _, known := testWords.Messages[s]; known {
						used[s] = true
					}
				}
			}
			return true
		})
	}
	for id := range testWords.Messages {
		if !used[id] {
			t.Errorf("messages/en.json has %q, which no page uses", id)
		}
	}
	// Every call that names a message names one English has.
	for _, file := range files {
		src, _ := os.ReadFile(file)
		for _, m := range messageCall.FindAllStringSubmatch(string(src), -1) {
			if _, ok := testWords.Messages[m[1]]; !ok {
				t.Errorf("%s names the message %q, which messages/en.json lacks", file, m[1])
			}
		}
	}
}

var (
	messageID   = regexp.MustCompile(`^[a-z][A-Za-z]+$`)
	messageCall = regexp.MustCompile(`(?:\.Text|\.Count|message|messageTexts)\("([A-Za-z]+)"`)
)

// TestPairInLanguages checks the two people of a relationship in the list
// view and the as-of list, with their swatches, paired as the language
// pairs them.
func TestPairInLanguages(t *testing.T) {
	tl := loadDefaultTimeline(t)
	r, _ := tl.Relationship("james-norton-imogen-poots")
	people := newTimelinePeople(tl)
	tags := regexp.MustCompile(`<[^>]*>`)
	defer SetWords(words)
	for lang, want := range map[string]string{
		"en-GB": "James Norton & Imogen Poots",
		"es":    "James Norton y Imogen Poots",
		"he":    "James Norton ו־ Imogen Poots", // go-app writes each text on a line of its own
		"ja":    "James Norton と Imogen Poots",
	} {
		l := locales.For(lang, locales.English)
		SetWords(func() *locale.Locale { return l })
		page := goapp.HTMLString(goapp.Span().Body(people.pair(r)...))
		if got := html.UnescapeString(strings.Join(strings.Fields(tags.ReplaceAllString(page, " ")), " ")); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
