package needs

import (
	"fmt"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// The sentences of needs, the same from cfperms-check and the provider.

// maxListed bounds the addresses a sentence names; the rest are counted.
const maxListed = 3

// Addresses names a few addresses and counts the rest.
func Addresses(list []string) string {
	if len(list) <= maxListed {
		return strings.Join(list, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(list[:maxListed], ", "), len(list)-maxListed)
}

// GroupLabel is a group as sentences name it: "DNS Write (zone)".
func GroupLabel(g catalog.Group) string {
	if g.Name == "" {
		return "the group " + g.ID + " (not in the catalog)"
	}
	return fmt.Sprintf("%s (%s)", g.Name, g.Scope())
}

// UnknownMessage says why no group is named for a type, and what to do.
func UnknownMessage(u Unknown) string {
	return fmt.Sprintf("no permission group can be named for %s: %s. Find the groups its API calls take in Cloudflare's API docs and grant them yourself; nothing here counts it as covered.",
		Addresses(u.Addresses), u.Why)
}

// MissingMessage is a need the token does not meet. An account-owned token
// cannot hold a user group, so for one the advice is another token, not a
// group it cannot be given.
func MissingMessage(n Need, accountOwned bool) string {
	if accountOwned && n.Group.ScopeKey() == catalog.ScopeKeyUser {
		return fmt.Sprintf("the token lacks %s, which %s %s, and an account-owned token cannot hold user permission groups: apply those resources with a user-owned token (cloudflare_api_token) that holds the group %s.",
			GroupLabel(n.Group), Addresses(n.For), needVerb(len(n.For)), n.Group.ID)
	}
	return fmt.Sprintf("the token lacks %s, which %s %s: add the group %s to its policies.",
		GroupLabel(n.Group), Addresses(n.For), needVerb(len(n.For)), n.Group.ID)
}

func needVerb(n int) string {
	if n == 1 {
		return "needs"
	}
	return "need"
}

// UnusedMessage is a group the token grants that nothing in the plan needs,
// as cmp found it: a name where an id belongs says so, with the id; a Read
// group whose product the plan needs written names that Write group, for
// "nothing needs it" would be untrue.
func UnusedMessage(cmp Comparison, g catalog.Group) string {
	if named, ok := cmp.Named[g.ID]; ok {
		return fmt.Sprintf("the token's policies hold %q, a permission group's name, where Cloudflare takes only ids: write %s (%s) instead; as it is, it grants nothing.",
			g.ID, named.ID, GroupLabel(named))
	}
	if covered, ok := cmp.Covered[g.ID]; ok {
		return fmt.Sprintf("the token grants %s, but what this plan needs of it is %s, which also reads: with that granted, %s adds nothing.",
			GroupLabel(g), GroupLabel(covered), g.Name)
	}
	return fmt.Sprintf("the token grants %s, which nothing in this plan needs: leave it out for a least-privilege token (or keep it for what this plan does not show).",
		GroupLabel(g))
}

// IncompleteMessage warns that the comparison saw only part of the token.
const IncompleteMessage = "part of the token's policies is known only after apply, or cannot be read, so a group reported missing may yet be granted."

// Caveat is what every answer rests on, said once.
const Caveat = "one group per change, picked from its type's list by a rule or a reviewed override"
