package catalog

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsNameEverySharedName holds the provider docs' examples of names
// that exist in more than one scope (the names that need a scope) to the
// catalog: each must still be shared. The full list is the permission
// groups guide's, generated from the catalog by cmd/cfperms-docs, so a
// refresh that shares a new name needs no edit to the docs by hand.
func TestDocsNameEverySharedName(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../templates/index.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	sentence := regexp.MustCompile(`A few names exist in more than one scope, such as ([^(]*)\(`).FindStringSubmatch(text)
	if sentence == nil {
		t.Fatal(`templates/index.md.tmpl no longer says "A few names exist in more than one scope, such as ...": update this test`)
	}
	scopes := map[string]int{}
	for _, g := range Default().Groups() {
		scopes[g.Name]++
	}
	examples := regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(sentence[1], -1)
	if len(examples) == 0 {
		t.Fatalf("the sentence %q gives no example", sentence[0])
	}
	for _, m := range examples {
		if scopes[m[1]] < 2 {
			t.Errorf("the docs give %q as a name in more than one scope; the catalog has it in %d", m[1], scopes[m[1]])
		}
	}
}
