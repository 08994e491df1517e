package app

import (
	"strings"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// A Couple is two people together on the cursor's day, as far as the
// timeline knows.
type Couple struct {
	Relationship *data.Relationship
	State        data.State
}

// CouplesAt lists the relationships of t that were, or may have been,
// under way on day, in the timeline's order.
func CouplesAt(t *data.Timeline, day time.Time) []Couple {
	var list []Couple
	for i := range t.Relationships {
		if s, ok := t.Relationships[i].At(day); ok {
			list = append(list, Couple{Relationship: &t.Relationships[i], State: s})
		}
	}
	return list
}

// Describe says what the couple was, in words: "engaged", "dating,
// possibly engaged", "possibly dating", "married, possibly split",
// "dating (reported)".
func (c Couple) Describe() string {
	s := c.State
	text := string(s.Status)
	switch {
	case s.MayNotHaveBegun:
		text = "possibly " + text
	case s.Before != "":
		text = string(s.Before) + ", possibly " + text
	}
	if end := c.Relationship.End; s.MayHaveEnded && end != nil {
		text += ", possibly " + strings.ToLower(endText(end.KindOrDefault()))
	}
	if s.Certainty != data.Confirmed {
		text += " (" + string(s.Certainty) + ")"
	}
	return text
}
