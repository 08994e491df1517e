package app

import (
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
