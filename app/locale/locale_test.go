package locale

import (
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	c := &CLDR{
		Months:           [12]string{"stycznia", "lutego", "marca"},
		StandaloneMonths: [12]string{"styczeń", "luty", "marzec"},
		ShortMonths:      [12]string{"sty", "lut", "mar"},
		Digits:           "٠١٢٣٤٥٦٧٨٩",
	}
	at := time.Date(2022, time.March, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct{ pattern, want string }{
		{"d MMMM y", "٤ marca ٢٠٢٢"},
		{"LLLL y", "marzec ٢٠٢٢"},
		{"dd.MM.yy", "٠٤.٠٣.٢٢"},
		{"d MMM y", "٤ mar ٢٠٢٢"},
		{"y 'r'.", "٢٠٢٢ r."},
		{"d 'de' MMMM", "٤ de marca"},
		{"h''x", "h'x"},
		{"y年M月d日", "٢٠٢٢年٣月٤日"},
	}
	for _, tt := range tests {
		if got := c.Format(at, tt.pattern); got != tt.want {
			t.Errorf("Format(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	l := &Locale{Messages: map[string]Message{
		"hello":  {"other": "Hello {{.Name}}, {{.Name}}!"},
		"plain":  {"other": "No {{placeholders}} here"},
		"people": {"one": "{{.Count}} person", "few": "{{.Count}} people (few)", "other": "{{.Count}} people"},
	}, CLDR: CLDR{Group: ",", MinGrouping: 1, Plural: map[string]string{"one": "i = 1 and v = 0", "few": "n % 10 = 2..4 and n % 100 != 12..14"}}}
	tests := []struct{ got, want string }{
		{l.Text("hello", "Name", "Ann"), "Hello Ann, Ann!"},
		{l.Text("hello"), "Hello {{.Name}}, {{.Name}}!"},
		{l.Text("plain", "Name", "x"), "No {{placeholders}} here"},
		{l.Text("absent"), "absent"},
		{l.Count("people", 1), "1 person"},
		{l.Count("people", 22), "22 people (few)"},
		{l.Count("people", 12), "12 people"},
		{l.Count("people", 1235), "1,235 people"},
		{l.Count("people", -3), "-3 people (few)"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

// TestTextIsolatesTheOtherDirection fills sentences with names and
// numbers in both directions: a name of the other direction than its
// sentence's (which is the page's, or English's where the page's language
// lacks the message) is isolated (U+2068 … U+2069), so that its
// punctuation stays with it; the sentence's own, and numbers, are left as
// they are.
func TestTextIsolatesTheOtherDirection(t *testing.T) {
	msgs := map[string]Message{"showing": {"other": "{{.People}}: {{.Count}}"}}
	english := &Locale{Dir: "ltr", Messages: msgs}
	arabic := &Locale{Dir: "rtl", Messages: msgs}
	// A language that lacks a message has English's.
	fallback := &Locale{Dir: "rtl", Messages: map[string]Message{"showing": {"other": "Showing {{.People}} ({{.Count}})."}}}
	translated := &Locale{Dir: "rtl", Messages: map[string]Message{"showing": {"other": "عرض {{.People}} ({{.Count}})."}}}
	tests := []struct {
		l           *Locale
		name, count string
		want        string
	}{
		{fallback, "Lily Allen", "12", "Showing Lily Allen (12)."},
		{fallback, "نانسي عجرم", "12", "Showing \u2068نانسي عجرم\u2069 (12)."},
		{translated, "Lily Allen", "12", "عرض \u2068Lily Allen\u2069 (12)."},
		{translated, "نانسي عجرم", "12", "عرض نانسي عجرم (12)."},
		{english, "Lily Allen (singer)", "12", "Lily Allen (singer): 12"},
		{english, "نانسي عجرم (مغنية)", "12", "\u2068نانسي عجرم (مغنية)\u2069: 12"},
		{english, "Zoë Kravitz, 35", "١٢", "Zoë Kravitz, 35: ١٢"},
		{arabic, "Lily Allen (singer)", "١٢", "\u2068Lily Allen (singer)\u2069: ١٢"},
		{arabic, "نانسي عجرم", "١٢", "نانسي عجرم: ١٢"},
		{arabic, "יוני 2022", "١٢", "יוני 2022: ١٢"},
	}
	for _, tt := range tests {
		if got := tt.l.Text("showing", "People", tt.name, "Count", tt.count); got != tt.want {
			t.Errorf("%s: Text(%q, %q) = %q, want %q", tt.l.Dir, tt.name, tt.count, got, tt.want)
		}
	}
}

func TestPluralRuleHolds(t *testing.T) {
	tests := []struct {
		rule string
		n    int
		want bool
	}{
		{"n = 1", 1, true},
		{"n != 1", 1, false},
		{"n = 0,1", 0, true},
		{"i % 100 = 3..10", 103, true},
		{"i % 100 = 3..10", 111, false},
		{"v = 0 and i % 10 = 2..4 and i % 100 != 12..14", 13, false},
		{"v = 0 and i % 10 = 2..4 and i % 100 != 12..14", 23, true},
		{"n = 1 or n = 5", 5, true},
		{"f != 0", 3, false},
		{"e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5", 2000000, true},
		{"nonsense", 1, false},
		{"n % 0 = 0", 1, false},
	}
	for _, tt := range tests {
		if got := pluralRuleHolds(tt.rule, tt.n); got != tt.want {
			t.Errorf("%q for %d = %v, want %v", tt.rule, tt.n, got, tt.want)
		}
	}
}
