// Package catalogtest gives tests the facts of the embedded catalog (its
// date, counts and ids), read from the catalog itself, so that a refresh of
// groups.tsv needs no test edits. Only the catalog's one golden test pins
// the snapshot on purpose.
package catalogtest

import (
	"fmt"
	"regexp"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// ID is the id of the group a test means by name in scope (a short scope
// or a scope key), found through the resolver: an API name, or a former
// name a refresh recorded in former-names.tsv, so a test keeps its group
// when Cloudflare renames it. It panics when the catalog has no such
// group, or only reaches one by a looser reading (a typo, a docs label): a
// test that names a group the catalog lost must say so at once.
func ID(scope, name string) string {
	c := catalog.Default()
	key, err := c.ParseScope(scope)
	if err != nil {
		panic(err)
	}
	m, err := c.Resolve(name, key)
	if err != nil {
		panic(fmt.Sprintf("catalogtest: the embedded catalog has no %s group named %q: %v", scope, name, err))
	}
	if m.Kind != catalog.MatchExact && m.Kind != catalog.MatchRenamed {
		panic(fmt.Sprintf("catalogtest: %q is no %s group's name or former name (it reads as %s)", name, scope, m.Kind))
	}
	return m.Group.ID
}

// Name is the current API name of the group with this id: tests that
// assert on a sentence naming a group build it from the id, so a rename
// changes the expected sentence with the catalog.
func Name(id string) string {
	g, ok := catalog.Default().ByID(id)
	if !ok {
		panic(fmt.Sprintf("catalogtest: the embedded catalog has no group %s", id))
	}
	return g.Name
}

// AsOf is the embedded snapshot's date.
func AsOf() string { return catalog.Default().AsOf() }

// AsOfPattern is AsOf quoted for a regular expression.
func AsOfPattern() string { return regexp.QuoteMeta(AsOf()) }

// Total is the number of groups in the embedded catalog.
func Total() int { return catalog.Default().Len() }

// Count is the number of groups in one scope (short or key).
func Count(scope string) int {
	c := catalog.Default()
	key, err := c.ParseScope(scope)
	if err != nil {
		panic(err)
	}
	return c.Counts()[key]
}

// NearID is id with its last digit changed: a mistyped copy of a known id,
// one edit away from it and from no other.
func NearID(id string) string {
	last := id[len(id)-1]
	next := byte('0')
	if last == '0' {
		next = '1'
	}
	return id[:len(id)-1] + string(next)
}

// UnknownID is a well-formed id the catalog does not have.
const UnknownID = "0123456789abcdef0123456789abcdef"
