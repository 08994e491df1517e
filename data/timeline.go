package data

import "time"

// SchemaV1 is the only value the schema field accepts.
const SchemaV1 = "timeline/v1"

// A Timeline is one timeline file: people, the relationships between them,
// dated events, and the sources that back every fact.
type Timeline struct {
	// JSONSchema is the optional "$schema" editors' tools use.
	JSONSchema string `json:"$schema,omitempty"`
	Schema     string `json:"schema"`
	ID         string `json:"id"`
	Title      string `json:"title"`
	Summary    string `json:"summary,omitempty"`
	// Lang is the language the timeline is written in and its pages
	// speak, a BCP 47 tag ("de", "pt-BR"); empty for DefaultLang.
	Lang          string         `json:"lang,omitempty"`
	People        []Person       `json:"people"`
	Relationships []Relationship `json:"relationships"`
	Events        []Event        `json:"events,omitempty"`
	Sources       []Source       `json:"sources,omitempty"`
	// Updates are the corrections and updates published since the
	// timeline first appeared, in the file's order.
	Updates []Update `json:"updates,omitempty"`
}

// An Update is a dated note to readers: a correction of something the
// timeline said, or an update that adds to it.
type Update struct {
	// Date is a day: "Corrected on 3 December 2026".
	Date Date       `json:"date"`
	Kind UpdateKind `json:"kind"`
	Text string     `json:"text"`
}

// UpdateKind says whether an Update corrects the timeline or adds to it.
type UpdateKind string

// Update kinds.
const (
	Correction UpdateKind = "correction"
	Addition   UpdateKind = "update"
)

// UpdateKinds lists every UpdateKind.
var UpdateKinds = []UpdateKind{Correction, Addition}

// LatestUpdate is the update of the latest date, the one listed last of
// those of that day; false when there is none.
func (t *Timeline) LatestUpdate() (*Update, bool) {
	var latest *Update
	for i := range t.Updates {
		if u := &t.Updates[i]; latest == nil || !u.Date.Earliest.Before(latest.Date.Earliest) {
			latest = u
		}
	}
	return latest, latest != nil
}

// A Person is one lane of the timeline.
type Person struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Born        *Date  `json:"born,omitempty"`
	Description string `json:"description,omitempty"`
	// Aliases are other names the person is known by (a transliteration,
	// a stage name, a maiden name): the person filter finds them too.
	Aliases []string `json:"aliases,omitempty"`
}

// A Relationship between two people goes through phases (dating, engaged,
// married) and may have ended.
type Relationship struct {
	ID     string    `json:"id"`
	People [2]string `json:"people"`
	// Phases are in time order; each lasts until the next one's From, or
	// until End.
	Phases []Phase `json:"phases"`
	// End is nil while the relationship is ongoing.
	End *End `json:"end,omitempty"`
	// Certainty as written; Certainty() has the default applied.
	Certainty Certainty  `json:"certainty,omitempty"`
	Evidence  []Evidence `json:"evidence,omitempty"`
	// AsOf, while the relationship lasts (End is nil), is the date of
	// its latest evidence: the latest publication date of the sources
	// its quotes come from, or its last phase's date if that is later.
	// Nothing is known of it after then, and it is drawn and told so.
	// The server sets it when it loads the timeline; a file cannot.
	AsOf *Date `json:"asOf,omitempty"`
}

// Status is a phase of a relationship.
type Status string

// Statuses, in the order a relationship usually goes through them.
const (
	Dating  Status = "dating"
	Engaged Status = "engaged"
	Married Status = "married"
)

// Statuses lists every Status.
var Statuses = []Status{Dating, Engaged, Married}

// A Phase is a stretch of a relationship with one status.
type Phase struct {
	Status Status `json:"status"`
	From   Date   `json:"from"`
	// Certainty, when set, overrides the relationship's.
	Certainty Certainty  `json:"certainty,omitempty"`
	Evidence  []Evidence `json:"evidence,omitempty"`
	// Alternatives are other accounts of when the phase began.
	Alternatives []Account `json:"alternatives,omitempty"`
}

// An Account is another date than the one a phase or an end gives, as
// another source, or another reading of one, has it: "2017, inferred from
// ‘together for six years before splitting in 2023’" against "2018".
type Account struct {
	Date Date `json:"date"`
	// Inferred says the date is worked out from what the quotes say,
	// rather than stated in them.
	Inferred bool       `json:"inferred,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// accountsSpan is the first and last day that a date and its
// alternatives cover.
func accountsSpan(d Date, alternatives []Account) (first, last time.Time) {
	first, last = d.Earliest, d.Latest
	for _, a := range alternatives {
		if a.Date.Earliest.Before(first) {
			first = a.Date.Earliest
		}
		if a.Date.Latest.After(last) {
			last = a.Date.Latest
		}
	}
	return first, last
}

// Begins is the first and last day on which the phase may have begun, by
// any account.
func (p *Phase) Begins() (first, last time.Time) { return accountsSpan(p.From, p.Alternatives) }

// Ends is the first and last day on which the relationship may have
// ended, by any account.
func (e *End) Ends() (first, last time.Time) { return accountsSpan(e.Date, e.Alternatives) }

// DatedSpan is the earliest day on which r's phases may begin, by any
// account, and the day after the latest day on which one may begin or r
// may end: what r's own dates reach, without an ongoing relationship's
// latest evidence (AsOf) or today. Both are zero when r has no phase and
// no end. The chart's window and the server's chunks of lanes both start
// from it.
func (r *Relationship) DatedSpan() (first, end time.Time) {
	see := func(a, b time.Time) {
		if first.IsZero() || a.Before(first) {
			first = a
		}
		if end.IsZero() || b.After(end) {
			end = b
		}
	}
	for i := range r.Phases {
		begins, begun := r.Phases[i].Begins()
		see(begins, begun.AddDate(0, 0, 1))
	}
	if r.End != nil {
		ends, ended := r.End.Ends()
		see(ends, ended.AddDate(0, 0, 1))
	}
	return first, end
}

// EndKind is how a relationship ended.
type EndKind string

// End kinds.
const (
	Split   EndKind = "split"
	Divorce EndKind = "divorce"
	Death   EndKind = "death"
)

// EndKinds lists every EndKind.
var EndKinds = []EndKind{Split, Divorce, Death}

// An End is when and how a relationship ended.
type End struct {
	Date Date `json:"date"`
	// Kind as written; Kind() has the default applied.
	Kind EndKind `json:"kind,omitempty"`
	// Initiator is the id of the partner who ended it, if known.
	Initiator string     `json:"initiator,omitempty"`
	Reason    string     `json:"reason,omitempty"`
	Certainty Certainty  `json:"certainty,omitempty"`
	Evidence  []Evidence `json:"evidence,omitempty"`
	// Alternatives are other accounts of when it ended.
	Alternatives []Account `json:"alternatives,omitempty"`
}

// Certainty is how well established a fact is.
type Certainty string

// Certainties, most certain first.
const (
	Confirmed Certainty = "confirmed"
	Reported  Certainty = "reported"
	Rumoured  Certainty = "rumoured"
)

// Certainties lists every Certainty.
var Certainties = []Certainty{Confirmed, Reported, Rumoured}

// EventKind says what sort of moment an Event is.
type EventKind string

// Event kinds.
const (
	Interview EventKind = "interview"
	Sighting  EventKind = "sighting"
	Statement EventKind = "statement"
	OtherKind EventKind = "other"
)

// EventKinds lists every EventKind.
var EventKinds = []EventKind{Interview, Sighting, Statement, OtherKind}

// An Event is a dated moment: an interview, a sighting, a statement.
type Event struct {
	ID       string     `json:"id"`
	Date     Date       `json:"date"`
	Kind     EventKind  `json:"kind"`
	Title    string     `json:"title"`
	People   []string   `json:"people"`
	Quote    string     `json:"quote,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// A Source is where facts come from: an article, an interview.
type Source struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title,omitempty"`
	// URL is empty or an absolute http or https URL.
	URL       string `json:"url,omitempty"`
	Published *Date  `json:"published,omitempty"`
	// Text is what the source says, when the file gives it inline; the
	// text of a file beside the timeline (sources/<id>.txt) is read only
	// to check quotes, and neither is sent to readers: the quotes carry
	// their passages.
	Text string `json:"-"`
	// IgnoreCase has every quote of the source found in its text
	// whatever the case of its letters.
	IgnoreCase bool `json:"-"`
}

// Evidence is the exact words in a source that support a fact.
type Evidence struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
	// IgnoreCase has the quote found in its source's text whatever the
	// case of its letters.
	IgnoreCase bool `json:"ignoreCase,omitempty"`
	// Verified says the quote was found in its source's text, where
	// Passage is: the server checks every quote of a source that has a
	// text when it loads the timeline. A file cannot set either.
	Verified bool     `json:"verified,omitempty"`
	Passage  *Passage `json:"passage,omitempty"`
}

// CertaintyOrDefault is the relationship's certainty, confirmed unless
// stated.
func (r *Relationship) CertaintyOrDefault() Certainty {
	if r.Certainty == "" {
		return Confirmed
	}
	return r.Certainty
}

// CertaintyIn is the phase's own certainty, or else its relationship's.
func (p *Phase) CertaintyIn(r *Relationship) Certainty {
	if p.Certainty != "" {
		return p.Certainty
	}
	return r.CertaintyOrDefault()
}

// KindOrDefault is the end's kind, split unless stated.
func (e *End) KindOrDefault() EndKind {
	if e.Kind == "" {
		return Split
	}
	return e.Kind
}

// EachEvidence calls see with every quote that backs r: its own, its
// phases', its end's and those of every account of their dates.
func (r *Relationship) EachEvidence(see func(Evidence)) {
	all := func(list []Evidence) {
		for _, ev := range list {
			see(ev)
		}
	}
	accounts := func(list []Account) {
		for _, a := range list {
			all(a.Evidence)
		}
	}
	all(r.Evidence)
	for _, p := range r.Phases {
		all(p.Evidence)
		accounts(p.Alternatives)
	}
	if r.End != nil {
		all(r.End.Evidence)
		accounts(r.End.Alternatives)
	}
}

// Involves reports whether id is one of the relationship's two partners.
func (r *Relationship) Involves(id string) bool {
	return r.People[0] == id || r.People[1] == id
}

// Partner is the other partner of id in r.
func (r *Relationship) Partner(id string) string {
	if r.People[0] == id {
		return r.People[1]
	}
	return r.People[0]
}

// Involves reports whether id is among the event's people.
func (e *Event) Involves(id string) bool {
	for _, p := range e.People {
		if p == id {
			return true
		}
	}
	return false
}
