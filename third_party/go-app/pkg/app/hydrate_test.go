package app

import (
	"encoding/json"
	"testing"
)

// Liaison: TestAppendJSONStringRoundTrip checks that the hydration's
// description reads back, in JSON.parse's grammar, as the strings written.
func TestAppendJSONStringRoundTrip(t *testing.T) {
	for _, s := range []string{"", "a", `"q"`, `back\slash`, "tab\tnl\n\x00\x1f", "é 日本 العربية", "\u2028", "bad\xffutf8", "</script>"} {
		var got string
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		want := string([]rune(s))
		if got != want {
			t.Errorf("%q: got %q", s, got)
		}
	}
}
