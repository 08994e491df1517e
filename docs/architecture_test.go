package docs

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestArchitectureNamesFilesThatExist reads architecture.md, the map a
// newcomer reads first, so that it stays true as the code moves: every
// path in backticks (cmd/liaison/serve.go, web/) is a file or folder of
// the repository, every file's name (routes.go, *_browser_test.go) is
// the name of one of its files: in a fresh clone, so what make builds
// (web/app.wasm, bin/liaison) is named without backticks. Routes
// (/t/{id}), commands (go vet ./...) and Go names (web.FS) are neither.
func TestArchitectureNamesFilesThatExist(t *testing.T) {
	doc, err := os.ReadFile("architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	// The files of the repository: neither git's own nor what make builds
	// (.gitignore), so that the test gives the same answer before and
	// after a build.
	ignore, err := os.ReadFile("../.gitignore")
	if err != nil {
		t.Fatal(err)
	}
	ignored := func(rel string) bool {
		for p := rel; p != "." && p != "/"; p = path.Dir(p) { // rel and its folders
			if p == ".git" {
				return true
			}
			for _, line := range strings.Split(string(ignore), "\n") {
				pattern := strings.Trim(line, "/") // every line of ours is anchored at the root
				if ok, _ := path.Match(pattern, p); ok && pattern != "" {
					return true
				}
			}
		}
		return false
	}
	var names []string // the name of every file
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", p)
		switch {
		case ignored(filepath.ToSlash(rel)) && d.IsDir():
			return filepath.SkipDir
		case !ignored(filepath.ToSlash(rel)) && !d.IsDir():
			names = append(names, d.Name())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fileName := regexp.MustCompile(`^[\w*.-]+\.(go|md|js|css|json|csv|svg|png)$`)
	checked := 0
	for _, m := range regexp.MustCompile("`([^`\n]+)`").FindAllStringSubmatch(string(doc), -1) {
		token := m[1]
		switch {
		case strings.HasPrefix(token, "/") || strings.ContainsAny(token, " {}<>?&…"):
			// a route, a URL or a command
		case strings.Contains(token, "/"):
			checked++
			found, _ := filepath.Glob(filepath.Join("..", filepath.FromSlash(token)))
			if len(found) == 0 || ignored(strings.Trim(token, "/")) {
				t.Errorf("architecture.md names %s, which is not a file or folder of the repository", token)
			}
		case fileName.MatchString(token):
			checked++
			if !matchesAny(token, names) {
				t.Errorf("architecture.md names %s, and no file of the repository has that name", token)
			}
		}
	}
	if checked < 20 {
		t.Errorf("architecture.md names %d paths in backticks: this test reads it wrong", checked)
	}
}

// matchesAny reports whether pattern, a file's name that may hold a *,
// matches one of names.
func matchesAny(pattern string, names []string) bool {
	for _, name := range names {
		if ok, _ := path.Match(pattern, name); ok {
			return true
		}
	}
	return false
}
