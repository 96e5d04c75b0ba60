package catalog

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCategoryLabels checks the label rule against every heading in
// testdata/category-labels.tsv: the dashboard's headings where seen, and
// the rule's own reading of the keys never seen.
func TestCategoryLabels(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/category-labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if got := CategoryLabel(f[0]); got != f[1] {
			t.Errorf("CategoryLabel(%q) = %q, want %q (%s)", f[0], got, f[1], f[2])
		}
	}
	for key, want := range map[string]string{"": "", "api_shield": "API Shield", "ssl_and_tls": "SSL & TLS"} {
		if got := CategoryLabel(key); got != want {
			t.Errorf("CategoryLabel(%q) = %q, want %q", key, got, want)
		}
	}
}

// TestCategoriesOfTheCatalog: every category of the catalog has a label and
// its count, and filtering by it returns exactly its groups.
func TestCategoriesOfTheCatalog(t *testing.T) {
	t.Parallel()
	c := Default()
	cats := c.Categories()
	if len(cats) == 0 {
		t.Fatal("the catalog has no categories")
	}
	total := 0
	for _, cat := range cats {
		got := c.List(Filter{Category: cat.Key})
		if len(got) != cat.Count || cat.Label == "" {
			t.Errorf("%s: %d groups listed, count %d, label %q", cat.Key, len(got), cat.Count, cat.Label)
		}
		for _, g := range got {
			if g.Category != cat.Key {
				t.Errorf("%s lists %q of %q", cat.Key, g.Name, g.Category)
			}
		}
		total += cat.Count
	}
	uncategorised := 0
	for _, g := range c.Groups() {
		if g.Category == "" {
			uncategorised++
		}
	}
	if total+uncategorised != c.Len() {
		t.Errorf("%d categorised + %d without = %d, catalog has %d", total, uncategorised, total+uncategorised, c.Len())
	}
}

func TestParseCategory(t *testing.T) {
	t.Parallel()
	c := Default()
	key := c.Categories()[0].Key
	label := c.Categories()[0].Label
	tests := []struct {
		name, input, want, errPattern string
	}{
		{name: "empty is any", input: "", want: ""},
		{name: "exact key", input: key, want: key},
		{name: "key in capitals", input: strings.ToUpper(key), want: key},
		{name: "heading suggests the key", input: label, errPattern: `is not a category key of this catalog.*Did you mean "` + key + `"\?`},
		{name: "typo suggests the key", input: key[:len(key)-1], errPattern: `Did you mean "` + key + `"\?`},
		{name: "nonsense lists the keys", input: "quantum", errPattern: `Category keys: .*` + key + ` \(`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.ParseCategory(tt.input)
			if tt.errPattern == "" {
				if err != nil || got != tt.want {
					t.Fatalf("ParseCategory(%q) = %q, %v; want %q", tt.input, got, err, tt.want)
				}
				return
			}
			if err == nil || !regexp.MustCompile(tt.errPattern).MatchString(err.Error()) {
				t.Fatalf("ParseCategory(%q) error %v, want %s", tt.input, err, tt.errPattern)
			}
		})
	}
}
