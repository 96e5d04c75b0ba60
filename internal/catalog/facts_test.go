package catalog

import (
	"fmt"
	"testing"
)

// testUnknownID is a well-formed id the catalog does not have; a test below
// keeps it that way.
const testUnknownID = "0123456789abcdef0123456789abcdef"

var idBrowserRenderingWrite = testID(ScopeKeyAccount, "Browser Rendering Write")

// testID is the id of the embedded group with this API name in a scope: tests
// name groups, the catalog supplies their ids, so a refresh needs no edits.
// (Tests outside this package use internal/catalog/catalogtest.)
func testID(scopeKey, name string) string {
	for _, g := range Default().List(Filter{ScopeKey: scopeKey}) {
		if g.Name == name {
			return g.ID
		}
	}
	panic(fmt.Sprintf("the embedded catalog has no %s group named %q", scopeKey, name))
}

// nearID changes an id's last digit: a mistyped copy of a known id.
func nearID(id string) string {
	if id[len(id)-1] == '0' {
		return id[:len(id)-1] + "1"
	}
	return id[:len(id)-1] + "0"
}

func TestTestFacts(t *testing.T) {
	t.Parallel()
	if _, ok := Default().ByID(testUnknownID); ok {
		t.Fatalf("testUnknownID %s is in the catalog: pick another", testUnknownID)
	}
	if _, ok := Default().ByID(nearID(idDNSWrite)); ok {
		t.Fatal("nearID gave a known id")
	}
}
