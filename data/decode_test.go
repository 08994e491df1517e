package data

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// TestDecodeFilteredTimeline checks Decode on what the API answers for
// ?person=: a timeline that Involving filtered.
func TestDecodeFilteredTimeline(t *testing.T) {
	tl, err := Parse("people.json", []byte(people))
	if err != nil {
		t.Fatal(err)
	}
	for _, ids := range [][]string{{"ann"}, {"cat"}, {"fay"}} {
		filtered, err := tl.Involving(ids)
		if err != nil {
			t.Fatal(err)
		}
		src, err := json.Marshal(filtered)
		if err != nil {
			t.Fatal(err)
		}
		decoded, err := Decode(src)
		if err != nil {
			t.Fatalf("Decode(%s): %v", src, err)
		}
		if !reflect.DeepEqual(decoded, filtered) {
			t.Errorf("Decode of %v's timeline = %+v, want %+v", ids, decoded, filtered)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	var dateErr *DateError
	for _, tt := range []struct {
		src      string
		dateFail bool
	}{
		{`{"people": [{"id": "a", "name": "A", "born": "2018-13"}]}`, true},
		{`{"relationships": [{"phases": [{"from": {"date": "2018~/2019", "label": "L"}}]}]}`, true},
		{`{"events": [{"date": 2018}]}`, false},
		{`{"events": [{"date": {"date": 2018}}]}`, false},
		{`{"title": "T"`, false},
	} {
		_, err := Decode([]byte(tt.src))
		if err == nil {
			t.Errorf("Decode(%s) succeeded", tt.src)
		} else if errors.As(err, &dateErr) != tt.dateFail {
			t.Errorf("Decode(%s) = %v, a *DateError: %v, want %v", tt.src, err, !tt.dateFail, tt.dateFail)
		}
	}
}

// TestDateUnmarshalNull checks that null leaves a date as it is, as
// encoding/json's own types do.
func TestDateUnmarshalNull(t *testing.T) {
	var v struct {
		From Date  `json:"from"`
		Born *Date `json:"born"`
	}
	if err := json.Unmarshal([]byte(`{"from": null, "born": null}`), &v); err != nil {
		t.Fatal(err)
	}
	if !v.From.IsZero() || v.Born != nil {
		t.Errorf("null gave %+v", v)
	}
}
