package timelines_test

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
)

// load returns the default timeline and the article it is built from.
func load(t *testing.T) (*data.Timeline, string) {
	t.Helper()
	lib, err := data.LoadLibrary(timelines.FS)
	if err != nil {
		t.Fatalf("the embedded timelines do not load:\n%v", err)
	}
	tl, ok := lib.Timeline("james-norton")
	if !ok {
		t.Fatalf("no james-norton timeline among %d", len(lib.Timelines()))
	}
	article, err := os.ReadFile("sources/ed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return tl, string(article)
}

func TestDefaultTimelineLoads(t *testing.T) {
	tl, _ := load(t)
	var names []string
	for _, p := range tl.People {
		names = append(names, p.Name)
	}
	slices.Sort(names)
	if want := []string{"David Harbour", "Imogen Poots", "James Norton", "Lily Allen"}; !reflect.DeepEqual(names, want) {
		t.Errorf("people = %q, want exactly %q", names, want)
	}

	// The relationships, and what the article says of each.
	type phase struct {
		status data.Status
		from   string
	}
	want := map[[2]string]struct {
		phases    []phase
		certainty data.Certainty
		ended     bool
		initiator string
	}{
		{"james-norton", "imogen-poots"}: {[]phase{{data.Dating, "2018"}, {data.Engaged, "2022"}}, data.Confirmed, true, "imogen-poots"},
		{"lily-allen", "david-harbour"}:  {[]phase{{data.Dating, "2019"}, {data.Married, "2020"}}, data.Confirmed, true, "lily-allen"},
		{"james-norton", "lily-allen"}:   {[]phase{{data.Dating, "2025-01/2025-07"}}, data.Reported, false, ""},
	}
	if len(tl.Relationships) != len(want) {
		t.Errorf("%d relationships, want %d", len(tl.Relationships), len(want))
	}
	for _, r := range tl.Relationships {
		w, ok := want[r.People]
		if !ok {
			t.Errorf("relationship %s between %v, want only %d known ones", r.ID, r.People, len(want))
			continue
		}
		var phases []phase
		for _, p := range r.Phases {
			phases = append(phases, phase{p.Status, p.From.Text})
		}
		if !reflect.DeepEqual(phases, w.phases) {
			t.Errorf("%s phases = %v, want %v", r.ID, phases, w.phases)
		}
		if r.CertaintyOrDefault() != w.certainty {
			t.Errorf("%s certainty = %q, want %q", r.ID, r.CertaintyOrDefault(), w.certainty)
		}
		if (r.End != nil) != w.ended {
			t.Errorf("%s ended = %v, want %v", r.ID, r.End != nil, w.ended)
		}
		if r.End != nil && (r.End.Initiator != w.initiator || r.End.KindOrDefault() != data.Split) {
			t.Errorf("%s end = %s by %q, want a split by %q", r.ID, r.End.KindOrDefault(), r.End.Initiator, w.initiator)
		}
	}
}

// walk calls visit for every value of type T in v, with its path in the
// file's terms (relationships[0].end.date).
func walk[T any](v reflect.Value, path string, visit func(path string, x T)) {
	if x, ok := v.Interface().(T); ok {
		visit(path, x)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, visit)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			if path != "" {
				name = path + "." + name
			}
			walk(v.Field(i), name, visit)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), path+"["+strconv.Itoa(i)+"]", visit)
		}
	}
}

func TestQuotesAreInTheArticle(t *testing.T) {
	tl, article := load(t)
	n := 0
	walk(reflect.ValueOf(tl), "", func(path string, ev data.Evidence) {
		n++
		if !strings.Contains(article, ev.Quote) {
			t.Errorf("%s.quote is not in the article, word for word: %q", path, ev.Quote)
		}
	})
	for i, e := range tl.Events {
		if e.Quote == "" {
			continue
		}
		n++
		if !strings.Contains(article, e.Quote) {
			t.Errorf("events[%d].quote (%s) is not in the article, word for word: %q", i, e.ID, e.Quote)
		}
	}
	if n < 10 {
		t.Errorf("only %d quotes checked; the walk over the timeline is broken", n)
	}
}

func TestEveryFactHasEvidence(t *testing.T) {
	// The package promises that every fact is backed by a quote.
	tl, _ := load(t)
	for _, r := range tl.Relationships {
		for i, p := range r.Phases {
			if len(p.Evidence) == 0 {
				t.Errorf("%s phase %d (%s from %s) has no evidence", r.ID, i, p.Status, p.From.Text)
			}
		}
		if r.End != nil && len(r.End.Evidence) == 0 {
			t.Errorf("%s end has no evidence", r.ID)
		}
	}
	for _, e := range tl.Events {
		if len(e.Evidence) == 0 {
			t.Errorf("event %s has no evidence", e.ID)
		}
	}
}

// The article's own words for the one date it states as a phrase, not a
// year.
const lateIn2023 = "late 2023"

func TestInferredDatesSaySo(t *testing.T) {
	tl, article := load(t)

	// The years the article writes in digits. Only a bare one of these,
	// like "2018", is a date the article states; anything else (a month, an
	// interval, a year it does not write, a qualifier, an age turned into a
	// year of birth) is the editor's inference, and its label must say so.
	var stated []string
	for _, y := range regexp.MustCompile(`\b\d{4}\b`).FindAllString(article, -1) {
		if !slices.Contains(stated, y) {
			stated = append(stated, y)
		}
	}
	slices.Sort(stated)
	if want := []string{"2018", "2019", "2020", "2022", "2023"}; !reflect.DeepEqual(stated, want) {
		t.Fatalf("the article states the years %v, want %v; this test's premise is out of date", stated, want)
	}
	if !strings.Contains(article, lateIn2023) {
		t.Fatalf("the article does not say %q", lateIn2023)
	}

	// An account of a date marked inferred says so in the details
	// ("2017, inferred from: …"), and needs no label.
	inferredAccounts := map[string]bool{}
	walk(reflect.ValueOf(tl), "", func(path string, a data.Account) {
		if a.Inferred {
			inferredAccounts[path+".date"] = true
		}
	})
	if len(inferredAccounts) != 1 {
		t.Errorf("%d inferred accounts, want the one of “six years before splitting in 2023”", len(inferredAccounts))
	}
	var plain, late, inferred int
	walk(reflect.ValueOf(tl), "", func(path string, d data.Date) {
		if inferredAccounts[path] {
			return
		}
		if d.IsZero() {
			t.Errorf("%s: zero date", path)
			return
		}
		switch {
		case d.Label == "":
			plain++
			if d.Interval || d.Approximate || d.Uncertain || d.Precision != data.Year || !slices.Contains(stated, d.Text) {
				t.Errorf("%s: %q is not a year the article states; label it, saying it is inferred", path, d.Text)
			}
		case d.Label == lateIn2023:
			late++
			if d.Earliest.Year() != 2023 || d.Latest.Year() != 2023 {
				t.Errorf("%s: %q is labelled %q but is not within 2023", path, d.Text, d.Label)
			}
		default:
			inferred++
			if !strings.Contains(d.Label, "inferred") {
				t.Errorf("%s: the label %q of %q does not say the date is inferred", path, d.Label, d.Text)
			}
		}
		// Whatever the rules above allow: a year of birth comes from an
		// age, and the article writes neither 2024 nor 2025.
		if strings.HasSuffix(path, ".born") || d.Latest.Year() >= 2024 {
			if !strings.Contains(d.Label, "inferred") {
				t.Errorf("%s: %q is inferred, but its label %q does not say so", path, d.Text, d.Label)
			}
		}
	})
	if plain == 0 || late != 1 || inferred == 0 {
		t.Errorf("checked %d stated, %d %q and %d inferred dates; the walk over the timeline is broken", plain, late, lateIn2023, inferred)
	}
}

// Every quote of the default timeline is checked against the article, and
// found: the server marks it verified and carries its passage.
func TestQuotesAreVerified(t *testing.T) {
	tl, _ := load(t)
	n := 0
	walk(reflect.ValueOf(tl), "", func(path string, ev data.Evidence) {
		n++
		if !ev.Verified || ev.Passage == nil || ev.Passage.Quote == "" {
			t.Errorf("%s: %q is not verified against the article", path, ev.Quote)
		}
	})
	if n < 10 {
		t.Errorf("only %d quotes checked; the walk over the timeline is broken", n)
	}
	// The article states no date of its own: its month is inferred (and
	// labelled so, TestInferredDatesSaySo), and what is ongoing is so as
	// of then.
	if s := tl.Sources[0]; s.Published == nil || s.Published.Text != "2025-07" {
		t.Errorf("the source's publication = %v, want July 2025, the month after Glastonbury Festival, which it reports", s.Published)
	}
}
