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

// ID is the id of the group with this exact API name in scope (a short
// scope or a scope key). It panics when the catalog has no such group: a
// test that names a group the catalog lost must say so at once.
func ID(scope, name string) string {
	c := catalog.Default()
	key, err := c.ParseScope(scope)
	if err != nil {
		panic(err)
	}
	for _, g := range c.List(catalog.Filter{ScopeKey: key}) {
		if g.Name == name {
			return g.ID
		}
	}
	panic(fmt.Sprintf("catalogtest: the embedded catalog has no %s group named %q", scope, name))
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
