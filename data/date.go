package data

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how finely a date is known.
type Precision int

// Precisions, coarsest first.
const (
	Year Precision = iota + 1
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "unknown"
}

// A Date is a span of days, never a point: "2018" covers all of 2018, and
// "2023-09/2023-12" covers September to December 2023. Drawing, sorting and
// filtering use Earliest and Latest; Human says how precisely it is known.
type Date struct {
	// Text is the date as written, in the EDTF subset of the data format.
	Text string
	// Label, when set, is shown instead of the computed human form.
	Label string

	// Earliest and Latest are the first and last day of the span, at
	// midnight UTC. Both are included.
	Earliest, Latest time.Time
	// Precision is that of the date, or of an interval's less precise end.
	Precision Precision
	// Interval is true for the "between" form, a/b.
	Interval bool
	// Approximate ("about", ~ or %) and Uncertain ("probably", ? or %) are
	// the EDTF qualifiers.
	Approximate, Uncertain bool
}

// IsZero reports whether d is the zero Date, not a parsed one.
func (d Date) IsZero() bool { return d.Text == "" }

// End is the first instant after the span: where a bar drawn over it stops.
func (d Date) End() time.Time { return d.Latest.AddDate(0, 0, 1) }

// Contains reports whether the day of t lies within the span.
func (d Date) Contains(t time.Time) bool {
	return !t.Before(d.Earliest) && t.Before(d.End())
}

// Human is the date as a reader should see it: the label when there is one,
// otherwise "2018", "June 2025", "14 March 2022", "about 1985",
// "probably 2024" or "between September and December 2023".
func (d Date) Human() string {
	if d.Label != "" {
		return d.Label
	}
	if d.IsZero() {
		return ""
	}
	var s string
	if d.Interval {
		s = humanInterval(d)
	} else {
		s = humanDay(d.Earliest, d.Precision)
	}
	switch {
	case d.Approximate && d.Uncertain:
		return "probably about " + s
	case d.Approximate:
		return "about " + s
	case d.Uncertain:
		return "probably " + s
	}
	return s
}

func (d Date) String() string { return d.Human() }

// humanInterval writes "between A and B", leaving out what both ends share:
// "between September and December 2023", not "... September 2023 and ...".
func humanInterval(d Date) string {
	first, last, _ := strings.Cut(d.Text, "/")
	fp, lp := Precision(strings.Count(first, "-")+1), Precision(strings.Count(last, "-")+1)
	a, b := humanDay(d.Earliest, fp), humanDay(d.Latest, lp)
	if fp == Month && lp == Month && d.Earliest.Year() == d.Latest.Year() {
		a = d.Earliest.Month().String()
	}
	return "between " + a + " and " + b
}

func humanDay(t time.Time, p Precision) string {
	switch p {
	case Year:
		return strconv.Itoa(t.Year())
	case Month:
		return t.Format("January 2006")
	default:
		return t.Format("2 January 2006")
	}
}

// A DateError is a date the format does not accept.
type DateError struct {
	Text   string // the date as written
	Reason string // what is wrong with it
}

func (e *DateError) Error() string { return fmt.Sprintf("date %q: %s", e.Text, e.Reason) }

// ParseDate parses the EDTF subset of the data format: "2018", "2025-06",
// "2022-03-14", each optionally followed by ~ (approximate), ? (uncertain)
// or % (both), and the interval "2023-09/2023-12" of two unqualified dates.
func ParseDate(s string) (Date, error) {
	d, reason := parseDate(s)
	if reason != "" {
		return Date{}, &DateError{Text: s, Reason: reason}
	}
	return d, nil
}

// parseDate returns the date, or the reason s is not one.
func parseDate(s string) (Date, string) {
	first, last, isInterval := strings.Cut(s, "/")
	if !isInterval {
		return parseSimpleDate(s)
	}
	a, reason := parseSimpleDate(first)
	if reason != "" {
		return Date{}, "start of interval: " + reason
	}
	b, reason := parseSimpleDate(last)
	if reason != "" {
		return Date{}, "end of interval: " + reason
	}
	if a.Approximate || a.Uncertain || b.Approximate || b.Uncertain {
		return Date{}, "an interval's ends take no ~ ? or % qualifier"
	}
	if b.Latest.Before(a.Earliest) {
		return Date{}, fmt.Sprintf("the interval ends (%s) before it starts (%s)", last, first)
	}
	return Date{
		Text:      s,
		Earliest:  a.Earliest,
		Latest:    b.Latest,
		Precision: min(a.Precision, b.Precision),
		Interval:  true,
	}, ""
}

// parseSimpleDate parses YYYY, YYYY-MM or YYYY-MM-DD with an optional
// qualifier, or returns the reason s is not one.
func parseSimpleDate(s string) (Date, string) {
	d := Date{Text: s}
	switch {
	case strings.HasSuffix(s, "%"):
		d.Approximate, d.Uncertain = true, true
	case strings.HasSuffix(s, "~"):
		d.Approximate = true
	case strings.HasSuffix(s, "?"):
		d.Uncertain = true
	}
	body := s
	if d.Approximate || d.Uncertain {
		body = s[:len(s)-1]
	}
	parts := strings.Split(body, "-")
	if len(parts) > 3 || len(parts[0]) != 4 || !digits(parts[0]) {
		return Date{}, "expected YYYY, YYYY-MM or YYYY-MM-DD"
	}
	year, _ := strconv.Atoi(parts[0])
	month, day := 1, 1
	d.Precision = Year
	if len(parts) >= 2 {
		if len(parts[1]) != 2 || !digits(parts[1]) {
			return Date{}, "the month must be two digits, 01 to 12"
		}
		month, _ = strconv.Atoi(parts[1])
		if month < 1 || month > 12 {
			return Date{}, fmt.Sprintf("month %s is not 01 to 12", parts[1])
		}
		d.Precision = Month
	}
	if len(parts) == 3 {
		if len(parts[2]) != 2 || !digits(parts[2]) {
			return Date{}, "the day must be two digits"
		}
		day, _ = strconv.Atoi(parts[2])
		if day < 1 || day > daysIn(year, month) {
			return Date{}, fmt.Sprintf("%s %d has no day %s", time.Month(month), year, parts[2])
		}
		d.Precision = Day
	}
	d.Earliest = time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	switch d.Precision {
	case Year:
		d.Latest = d.Earliest.AddDate(1, 0, -1)
	case Month:
		d.Latest = d.Earliest.AddDate(0, 1, -1)
	default:
		d.Latest = d.Earliest
	}
	return d, ""
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// labelledDate is the JSON of a Date with a label.
type labelledDate struct {
	Date  string `json:"date"`
	Label string `json:"label"`
}

// MarshalJSON writes the date as the data format does: a string, or an
// object with its label.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.Label == "" {
		return json.Marshal(d.Text)
	}
	return json.Marshal(labelledDate{d.Text, d.Label})
}

// UnmarshalJSON reads what MarshalJSON writes, for Decode. A date that
// ParseDate refuses is a *DateError; null leaves d as it is.
func (d *Date) UnmarshalJSON(b []byte) error {
	var v labelledDate
	switch {
	case string(b) == "null":
		return nil
	case len(b) > 0 && b[0] == '{':
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
	default:
		if err := json.Unmarshal(b, &v.Date); err != nil {
			return err
		}
	}
	date, err := ParseDate(v.Date)
	if err != nil {
		return err
	}
	date.Label = v.Label
	*d = date
	return nil
}
