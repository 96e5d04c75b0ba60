package catalog

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocumentedErrorsAreCurrent holds the docs' "Errors you may meet" to
// what the resolver says today: each listed message, with "..." and
// "<date>" standing for whatever the catalog fills in, must match the error
// its input gives in some scope. A reworded sentence fails here until the
// docs are updated.
func TestDocumentedErrorsAreCurrent(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../templates/index.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	items := documentedErrors(string(data))
	if len(items) < 5 {
		t.Fatalf("found %d documented errors; the section moved?", len(items))
	}
	c := Default()
	for _, doc := range items {
		input := regexp.MustCompile(`^"([^"]+)"`).FindStringSubmatch(doc)
		if input == nil {
			t.Errorf("documented error %q does not start with its quoted input", doc)
			continue
		}
		pattern := docPattern(doc)
		matched := false
		var got []string
		for _, scope := range []string{"", "zone", "account", "user", "r2"} {
			_, err := c.Resolve(input[1], scope)
			if e := AsError(err); e != nil {
				got = append(got, e.Error())
				matched = matched || pattern.MatchString(e.Error())
			}
		}
		if !matched {
			t.Errorf("the docs say:\n  %s\nbut the resolver says:\n  %s", doc, strings.Join(got, "\n  "))
		}
	}
}

// documentedErrors reads the backticked messages of the section's list,
// joining the lines a long one wraps over.
func documentedErrors(doc string) []string {
	_, section, _ := strings.Cut(doc, "## Errors you may meet")
	section, _, _ = strings.Cut(section, "\n## ")
	var out []string
	for _, item := range strings.Split(section, "\n- `")[1:] {
		text, _, _ := strings.Cut(item, "`")
		out = append(out, strings.Join(strings.Fields(text), " "))
	}
	return out
}

// docPattern turns a documented message into a regular expression: "..."
// and "<date>" match anything.
func docPattern(doc string) *regexp.Regexp {
	parts := strings.Split(strings.ReplaceAll(doc, "<date>", "..."), "...")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
}

// TestTemplatesHoldNoSnapshotFacts: a refresh must not leave a stale date or
// count in the hand-written docs (the generated guide is rewritten by make
// generate, so it may hold them).
func TestTemplatesHoldNoSnapshotFacts(t *testing.T) {
	t.Parallel()
	date := regexp.MustCompile(`\b20\d\d-\d\d-\d\d\b`)
	err := filepath.Walk("../../templates", func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Base(path) == "permission-groups.md.tmpl" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if d := date.Find(data); d != nil {
			t.Errorf("%s holds the date %s: say it through the catalog (as_of) instead", path, d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
