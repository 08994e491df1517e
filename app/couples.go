package app

import (
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// A couple is two people together on the cursor's day, as far as the
// timeline knows.
type couple struct {
	Relationship *data.Relationship
	State        data.State
}

// couplesAt lists the relationships of t that were, or may have been,
// under way on day, in the timeline's order.
func couplesAt(t *data.Timeline, day time.Time) []couple {
	var list []couple
	for i := range t.Relationships {
		if s, ok := t.Relationships[i].At(day); ok {
			list = append(list, couple{Relationship: &t.Relationships[i], State: s})
		}
	}
	return list
}
