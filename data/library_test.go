package data

import (
	"encoding/json"
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// timelineFile is a small valid file whose id is id.
func timelineFile(id, title string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(`{"schema": "timeline/v1", "id": "` + id + `", "title": "` + title + `",
  "people": [{"id": "ann", "name": "Ann"}], "relationships": []}`)}
}

func ids(ts []*Timeline) []string {
	var list []string
	for _, t := range ts {
		list = append(list, t.ID)
	}
	return list
}

func TestLoadLibrary(t *testing.T) {
	dir := fstest.MapFS{
		// ReadDir lists "a-b.json" before "a.json" ('-' < '.'); by id, "a"
		// comes first.
		"a-b.json":        timelineFile("a-b", "A and B"),
		"a.json":          timelineFile("a", "A"),
		"zed.json":        timelineFile("zed", "Z"),
		"README.md":       {Data: []byte("# not a timeline")},
		"notes.txt":       {Data: []byte("{not json")},
		"old.json.bak":    {Data: []byte("{not json")},
		"sub/inner.json":  {Data: []byte("{not json")},
		"dir.json/x.json": {Data: []byte("{not json")},
	}
	lib, err := LoadLibrary(dir)
	if err != nil {
		t.Fatalf("LoadLibrary: %v", err)
	}
	if got, want := ids(lib.Timelines()), []string{"a", "a-b", "zed"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Timelines() ids = %v, want %v", got, want)
	}
	for _, id := range []string{"a", "a-b", "zed"} {
		tl, ok := lib.Timeline(id)
		if !ok || tl.ID != id {
			t.Errorf("Timeline(%q) = %v, %v", id, tl, ok)
		}
	}
	if tl, _ := lib.Timeline("a-b"); tl != nil && tl.Title != "A and B" {
		t.Errorf("Timeline(\"a-b\").Title = %q", tl.Title)
	}
	for _, id := range []string{"", "b", "a-", "zz", "README", "notes", "sub", "inner", "dir"} {
		if tl, ok := lib.Timeline(id); ok || tl != nil {
			t.Errorf("Timeline(%q) = %v, %v, want nil, false", id, tl, ok)
		}
	}
	if v := lib.Version(); len(v) != 64 || strings.Trim(v, "0123456789abcdef") != "" {
		t.Errorf("Version() = %q, want 64 hex digits", v)
	}
}

func TestLoadLibraryErrors(t *testing.T) {
	tests := []struct {
		name string
		dir  fstest.MapFS
		want string
	}{
		{
			name: "errors of every file",
			dir: fstest.MapFS{
				"good.json": timelineFile("good", "G"),
				"b.json":    {Data: []byte("{\n\"schema\": \"timeline/v1\", \"id\": \"b\", \"title\": \"\",\n\"people\": [], \"relationships\": []}")},
				"a.json":    timelineFile("not-a", "A"),
				"c.json":    {Data: []byte(`{"schema": "timeline/v1",`)},
			},
			want: `a.json:1:33: id: expected the file's name without .json, "a", found "not-a"` + "\n" +
				`b.json:2:46: title: expected some text, found ""` + "\n" +
				`b.json:3:11: people: expected at least one person, found an empty array` + "\n" +
				`c.json:1:26: the file ends before this object is closed: a } is missing`,
		},
		{
			name: "empty directory",
			dir:  fstest.MapFS{},
			want: "no timeline (.json file) in the data directory",
		},
		{
			name: "no .json file",
			dir:  fstest.MapFS{"a.JSON": timelineFile("a", "A"), "a.txt": timelineFile("a", "A"), "sub/a.json": timelineFile("a", "A")},
			want: "no timeline (.json file) in the data directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, err := LoadLibrary(tt.dir)
			if err == nil {
				t.Fatalf("LoadLibrary = %v, want error %q", lib.Timelines(), tt.want)
			}
			if lib != nil {
				t.Error("LoadLibrary returned a library with its error")
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}

// brokenFS fails every Open.
type brokenFS struct{}

func (brokenFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func TestLoadLibraryUnreadable(t *testing.T) {
	_, err := LoadLibrary(brokenFS{})
	if err == nil || !errors.Is(err, fs.ErrPermission) || err.Error() != "reading data directory: open .: permission denied" {
		t.Errorf("LoadLibrary(unreadable) error = %v", err)
	}
}

func TestLibraryVersion(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{"a.json": timelineFile("a", "A"), "b.json": timelineFile("b", "B")}
	}
	version := func(dir fstest.MapFS) string {
		t.Helper()
		lib, err := LoadLibrary(dir)
		if err != nil {
			t.Fatal(err)
		}
		return lib.Version()
	}
	v := version(base())
	if again := version(base()); again != v {
		t.Errorf("Version changed between two loads of the same files: %s, %s", v, again)
	}
	unrelated := base()
	unrelated["README.md"] = &fstest.MapFile{Data: []byte("notes")}
	if got := version(unrelated); got != v {
		t.Errorf("Version changed for a file that is not a timeline")
	}
	changes := map[string]func(fstest.MapFS){
		"a title":       func(d fstest.MapFS) { d["b.json"] = timelineFile("b", "B2") },
		"white space":   func(d fstest.MapFS) { d["b.json"].Data = append(d["b.json"].Data, '\n') },
		"a file added":  func(d fstest.MapFS) { d["c.json"] = timelineFile("c", "C") },
		"a file gone":   func(d fstest.MapFS) { delete(d, "b.json") },
		"a file moved":  func(d fstest.MapFS) { d["c.json"] = timelineFile("c", "B"); delete(d, "b.json") },
		"files swapped": func(d fstest.MapFS) { d["a.json"], d["b.json"] = timelineFile("a", "B"), timelineFile("b", "A") },
	}
	for name, change := range changes {
		dir := base()
		change(dir)
		if got := version(dir); got == v {
			t.Errorf("Version did not change when %s changed", name)
		}
	}
	// The same bytes, split differently between the files: a newline at
	// the end of a.json, or at the start of b.json.
	endOfA, startOfB := base(), base()
	endOfA["a.json"].Data = append(endOfA["a.json"].Data, '\n')
	startOfB["b.json"].Data = append([]byte("\n"), startOfB["b.json"].Data...)
	if version(endOfA) == version(startOfB) {
		t.Error("Version is the same for a newline at the end of a.json and at the start of b.json")
	}
}

// people is a timeline whose file order of people is not alphabetical, so
// that tests can tell file order from sorting.
const people = `{
  "schema": "timeline/v1", "id": "people", "title": "People",
  "people": [
    {"id": "cat", "name": "Cat"}, {"id": "ann", "name": "Ann"}, {"id": "dan", "name": "Dan"},
    {"id": "bob", "name": "Bob"}, {"id": "eve", "name": "Eve"}, {"id": "fay", "name": "Fay"}
  ],
  "relationships": [
    {"id": "ann-bob", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}]},
    {"id": "bob-cat", "people": ["bob", "cat"], "phases": [{"status": "dating", "from": "2020"}]},
    {"id": "dan-eve", "people": ["dan", "eve"], "phases": [{"status": "married", "from": "2010"}]}
  ],
  "events": [
    {"id": "e-ann", "date": "2019", "kind": "interview", "title": "Ann speaks", "people": ["ann"]},
    {"id": "e-cat-dan", "date": "2021", "kind": "sighting", "title": "Cat and Dan seen", "people": ["cat", "dan"]},
    {"id": "e-eve", "date": "2022", "kind": "statement", "title": "Eve speaks", "people": ["eve"]}
  ]
}`

func TestInvolving(t *testing.T) {
	tl, err := Parse("people.json", []byte(people))
	if err != nil {
		t.Fatal(err)
	}
	relIDs := func(t *Timeline) []string {
		list := []string{}
		for _, r := range t.Relationships {
			list = append(list, r.ID)
		}
		return list
	}
	eventIDs := func(t *Timeline) []string {
		list := []string{}
		for _, e := range t.Events {
			list = append(list, e.ID)
		}
		return list
	}
	personIDs := func(t *Timeline) []string {
		list := []string{}
		for _, p := range t.People {
			list = append(list, p.ID)
		}
		return list
	}
	tests := []struct {
		ids                           []string
		people, relationships, events []string
	}{
		{[]string{"ann"}, []string{"ann", "bob"}, []string{"ann-bob"}, []string{"e-ann"}},
		{[]string{"bob"}, []string{"cat", "ann", "bob"}, []string{"ann-bob", "bob-cat"}, []string{}},
		// Dan is kept as Cat's companion in an event, Bob as her partner.
		{[]string{"cat"}, []string{"cat", "dan", "bob"}, []string{"bob-cat"}, []string{"e-cat-dan"}},
		{[]string{"ann", "eve"}, []string{"ann", "dan", "bob", "eve"}, []string{"ann-bob", "dan-eve"}, []string{"e-ann", "e-eve"}},
		{[]string{"eve", "ann"}, []string{"ann", "dan", "bob", "eve"}, []string{"ann-bob", "dan-eve"}, []string{"e-ann", "e-eve"}},
		{[]string{"ann", "ann"}, []string{"ann", "bob"}, []string{"ann-bob"}, []string{"e-ann"}},
		{[]string{"fay"}, []string{"fay"}, []string{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.ids, ","), func(t *testing.T) {
			before, _ := json.Marshal(tl)
			out, err := tl.Involving(tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			if got := personIDs(out); !reflect.DeepEqual(got, tt.people) {
				t.Errorf("people = %v, want %v", got, tt.people)
			}
			if got := relIDs(out); !reflect.DeepEqual(got, tt.relationships) {
				t.Errorf("relationships = %v, want %v", got, tt.relationships)
			}
			if got := eventIDs(out); !reflect.DeepEqual(got, tt.events) {
				t.Errorf("events = %v, want %v", got, tt.events)
			}
			if out.ID != tl.ID || out.Title != tl.Title {
				t.Errorf("Involving changed the id or title: %q, %q", out.ID, out.Title)
			}
			if after, _ := json.Marshal(tl); string(after) != string(before) {
				t.Errorf("Involving changed the timeline it filters")
			}
			// What is left is still a valid timeline, relationships [] and all.
			b, err := json.Marshal(out)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Parse("people.json", b); err != nil {
				t.Errorf("the filtered timeline is not valid: %v\n%s", err, b)
			}
		})
	}
	t.Run("no ids", func(t *testing.T) {
		for _, none := range [][]string{nil, {}} {
			out, err := tl.Involving(none)
			if err != nil || out != tl {
				t.Errorf("Involving(%#v) = %p, %v, want the timeline itself %p", none, out, err, tl)
			}
		}
	})
	t.Run("unknown id", func(t *testing.T) {
		for _, list := range [][]string{{"zed"}, {"ann", "zed"}, {"zed", "ann"}} {
			out, err := tl.Involving(list)
			var upe *UnknownPersonError
			if !errors.As(err, &upe) {
				t.Fatalf("Involving(%v) error = %v, want an *UnknownPersonError", list, err)
			}
			if upe.Person != "zed" || upe.Timeline != "people" || err.Error() != `timeline "people" has no person "zed"` {
				t.Errorf("Involving(%v) error = %#v, %q", list, upe, err)
			}
			if out != nil {
				t.Errorf("Involving(%v) returned a timeline with its error", list)
			}
		}
	})
}

// TestTimelineLookups finds people, relationships, events and sources by
// id, and nothing for an id of another kind or none.
func TestTimelineLookups(t *testing.T) {
	tl, err := Parse("lookups.json", []byte(`{"schema":"timeline/v1","id":"lookups","title":"Lookups",
		"people":[{"id":"ann","name":"Ann"},{"id":"dan","name":"Dan"}],
		"relationships":[{"id":"ann-dan","people":["ann","dan"],"phases":[{"status":"dating","from":"2018"}],
			"evidence":[{"source":"paper","quote":"They met."}]}],
		"events":[{"id":"party","date":"2019","kind":"sighting","title":"Seen at a party","people":["ann"]}],
		"sources":[{"id":"paper","outlet":"The Paper"},{"id":"radio","outlet":"The Radio"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	name := func(p *Person, ok bool) string { return found(ok, func() string { return p.Name }) }
	relationship := func(r *Relationship, ok bool) string {
		return found(ok, func() string { return r.People[0] + "&" + r.People[1] })
	}
	event := func(e *Event, ok bool) string { return found(ok, func() string { return e.Title }) }
	source := func(s *Source, ok bool) string { return found(ok, func() string { return s.Outlet }) }
	tests := []struct{ lookup, got, want string }{
		{`Person("dan")`, name(tl.Person("dan")), "Dan"},
		{`Person("zed")`, name(tl.Person("zed")), "none"},
		{`Person("ann-dan")`, name(tl.Person("ann-dan")), "none"},
		{`Relationship("ann-dan")`, relationship(tl.Relationship("ann-dan")), "ann&dan"},
		{`Relationship("party")`, relationship(tl.Relationship("party")), "none"},
		{`Event("party")`, event(tl.Event("party")), "Seen at a party"},
		{`Event("")`, event(tl.Event("")), "none"},
		{`Source("radio")`, source(tl.Source("radio")), "The Radio"},
		{`Source("ann")`, source(tl.Source("ann")), "none"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %s, want %s", tt.lookup, tt.got, tt.want)
		}
	}
	// What a lookup returns is the timeline's own item, not a copy.
	if r, _ := tl.Relationship("ann-dan"); r != &tl.Relationships[0] {
		t.Errorf("Relationship returned a copy")
	}
}

// found is what of an item a lookup found, or "none".
func found(ok bool, what func() string) string {
	if !ok {
		return "none"
	}
	return what()
}

func TestParsePersonList(t *testing.T) {
	tests := []struct {
		values []string
		want   []string
	}{
		{nil, nil},
		{[]string{""}, nil},
		{[]string{"a,b"}, []string{"a", "b"}},
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"b,a", "c"}, []string{"b", "a", "c"}},
		{[]string{" a , b ", ",,", " "}, []string{"a", "b"}},
		{[]string{"a,,b,"}, []string{"a", "b"}},
		{[]string{"a,b,a", "b", "c,a"}, []string{"a", "b", "c"}},
		{[]string{"James-Norton"}, []string{"james-norton"}},
		{[]string{"LILY-ALLEN,lily-allen"}, []string{"lily-allen"}},
	}
	for _, tt := range tests {
		if got := ParsePersonList(tt.values); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParsePersonList(%q) = %q, want %q", tt.values, got, tt.want)
		}
	}
}

func TestTimelineSpan(t *testing.T) {
	tests := []struct {
		relationships, events, want string
	}{
		{``, ``, ""},
		{`{"id":"r","people":["a","b"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2023-09/2023-12"}}`, ``, "2018–2023"},
		{`{"id":"r","people":["a","b"],"phases":[{"status":"dating","from":"2020-03"}]}`, ``, "2020"},
		{``, `{"id":"e","date":"2019~","kind":"other","title":"E","people":["a"]}`, "2019"},
	}
	for _, tt := range tests {
		src := `{"schema":"timeline/v1","id":"t","title":"T","people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"relationships":[` +
			tt.relationships + `],"events":[` + tt.events + `]}`
		tl, err := Parse("", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := tl.Span(); got != tt.want {
			t.Errorf("Span() = %q, want %q", got, tt.want)
		}
	}
}

// TestReloadLibraryKeepsLastGoodVersion edits a file as an editor would:
// a mistake keeps the last good timeline served, with the errors as its
// problems, until the file is right again.
func TestReloadLibraryKeepsLastGoodVersion(t *testing.T) {
	timeline := func(id, title string) string {
		return `{"schema":"timeline/v1","id":"` + id + `","title":"` + title + `","people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],` +
			`"relationships":[{"id":"r","people":["a","b"],"phases":[{"status":"dating","from":"2020"}]}]}`
	}
	dir := fstest.MapFS{"one.json": {Data: []byte(timeline("one", "First"))}}
	lib, err := LoadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}

	dir["one.json"] = &fstest.MapFile{Data: []byte(timeline("one", "Second")[:60])} // half-written
	dir["two.json"] = &fstest.MapFile{Data: []byte(`{"schema":"timeline/v1"}`)}
	next, errs, err := ReloadLibrary(dir, lib)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := next.Timeline("one"); !ok || got.Title != "First" {
		t.Errorf("after a half-written save, timeline one is %+v, want the last good one", got)
	}
	if _, ok := next.Timeline("two"); ok {
		t.Error("an invalid new file is served")
	}
	if len(next.Problems("one")) == 0 || next.Problems("one")[0].File != "one.json" || next.Problems("two") != nil {
		t.Errorf("problems: one %v, two %v", next.Problems("one"), next.Problems("two"))
	}
	if len(errs) < 2 {
		t.Errorf("the reload reports %d errors, want those of both files", len(errs))
	}
	if next.Version() == lib.Version() {
		t.Error("the version stayed the same, so pages would not show the problem")
	}

	dir["one.json"] = &fstest.MapFile{Data: []byte(timeline("one", "Second"))}
	delete(dir, "two.json")
	fixed, errs, err := ReloadLibrary(dir, next)
	if err != nil || len(errs) > 0 {
		t.Fatalf("reload of a fixed file: %v %v", err, errs)
	}
	if got, _ := fixed.Timeline("one"); got.Title != "Second" || fixed.Problems("one") != nil {
		t.Errorf("after the fix, timeline one is %q with problems %v", got.Title, fixed.Problems("one"))
	}
}

// TestLoadLibraryReadsOnlyRegularFiles checks that what is not a regular
// file is an error of that file, and that a reload that finds one keeps
// the last good timeline with that problem, under a new version.
func TestLoadLibraryReadsOnlyRegularFiles(t *testing.T) {
	for _, tt := range []struct {
		mode fs.FileMode
		want string
	}{
		{fs.ModeNamedPipe, "a.json: is a named pipe (FIFO), not a regular file"},
		{fs.ModeDevice | fs.ModeCharDevice, "a.json: is a device, not a regular file"},
		{fs.ModeSocket, "a.json: is a socket, not a regular file"},
	} {
		good := fstest.MapFS{"a.json": timelineFile("a", "A")}
		odd := fstest.MapFS{"a.json": &fstest.MapFile{Mode: tt.mode}}
		if _, err := LoadLibrary(odd); err == nil || err.Error() != tt.want {
			t.Errorf("LoadLibrary = %v, want %s", err, tt.want)
		}
		lib, err := LoadLibrary(good)
		if err != nil {
			t.Fatal(err)
		}
		again, errs, err := ReloadLibrary(odd, lib)
		if err != nil || errs.Error() != tt.want || again.Problems("a").Error() != tt.want {
			t.Errorf("ReloadLibrary = %v, %v; problems %v", errs, err, again.Problems("a"))
		}
		if _, ok := again.Timeline("a"); !ok || again.Version() == lib.Version() {
			t.Errorf("the reload kept the timeline: %v; its version changed: %v", ok, again.Version() != lib.Version())
		}
	}
}
