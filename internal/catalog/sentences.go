package catalog

import (
	"fmt"
	"strings"
)

// The sentences here are about arguments rather than names, shared by the
// data sources and the functions so that a mistake reads the same in both.

// NullElement is the error for a null element of a list of permissions.
func NullElement(list string, i int) string {
	return fmt.Sprintf("%s[%d] is null. Remove the element or give it a permission name.", list, i)
}

// NullArgument is the error for a null permission name argument.
func NullArgument(name string) string {
	return fmt.Sprintf("The %s argument is null. Give it a permission name, such as \"DNS Write\".", name)
}

// TooManyArguments is the error for a call with more than one of an
// optional trailing argument (a scope, an effect, a token kind).
func TooManyArguments(name string, n int) string {
	return fmt.Sprintf("Give at most one %s argument; this call has %d. Leave the others out.", name, n)
}

// NameOrID is the error for a permission group data source given both a
// name and an id, or neither.
func NameOrID(both bool) string {
	if both {
		return `Set either name or id, not both: name looks a permission group up by name ("DNS Write"), id by its 32-digit id.`
	}
	return `Set name (a permission name such as "DNS Write") or id (a 32-digit permission group id): one of them is required.`
}

// NoFilterMatch is the error for filters that select no group: an empty
// list would mint a token with no permissions.
func NoFilterMatch(asOf, filters string) string {
	return fmt.Sprintf("No group of the catalog (%s) matches %s. Loosen the filters, or list the names you want in `names`.", asOf, filters)
}

// EmptyNames is the error for an empty names list: a token with no
// permissions can do nothing.
func EmptyNames() string {
	return "names is empty, so the token would have no permissions. List the permissions it needs, such as [\"DNS Write\"]."
}

// NoSelection is the error for cfperms_permission_groups with neither names
// nor a filter, which would select every group of every scope (more than a
// policy may hold).
func NoSelection() string {
	return "Give names (the permissions the token needs) or at least one filter (scope, access, category, name_regex). " +
		"For every group, use the cfperms_catalog data source."
}

// LiveSettingsUnknown is why live mode fetched nothing: settings known only
// after apply. Fetching anyway would send the token to an address, or on
// behalf of an account, that nobody has seen yet.
func LiveSettingsUnknown(names []string) string {
	verb := "is"
	if len(names) > 1 {
		verb = "are"
	}
	return fmt.Sprintf("live_catalog needs its settings at plan time, but %s %s known only after apply (set from a resource "+
		"not created yet), so nothing was fetched and no token was sent. Set them from variables or literals",
		joinAnd(names), verb)
}

// joinAnd joins words as prose: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
