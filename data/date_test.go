package data

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDates are every form of the format, with what each must parse to.
var validDates = []struct {
	text                            string
	earliest, latest                time.Time
	precision                       Precision
	approximate, uncertain, between bool
	human                           string
}{
	{"2018", day(2018, 1, 1), day(2018, 12, 31), Year, false, false, false, "2018"},
	{"2025-06", day(2025, 6, 1), day(2025, 6, 30), Month, false, false, false, "June 2025"},
	{"2024-02", day(2024, 2, 1), day(2024, 2, 29), Month, false, false, false, "February 2024"},
	{"2023-02", day(2023, 2, 1), day(2023, 2, 28), Month, false, false, false, "February 2023"},
	{"2023-12", day(2023, 12, 1), day(2023, 12, 31), Month, false, false, false, "December 2023"},
	{"2022-03-14", day(2022, 3, 14), day(2022, 3, 14), Day, false, false, false, "14 March 2022"},
	{"2024-02-29", day(2024, 2, 29), day(2024, 2, 29), Day, false, false, false, "29 February 2024"},
	{"1985~", day(1985, 1, 1), day(1985, 12, 31), Year, true, false, false, "about 1985"},
	{"2024?", day(2024, 1, 1), day(2024, 12, 31), Year, false, true, false, "probably 2024"},
	{"2024%", day(2024, 1, 1), day(2024, 12, 31), Year, true, true, false, "probably about 2024"},
	{"2025-06~", day(2025, 6, 1), day(2025, 6, 30), Month, true, false, false, "about June 2025"},
	{"2022-03-14?", day(2022, 3, 14), day(2022, 3, 14), Day, false, true, false, "probably 14 March 2022"},
	{"2023-09/2023-12", day(2023, 9, 1), day(2023, 12, 31), Month, false, false, true, "between September and December 2023"},
	{"2018/2023", day(2018, 1, 1), day(2023, 12, 31), Year, false, false, true, "between 2018 and 2023"},
	{"2023-09/2025", day(2023, 9, 1), day(2025, 12, 31), Year, false, false, true, "between September 2023 and 2025"},
	{"2023-11/2024-02", day(2023, 11, 1), day(2024, 2, 29), Month, false, false, true, "between November 2023 and February 2024"},
	{"2022-03-14/2022-04", day(2022, 3, 14), day(2022, 4, 30), Month, false, false, true, "between 14 March 2022 and April 2022"},
	{"2023/2023", day(2023, 1, 1), day(2023, 12, 31), Year, false, false, true, "between 2023 and 2023"},
}

func TestParseDate(t *testing.T) {
	for _, tt := range validDates {
		t.Run(tt.text, func(t *testing.T) {
			d, err := ParseDate(tt.text)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.text, err)
			}
			if d.Text != tt.text {
				t.Errorf("Text = %q, want %q", d.Text, tt.text)
			}
			if !d.Earliest.Equal(tt.earliest) || !d.Latest.Equal(tt.latest) {
				t.Errorf("span = %s to %s, want %s to %s", d.Earliest.Format(time.DateOnly), d.Latest.Format(time.DateOnly),
					tt.earliest.Format(time.DateOnly), tt.latest.Format(time.DateOnly))
			}
			if d.Earliest.Location() != time.UTC || d.Latest.Location() != time.UTC {
				t.Errorf("span is not in UTC: %v, %v", d.Earliest, d.Latest)
			}
			if d.Precision != tt.precision {
				t.Errorf("Precision = %v, want %v", d.Precision, tt.precision)
			}
			if d.Approximate != tt.approximate || d.Uncertain != tt.uncertain || d.Interval != tt.between {
				t.Errorf("Approximate, Uncertain, Interval = %v, %v, %v, want %v, %v, %v",
					d.Approximate, d.Uncertain, d.Interval, tt.approximate, tt.uncertain, tt.between)
			}
			if got := d.Human(); got != tt.human {
				t.Errorf("Human() = %q, want %q", got, tt.human)
			}
			if got := d.String(); got != tt.human {
				t.Errorf("String() = %q, want %q", got, tt.human)
			}
			if d.IsZero() {
				t.Error("IsZero() = true for a parsed date")
			}
		})
	}
}

func TestDateLabel(t *testing.T) {
	d, err := ParseDate("2023-09/2023-12")
	if err != nil {
		t.Fatal(err)
	}
	d.Label = "late 2023"
	if got := d.Human(); got != "late 2023" {
		t.Errorf("Human() = %q, want the label %q", got, "late 2023")
	}
	if got := (Date{}).Human(); got != "" {
		t.Errorf("zero Date Human() = %q, want empty", got)
	}
	if !(Date{}).IsZero() {
		t.Error("zero Date IsZero() = false")
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", `date "": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"18", `date "18": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"20188", `date "20188": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2018-1", `date "2018-1": the month must be two digits, 01 to 12`},
		{"2018-", `date "2018-": the month must be two digits, 01 to 12`},
		{"2018-13", `date "2018-13": month 13 is not 01 to 12`},
		{"2018-00", `date "2018-00": month 00 is not 01 to 12`},
		{"2024-02-30", `date "2024-02-30": February 2024 has no day 30`},
		{"2023-02-29", `date "2023-02-29": February 2023 has no day 29`},
		{"2023-04-31", `date "2023-04-31": April 2023 has no day 31`},
		{"2023-04-00", `date "2023-04-00": April 2023 has no day 00`},
		{"2018-06-1", `date "2018-06-1": the day must be two digits`},
		{"2018-06-01-02", `date "2018-06-01-02": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023-12/2023-09", `date "2023-12/2023-09": the interval ends (2023-09) before it starts (2023-12)`},
		{"2023-09~/2023-12", `date "2023-09~/2023-12": an interval's ends take no ~ ? or % qualifier`},
		{"2023-09/2023-12?", `date "2023-09/2023-12?": an interval's ends take no ~ ? or % qualifier`},
		{"/2023", `date "/2023": start of interval: expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023/", `date "2023/": end of interval: expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023-13/2024", `date "2023-13/2024": start of interval: month 13 is not 01 to 12`},
		{"2018/2019/2020", `date "2018/2019/2020": end of interval: expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"June 2025", `date "June 2025": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2018 ", `date "2018 ": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{" 2018", `date " 2018": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2018~?", `date "2018~?": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"~", `date "~": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{"２０１８", `date "２０１８": expected YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := ParseDate(tt.text)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %+v, want error %q", tt.text, d, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("ParseDate(%q) error\n got %q\nwant %q", tt.text, err, tt.want)
			}
			var de *DateError
			if !errors.As(err, &de) || de.Text != tt.text {
				t.Errorf("error %#v is not a *DateError with Text %q", err, tt.text)
			}
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) returned %+v with its error, want the zero Date", tt.text, d)
			}
		})
	}
}

func TestDateJSONRoundTrip(t *testing.T) {
	for _, tt := range validDates {
		t.Run(tt.text, func(t *testing.T) {
			d, err := ParseDate(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			var s string
			if err := json.Unmarshal(b, &s); err != nil {
				t.Fatalf("MarshalJSON gave %s, not a JSON string: %v", b, err)
			}
			again, err := ParseDate(s)
			if err != nil {
				t.Fatalf("parsing the marshalled %s: %v", b, err)
			}
			if again != d {
				t.Errorf("round trip through %s gave %+v, want %+v", b, again, d)
			}
		})
	}
}

func TestDateMarshalLabel(t *testing.T) {
	d, err := ParseDate("2023-09/2023-12")
	if err != nil {
		t.Fatal(err)
	}
	d.Label = `late 2023 ("autumn")`
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"date":"2023-09/2023-12","label":"late 2023 (\"autumn\")"}`
	if string(b) != want {
		t.Errorf("MarshalJSON = %s, want %s", b, want)
	}
	// A pointer, as in Person.Born, marshals the same way.
	b, err = json.Marshal(struct {
		Born *Date `json:"born"`
	}{&d})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"born":` + want + `}`; string(b) != want {
		t.Errorf("marshalling *Date = %s, want %s", b, want)
	}
}

func TestDateContainsAndEnd(t *testing.T) {
	tests := []struct {
		date string
		end  time.Time
		in   []time.Time
		out  []time.Time
	}{
		{
			date: "2018",
			end:  day(2019, 1, 1),
			in:   []time.Time{day(2018, 1, 1), day(2018, 7, 4), day(2018, 12, 31), time.Date(2018, 12, 31, 23, 59, 59, 0, time.UTC)},
			out:  []time.Time{day(2017, 12, 31), time.Date(2017, 12, 31, 23, 59, 59, 0, time.UTC), day(2019, 1, 1)},
		},
		{
			date: "2024-02",
			end:  day(2024, 3, 1),
			in:   []time.Time{day(2024, 2, 1), day(2024, 2, 29)},
			out:  []time.Time{day(2024, 1, 31), day(2024, 3, 1)},
		},
		{
			date: "2022-03-14",
			end:  day(2022, 3, 15),
			in:   []time.Time{day(2022, 3, 14), time.Date(2022, 3, 14, 12, 0, 0, 0, time.UTC)},
			out:  []time.Time{day(2022, 3, 13), day(2022, 3, 15)},
		},
		{
			date: "2023-09/2023-12",
			end:  day(2024, 1, 1),
			in:   []time.Time{day(2023, 9, 1), day(2023, 10, 15), day(2023, 12, 31)},
			out:  []time.Time{day(2023, 8, 31), day(2024, 1, 1)},
		},
		{
			date: "1985~",
			end:  day(1986, 1, 1),
			in:   []time.Time{day(1985, 6, 1)},
			out:  []time.Time{day(1986, 1, 1), day(1984, 12, 31)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			d, err := ParseDate(tt.date)
			if err != nil {
				t.Fatal(err)
			}
			if !d.End().Equal(tt.end) {
				t.Errorf("End() = %v, want %v", d.End(), tt.end)
			}
			for _, at := range tt.in {
				if !d.Contains(at) {
					t.Errorf("Contains(%v) = false, want true", at)
				}
			}
			for _, at := range tt.out {
				if d.Contains(at) {
					t.Errorf("Contains(%v) = true, want false", at)
				}
			}
		})
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Year: "year", Month: "month", Day: "day", 0: "unknown"} {
		if got := p.String(); got != want {
			t.Errorf("Precision(%d).String() = %q, want %q", int(p), got, want)
		}
	}
}
