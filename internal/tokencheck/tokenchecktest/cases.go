package tokenchecktest

import (
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// PolicyCodes are the codes of every finding CheckPolicy makes.
var PolicyCodes = []string{
	"effect", "no_resources", "no_permissions", "malformed_resource", "user_in_account_token", "zone_outside_account",
	"unknown_permission", "unknown_id", "duplicate_permission", "scope_not_covered", "too_many_groups", "unused_resource",
}

// Case is a token whose policies make some kinds of finding. The adapters'
// tests (the provider function, the command) check every case and compare
// what they report with catalog.CheckTokenPolicies, whose texts are
// CheckPolicy's own.
type Case struct {
	Name string
	// Kind is the token kind: catalog.TokenKindUser or TokenKindAccount.
	Kind string
	// Policies are the token's policies as the Cloudflare provider v5
	// holds them, decoded from JSON.
	Policies []any
	// Codes are finding codes the case makes, at least.
	Codes []string
}

// Type is the resource type of the case's token.
func (c Case) Type() string {
	if c.Kind == catalog.TokenKindAccount {
		return "cloudflare_account_token"
	}
	return "cloudflare_api_token"
}

func v5Policy(effect string, ids []string, resources map[string]any) map[string]any {
	groups := make([]any, len(ids))
	for i, id := range ids {
		groups[i] = map[string]any{"id": id}
	}
	return map[string]any{"effect": effect, "permission_groups": groups, "resources": resources}
}

// Cases make every code of PolicyCodes, and the token checks' own.
func Cases() []Case {
	id := scenarioIDs()
	zones := map[string]any{allZones: "*"}
	account := "com.cloudflare.api.account." + scenarioAccount
	return []Case{
		{Name: "effect", Policies: []any{v5Policy("permit", []string{id.dnsWrite}, zones)}, Codes: []string{"effect"}},
		{Name: "no_resources", Policies: []any{v5Policy("allow", []string{id.dnsWrite}, map[string]any{})}, Codes: []string{"no_resources"}},
		{Name: "no_permissions", Policies: []any{v5Policy("allow", nil, zones)}, Codes: []string{"no_permissions", "unused_resource"}},
		{Name: "malformed_resource", Policies: []any{v5Policy("allow", []string{id.dnsWrite}, map[string]any{allZones: "*", "com.cloudflare.api.zone.*": "*"})},
			Codes: []string{"malformed_resource"}},
		{Name: "user_in_account_token", Kind: catalog.TokenKindAccount, Policies: []any{v5Policy("allow", []string{id.membership, id.dnsWrite},
			map[string]any{"com.cloudflare.api.user." + scenarioAccount: "*", account: map[string]any{allZones: "*"}})}, Codes: []string{"user_in_account_token"}},
		{Name: "zone_outside_account", Kind: catalog.TokenKindAccount, Policies: []any{v5Policy("allow", []string{id.dnsWrite}, zones)},
			Codes: []string{"zone_outside_account"}},
		{Name: "unknown_permission", Policies: []any{v5Policy("allow", []string{strings.ToUpper(id.dnsWrite), id.dnsRead}, zones)}, Codes: []string{"unknown_permission"}},
		{Name: "unknown_id", Policies: []any{v5Policy("allow", []string{catalogtest.UnknownID, catalogtest.NearID(id.dnsRead), id.dnsWrite}, zones)},
			Codes: []string{"unknown_id"}},
		{Name: "duplicate_permission", Policies: []any{v5Policy("allow", []string{id.dnsWrite, id.dnsWrite}, zones)}, Codes: []string{"duplicate_permission"}},
		{Name: "scope_not_covered", Policies: []any{v5Policy("allow", []string{id.dnsWrite, id.scripts}, zones)}, Codes: []string{"scope_not_covered"}},
		{Name: "too_many_groups", Policies: []any{v5Policy("allow", manyIDs(catalog.MaxPolicyGroups+1), map[string]any{account: "*", allZones: "*"})},
			Codes: []string{"too_many_groups"}},
		{Name: "unused_resource", Policies: []any{v5Policy("allow", []string{id.dnsWrite}, map[string]any{account: "*", allZones: "*"})}, Codes: []string{"unused_resource"}},
		{Name: "name_not_id", Policies: []any{v5Policy("allow", []string{"DNS Write"}, zones)}, Codes: []string{catalog.CodeNameNotID}},
		{Name: "invalid_policy", Policies: []any{v5Policy("allow", []string{id.dnsWrite}, map[string]any{allZones: []any{"*"}})}, Codes: []string{catalog.CodeInvalidPolicy}},
		{Name: "no_policies", Policies: []any{}, Codes: []string{catalog.CodeNoPolicies}},
		{Name: "clean", Policies: []any{v5Policy("allow", []string{id.dnsWrite}, zones), v5Policy("allow", []string{id.scripts}, map[string]any{account: "*"})}},
	}
}

// manyIDs is n distinct account and zone group ids of the catalog.
func manyIDs(n int) []string {
	c := catalog.Default()
	groups := append(c.List(catalog.Filter{ScopeKey: catalog.ScopeKeyAccount}), c.List(catalog.Filter{ScopeKey: catalog.ScopeKeyZone})...)
	ids := make([]string, 0, n)
	for _, g := range groups[:n] {
		ids = append(ids, g.ID)
	}
	return ids
}
