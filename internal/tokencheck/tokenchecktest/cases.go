package tokenchecktest

import (
	"fmt"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

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
	Codes []catalog.FindingCode
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

// Cases make every code of CheckPolicy, and the token checks' own.
func Cases() []Case {
	id := scenarioIDs()
	zones := map[string]any{allZones: "*"}
	account := "com.cloudflare.api.account." + scenarioAccount
	nested := map[string]any{account: map[string]any{allZones: "*"}}
	user, acct := catalog.TokenKindUser, catalog.TokenKindAccount
	one := func(name, kind, effect string, ids []string, resources map[string]any, codes ...catalog.FindingCode) Case {
		return Case{Name: name, Kind: kind, Policies: []any{v5Policy(effect, ids, resources)}, Codes: codes}
	}
	return []Case{
		one("effect", user, "permit", []string{id.dnsWrite}, zones, catalog.FindingEffect),
		one("no_resources", user, "allow", []string{id.dnsWrite}, map[string]any{}, catalog.FindingNoResources),
		one("malformed_resource", user, "allow", []string{id.dnsWrite}, map[string]any{allZones: "*", "com.cloudflare.api.zone.*": "*"}, catalog.FindingMalformedResource),
		one("more_findings", user, "allow", []string{id.dnsWrite}, manyMalformed(), catalog.FindingMalformedResource, catalog.FindingMore),
		one("resource_value", user, "allow", []string{id.dnsWrite}, map[string]any{allZones: "read"}, catalog.FindingResourceValue),
		one("unverified_resource", user, "allow", []string{id.dnsWrite}, map[string]any{allZones: "*", "com.cloudflare.edge.worker.script.*": "*"}, catalog.FindingUnverifiedResource),
		one("user_in_account_token", acct, "allow", []string{id.membership, id.dnsWrite}, nested, catalog.FindingUserInAccountToken),
		one("user_resource_in_account_token", acct, "allow", []string{id.dnsWrite},
			map[string]any{"com.cloudflare.api.user." + scenarioAccount: "*", account: map[string]any{allZones: "*"}}, catalog.FindingUserResource),
		one("account_wildcard", acct, "allow", []string{id.scripts}, map[string]any{"com.cloudflare.api.account.*": "*"}, catalog.FindingAccountWildcard),
		one("bucket_in_other_account", acct, "allow", []string{catalogtest.ID("r2", "Workers R2 Storage Bucket Item Read")},
			map[string]any{account: map[string]any{"com.cloudflare.edge.r2.bucket." + scenarioZone + "_default_logs": "*"}}, catalog.FindingBucketElsewhere),
		one("no_permissions", user, "allow", nil, zones, catalog.FindingNoPermissions),
		one("blank_permission", user, "allow", []string{"", id.dnsWrite}, zones, catalog.FindingBlankPermission),
		one("unknown_permission", user, "allow", []string{"DNS Wirte", id.dnsRead}, zones, catalog.FindingUnknownPermission),
		one("invalid_permission", user, "allow", []string{"Entire Account > DNS & Zones > Queues: Edit", id.dnsRead}, zones, catalog.FindingInvalidPermission),
		one("ambiguous_permission", user, "allow", []string{"Logs Write"}, map[string]any{allZones: "*", account: "*"}, catalog.FindingAmbiguous),
		one("several_permissions", user, "allow", []string{"DNS:Edit, Zone:Read"}, zones, catalog.FindingSeveral),
		one("wrong_scope", user, "allow", []string{"Zone > Billing Read", id.dnsRead}, zones, catalog.FindingWrongScope),
		one("malformed_id", user, "allow", []string{strings.ToUpper(id.dnsWrite), id.dnsRead}, zones, catalog.FindingMalformedID),
		one("mistyped_id", user, "allow", []string{catalogtest.NearID(id.dnsRead), id.dnsWrite}, zones, catalog.FindingMistypedID),
		one("unknown_id", user, "allow", []string{catalogtest.UnknownID, id.dnsWrite}, zones, catalog.FindingUnknownID),
		one("duplicate_permission", user, "allow", []string{id.dnsWrite, id.dnsWrite}, zones, catalog.FindingDuplicate),
		one("scope_not_covered", user, "allow", []string{id.dnsWrite, id.scripts}, zones, catalog.FindingScopeNotCovered),
		one("needs_own_policy", acct, "allow", []string{id.dnsWrite, id.scripts}, nested, catalog.FindingNeedsOwnPolicy),
		one("unverified_scope", user, "allow", []string{id.dnsWrite, workerScriptGroup()}, zones, catalog.FindingUnverifiedScope),
		one("too_many_groups", user, "allow", manyIDs(catalog.MaxPolicyGroups+1), map[string]any{account: "*", allZones: "*"}, catalog.FindingTooManyGroups),
		one("unused_resource", user, "allow", []string{id.dnsWrite}, map[string]any{account: "*", allZones: "*"}, catalog.FindingUnusedResource),
		one("name_not_id", user, "allow", []string{"DNS Write"}, zones, catalog.FindingNameNotID),
		one("invalid_policy", user, "allow", []string{id.dnsWrite}, map[string]any{allZones: []any{"*"}}, catalog.FindingInvalidPolicy),
		{Name: "no_policies", Kind: user, Policies: []any{}, Codes: []catalog.FindingCode{catalog.FindingNoPolicies}},
		{Name: "clean", Kind: user, Policies: []any{v5Policy("allow", []string{id.dnsWrite}, zones), v5Policy("allow", []string{id.scripts}, map[string]any{account: "*"})}},
	}
}

// workerScriptGroup is a group of a scope whose resource keys this provider
// cannot check.
func workerScriptGroup() string {
	return catalog.Default().List(catalog.Filter{ScopeKey: "com.cloudflare.edge.worker.script"})[0].ID
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

// manyMalformed is every zone, and one malformed key more than the findings
// of one argument shown in full.
func manyMalformed() map[string]any {
	resources := map[string]any{allZones: "*"}
	for i := range catalog.MaxListDiagnostics + 1 {
		resources[fmt.Sprintf("com.cloudflare.api.zone.%d", i)] = "*"
	}
	return resources
}
