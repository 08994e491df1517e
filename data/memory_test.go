package data

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// A shape is a file that costs Parse much memory for its size, in one way.
type shape struct {
	name string
	src  []byte
}

// worstShapes are files of about size bytes in each shape that costs
// Parse the most memory for its size: long arrays of the smallest values
// JSON has (in a list with a limit and in lists without one), nesting,
// objects of many fields, long strings, a problem in every few bytes, and
// a valid timeline for comparison.
func worstShapes(size int) []shape {
	// fill repeats item, comma-separated, until the text is about size bytes.
	fill := func(item string) string {
		n := max(1, size/(len(item)+1))
		return strings.TrimSuffix(strings.Repeat(item+",", n), ",")
	}
	// people fills a list of people, which may hold MaxPeople.
	people := func(item string) string {
		n := min(MaxPeople, max(1, size/(len(item)+1)))
		return strings.TrimSuffix(strings.Repeat(item+",", n), ",")
	}
	timeline := func(fields ...string) []byte {
		return []byte(`{"schema":"timeline/v1","id":"t","title":"T","people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],` +
			strings.Join(fields, ",") + `}`)
	}
	relationship := func(fields string) string {
		return `"relationships":[{"id":"r","people":["a","b"],` + fields + `}]`
	}
	nested := strings.Repeat("[", maxDepth-2) + strings.Repeat("]", maxDepth-2)
	shapes := []shape{
		{"numbers as people, past the limit", []byte(`{"schema":"timeline/v1","id":"t","title":"T","relationships":[],"people":[` + fill("0") + `]}`)},
		{"numbers as sources, a list without a limit", timeline(`"relationships":[]`, `"sources":[`+fill("0")+`]`)},
		{"empty objects as phases", timeline(relationship(`"phases":[` + fill("{}") + `]`))},
		{"empty objects as evidence", timeline(relationship(`"phases":[{"status":"dating","from":"2018"}],"evidence":[` + fill("{}") + `]`))},
		{"one person again and again in an event", timeline(`"relationships":[]`, `"events":[{"id":"e","date":"2018","kind":"other","title":"E","people":[`+fill(`"a"`)+`]}]`)},
		{"unknown people in an event", timeline(`"relationships":[]`, `"events":[{"id":"e","date":"2018","kind":"other","title":"E","people":[`+fill(`"x"`)+`]}]`)},
		{"empty arrays in an unknown field", timeline(`"relationships":[]`, `"x":[`+fill("[]")+`]`)},
		{"nesting 32 deep, again and again", timeline(`"relationships":[]`, `"x":[`+fill(nested)+`]`)},
		{"an object of many fields", timeline(`"relationships":[]`, `"x":{`+fill(`"a":0`)+`}`)},
		{"an unknown field again and again", []byte(`{"schema":"timeline/v1","id":"t","title":"T","people":[{"id":"a","name":"A"}],"relationships":[],` + fill(`"a":0`) + `}`)},
		{"long strings", timeline(`"relationships":[]`, `"x":[`+fill(`"`+strings.Repeat("a", MaxTextLength)+`"`)+`]`)},
		{"escaped strings", timeline(`"relationships":[]`, `"x":[`+fill(`"`+strings.Repeat(`\u00e9`, 1000)+`"`)+`]`)},
		{"a problem in every person", []byte(`{"schema":"timeline/v1","id":"t","title":"T","relationships":[],"people":[` +
			people(`{"id":"A","name":"B"}`) + `]}`)},
		{"a problem in every relationship", timeline(`"relationships":[` + fill(`{"id":"r","people":["a","b"],"phases":[{"status":"wed","from":"2018"}]}`) + `]`)},
	}
	// A valid file, for comparison: generated relationships.
	n := size / 600
	generated := Generate(max(2, n/5), n, 1)
	generated.ID = "t"
	valid, err := json.Marshal(generated)
	if err != nil {
		panic(err)
	}
	shapes = append(shapes, shape{"a valid timeline", valid})
	return shapes
}

// The most memory that reading a file of any shape may take, in bytes for
// each byte of the file: the peak resident memory of a process that reads
// the file and parses it, less that of one that parses nothing (measured:
// at most 23 times, for 4 MiB of "{}" as evidence; a valid timeline takes
// 13), and all that Parse allocates (at most 33 times).
const (
	maxMemoryRatio     = 25
	maxAllocationRatio = 40
)

// TestParseMemory parses a file of 4 MiB of each worst shape, each in a
// process of its own, and checks the memory it took and what Parse
// allocated, and that the problems reported stay few.
func TestParseMemory(t *testing.T) {
	const size = 4 << 20
	dir := t.TempDir()
	var baseline int64
	for i, s := range worstShapes(size) {
		t.Run(s.name, func(t *testing.T) {
			var err error
			allocated := allocatedBy(func() { _, _, err = Check("t.json", s.src) })
			if ratio := float64(allocated) / float64(len(s.src)); ratio > maxAllocationRatio {
				t.Errorf("Parse allocated %.1f times the file's %d bytes, more than %d times", ratio, len(s.src), maxAllocationRatio)
			}
			if errs, ok := err.(Errors); ok && len(errs) > MaxProblems+1 {
				t.Errorf("%d problems reported, more than %d and the count of the others", len(errs), MaxProblems)
			}
			if s.name == "a valid timeline" && err != nil {
				t.Errorf("the valid timeline: %.300v", err)
			}

			path := filepath.Join(dir, fmt.Sprintf("%d.json", i))
			if err := os.WriteFile(path, s.src, 0o644); err != nil {
				t.Fatal(err)
			}
			if baseline == 0 {
				baseline = parseInChild(t, "")
			}
			memory := parseInChild(t, path) - baseline
			size := float64(len(s.src))
			t.Logf("%d bytes: %.1f MB of memory, %.1f times the file; %.1f times the file allocated",
				len(s.src), float64(memory)/1e6, float64(memory)/size, float64(allocated)/size)
			if ratio := float64(memory) / size; ratio > maxMemoryRatio {
				t.Errorf("reading the file took %.1f times its %d bytes of memory, more than %d times", ratio, len(s.src), maxMemoryRatio)
			}
		})
	}
}

// parseFileEnv names the file that TestParseInChild parses.
const parseFileEnv = "LIAISON_TEST_PARSE_FILE"

// parseInChild runs TestParseInChild in a process of its own, on the file
// at path (none when path is empty), and returns the peak resident memory
// of that process, in bytes. Only Linux says it (/proc/self/status).
func parseInChild(t *testing.T, path string) int64 {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the peak memory of a process is read from Linux's /proc")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestParseInChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), parseFileEnv+"="+cmp.Or(path, "-"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the child process: %v\n%s", err, out)
	}
	_, peak, ok := strings.Cut(string(out), "peak resident memory: ")
	kb, err := strconv.ParseInt(strings.Fields(peak + " ")[0], 10, 64)
	if !ok || err != nil {
		t.Fatalf("the child process does not say how much memory it took:\n%s", out)
	}
	return kb << 10
}

// TestParseInChild reads and parses the file that parseFileEnv names, as
// validate does, for parseInChild, and prints the most memory the process
// took. The kernel's count of a child process's peak memory (getrusage)
// counts the parent's until exec: only the process itself knows its own.
func TestParseInChild(t *testing.T) {
	path := os.Getenv(parseFileEnv)
	if path == "" {
		return
	}
	if path != "-" {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		Check("t.json", src)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status to read the peak memory from:", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fmt.Println("peak resident memory:", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")))
		}
	}
}

// allocatedBy is how many bytes f allocates, all of it: a bound on the
// most it holds at once.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// BenchmarkParseWorstShapes parses a file of 16 MiB of each worst shape,
// with how many bytes it allocates for a byte of the file.
func BenchmarkParseWorstShapes(b *testing.B) {
	for _, s := range worstShapes(16 << 20) {
		b.Run(strings.ReplaceAll(s.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(s.src)))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				Check("t.json", s.src)
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(s.src)), "allocated/byte")
		})
	}
}
