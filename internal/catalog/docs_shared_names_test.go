package catalog

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocsNameEverySharedName holds the provider docs' list of names that
// exist in more than one scope (the names that need a scope) to the catalog:
// a refresh that adds or removes one must update the sentence.
func TestDocsNameEverySharedName(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../templates/index.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	sentence := regexp.MustCompile(`A few names exist in two scopes \(([^)]*)\)`).FindStringSubmatch(text)
	if sentence == nil {
		t.Fatal(`templates/index.md.tmpl no longer says "A few names exist in two scopes (...)": update this test`)
	}
	var documented []string
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(sentence[1], -1) {
		documented = append(documented, expandAccessAlternatives(m[1])...)
	}
	slices.Sort(documented)

	scopes := map[string]int{}
	for _, g := range Default().Groups() {
		scopes[g.Name]++
	}
	var shared []string
	for name, n := range scopes {
		if n > 1 {
			shared = append(shared, name)
		}
	}
	slices.Sort(shared)
	if !slices.Equal(documented, shared) {
		t.Fatalf("the docs name %q as existing in two scopes; the catalog has %q", documented, shared)
	}
}

// expandAccessAlternatives reads the docs' shorthand "Disable ESC Read/Write"
// as "Disable ESC Read" and "Disable ESC Write".
func expandAccessAlternatives(s string) []string {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || !strings.Contains(s[i:], "/") {
		return []string{s}
	}
	var out []string
	for _, access := range strings.Split(s[i+1:], "/") {
		out = append(out, s[:i+1]+access)
	}
	return out
}
