package catalog

import (
	"fmt"
	"testing"
)

// testUnknownID is a well-formed id the catalog does not have; a test below
// keeps it that way.
const testUnknownID = "0123456789abcdef0123456789abcdef"

// testID is the id of the embedded group a test means by name in a scope,
// found through the resolver: its API name or a former name, so a rename
// by a refresh needs no test edits. A name the catalog only reaches by a
// looser reading panics. (Tests outside this package use
// internal/catalog/catalogtest.)
func testID(scopeKey, name string) string {
	m, err := Default().Resolve(name, scopeKey)
	if err != nil || (m.Kind != MatchExact && m.Kind != MatchRenamed) {
		panic(fmt.Sprintf("the embedded catalog has no %s group named %q (%v, %s)", scopeKey, name, err, m.Kind))
	}
	return m.Group.ID
}

// testName is the current API name of the group with this id.
func testName(id string) string {
	g, ok := Default().ByID(id)
	if !ok {
		panic(fmt.Sprintf("the embedded catalog has no group %s", id))
	}
	return g.Name
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

// skipIfRefreshChanged skips a case about a group's API name that a
// refresh has changed under it: no group of that scope is called name any
// more (removed or renamed), or, for a case asked without a scope, the name
// now belongs to groups in more than one scope, so it is ambiguous on its
// own by design. The skip names the change, so a refresh pull request shows
// which cases to rewrite; TestResolutionsStayStable skips removed ids alike.
func skipIfRefreshChanged(t *testing.T, name, scope string, unscoped bool) {
	t.Helper()
	c := Default()
	key, err := c.ParseScope(scope)
	if err != nil {
		t.Fatal(err)
	}
	scopes := 0
	inScope := false
	for _, g := range c.Groups() {
		if g.Name == name {
			scopes++
			inScope = inScope || g.InScope(key)
		}
	}
	switch {
	case !inScope:
		t.Skipf("no %s group is named %q in this catalog (%s): a refresh removed or renamed it", scope, name, c.AsOf())
	case unscoped && scopes > 1:
		t.Skipf("%q names groups in %d scopes in this catalog (%s): a refresh made it shared", name, scopes, c.AsOf())
	}
}
