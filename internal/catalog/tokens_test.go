package catalog_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

const (
	tokAccount = "0123456789abcdef0123456789abcdef"
	tokZone    = "fedcba9876543210fedcba9876543210"
	allZones   = "com.cloudflare.api.account.zone.*"
)

// decoded is a policies value as encoding/json gives it.
func decoded(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("test JSON: %v", err)
	}
	return v
}

// codes lists the findings as "severity code subject" lines, for comparison.
func codes(findings []catalog.TokenFinding) string {
	lines := make([]string, len(findings))
	for i, f := range findings {
		lines[i] = fmt.Sprintf("%d %s %s %s", f.Policy, f.Severity, f.Code, f.Subject)
	}
	return strings.Join(lines, "\n")
}

func TestCheckTokenPoliciesShapes(t *testing.T) {
	t.Parallel()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	scripts := catalogtest.ID("account", "Workers Scripts Write")
	tests := []struct {
		name     string
		policies string
		kind     string
		want     string // codes() of the findings
	}{
		{
			name:     "v5 with resources as a map (before 5.13)",
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":{"` + allZones + `":"*"}}]`,
		},
		{
			name:     "v5 with resources as a JSON string (from 5.13)",
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `","meta":null}],"resources":"{\"` + allZones + `\":\"*\"}"}]`,
		},
		{
			name: "v5 account-nested form as a JSON string",
			kind: catalog.TokenKindAccount,
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"},{"id":"` + scripts + `"}],` +
				`"resources":"{\"com.cloudflare.api.account.` + tokAccount + `\":{\"` + allZones + `\":\"*\"}}"}]`,
			// The nested form grants on the zones under the account only.
			want: "0 error needs_own_policy " + scripts,
		},
		{
			name: "a JSON string as one key's value is not the nested form",
			kind: catalog.TokenKindAccount,
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],` +
				`"resources":{"com.cloudflare.api.account.` + tokAccount + `":"{\"` + allZones + `\":\"*\"}"}}]`,
			want: "0 error resource_value com.cloudflare.api.account." + tokAccount + "\n0 error scope_not_covered " + dnsWrite +
				"\n0 warning unused_resource com.cloudflare.api.account." + tokAccount,
		},
		{
			name:     "v4 policy blocks",
			policies: `[{"id":"x","effect":"allow","permission_groups":["` + dnsWrite + `"],"resources":{"com.cloudflare.api.account.zone.` + tokZone + `":"*"}}]`,
		},
		{
			name:     "v4 without an effect is allow",
			policies: `[{"permission_groups":["` + dnsWrite + `"],"resources":{"` + allZones + `":"*"}}]`,
		},
		{
			name:     "a name where an id belongs",
			policies: `[{"effect":"allow","permission_groups":[{"id":"DNS Write"}],"resources":{"` + allZones + `":"*"}}]`,
			want:     "0 error name_not_id DNS Write",
		},
		{
			name:     "an ambiguous name settled by the resources is still a name",
			policies: `[{"effect":"allow","permission_groups":["Logs Write"],"resources":{"` + allZones + `":"*"}}]`,
			want:     "0 error name_not_id Logs Write",
		},
		{name: "no policies", policies: `[]`, want: "-1 warning no_policies "},
		{name: "null policies", policies: `null`, want: "-1 warning no_policies "},
		{name: "not a list", policies: `{"effect":"allow"}`, want: "-1 error invalid_policy "},
		{name: "a policy that is not an object", policies: `["allow"]`, want: "0 error invalid_policy "},
		{
			name:     "permission_groups of the wrong type",
			policies: `[{"effect":"allow","permission_groups":"` + dnsWrite + `","resources":{"` + allZones + `":"*"}}]`,
			want:     "0 error invalid_policy ",
		},
		{
			name:     "a permission group without its id",
			policies: `[{"effect":"allow","permission_groups":[{"id":null},{"id":"` + dnsWrite + `"}],"resources":{"` + allZones + `":"*"}}]`,
			want:     "0 error invalid_policy ",
		},
		{
			name:     "an id that is a number",
			policies: `[{"effect":"allow","permission_groups":[7],"resources":{"` + allZones + `":"*"}}]`,
			want:     "0 error invalid_policy ",
		},
		{
			name:     "resources not JSON",
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":"{nope"}]`,
			want:     "0 error invalid_policy ",
		},
		{
			name:     "resources a list",
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":["` + allZones + `"]}]`,
			want:     "0 error invalid_policy ",
		},
		{
			name:     "nested zone key not mapped to a star",
			kind:     catalog.TokenKindAccount,
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":{"com.cloudflare.api.account.` + tokAccount + `":{"` + allZones + `":"read"}}}]`,
			want:     "0 error resource_value com.cloudflare.api.account." + tokAccount,
		},
		{
			name:     "effect of the wrong type",
			policies: `[{"effect":true,"permission_groups":[{"id":"` + dnsWrite + `"}],"resources":{"` + allZones + `":"*"}}]`,
			want:     "0 error invalid_policy ",
		},
		{
			name: "findings carry their policy index",
			policies: `[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":{"` + allZones + `":"*"}},` +
				`{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":{"com.cloudflare.api.account.` + tokAccount + `":"*"}}]`,
			want: "1 error scope_not_covered " + dnsWrite + "\n1 warning unused_resource com.cloudflare.api.account." + tokAccount,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := catalog.Default().CheckTokenPolicies(decoded(t, tt.policies), tt.kind)
			if codes(got) != tt.want {
				t.Fatalf("findings:\n%s\nwant:\n%s\n%+v", codes(got), tt.want, got)
			}
			for _, f := range got {
				if strings.TrimSpace(f.Message) == "" || f.Summary() == "" {
					t.Errorf("finding without text: %+v", f)
				}
			}
		})
	}
}

// A name where an id belongs gets the id to write, in the catalog's words.
func TestCheckTokenPoliciesNameNotID(t *testing.T) {
	t.Parallel()
	got := catalog.Default().CheckTokenPolicies(decoded(t, `[{"effect":"allow","permission_groups":["`+catalogtest.ID("zone", "DNS Read")+`","DNS Write"],"resources":{"`+allZones+`":"*"}}]`), "")
	if len(got) != 1 {
		t.Fatalf("findings: %+v", got)
	}
	want := fmt.Sprintf(`permission_groups[1]: "DNS Write" is not a permission group id: ids are exactly 32 lower-case hex digits with no dashes. Write %q (the zone permission group "DNS Write").`, catalogtest.ID("zone", "DNS Write"))
	if got[0].Message != want || got[0].Name != "DNS Write" {
		t.Fatalf("finding %+v\nwant message %s", got[0], want)
	}
}

// Unknown parts are reported as skipped, and no finding that depends on
// them is made: a guess either way would be wrong half the time.
func TestCheckTokenPoliciesUnknown(t *testing.T) {
	t.Parallel()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	user := catalogtest.ID("user", "Memberships Read")
	unknown := catalog.Unknown{}
	policy := func(effect, groups, resources any) map[string]any {
		return map[string]any{"effect": effect, "permission_groups": groups, "resources": resources}
	}
	zones := map[string]any{allZones: "*"}
	tests := []struct {
		name     string
		policies any
		kind     string
		want     string
	}{
		{name: "the whole list", policies: unknown, want: "-1 skipped unknown_value "},
		{name: "one policy", policies: []any{unknown}, want: "0 skipped unknown_value "},
		{name: "the effect", policies: []any{policy(unknown, []any{dnsWrite}, zones)}, want: "0 skipped unknown_value "},
		{
			name:     "one id: the rest keep their index, no unused resource is guessed",
			policies: []any{policy("allow", []any{map[string]any{"id": unknown}, map[string]any{"id": user}}, zones)},
			want:     "0 skipped unknown_value \n0 error scope_not_covered " + user,
		},
		{
			name:     "the list of groups: no empty policy is guessed",
			policies: []any{policy("allow", unknown, zones)},
			want:     "0 skipped unknown_value ",
		},
		{
			name:     "the resources: no missing scope is guessed",
			policies: []any{policy("allow", []any{user}, unknown)},
			want:     "0 skipped unknown_value ",
		},
		{
			name:     "one resource: the resources wait for it",
			policies: []any{policy("allow", []any{dnsWrite}, map[string]any{"com.cloudflare.api.account.zone.nope": "*", "com.cloudflare.api.account." + tokAccount: unknown})},
			want:     "0 skipped unknown_value com.cloudflare.api.account." + tokAccount,
		},
		{
			name:     "a nested zone key's value",
			kind:     catalog.TokenKindAccount,
			policies: []any{policy("allow", []any{dnsWrite}, map[string]any{"com.cloudflare.api.account." + tokAccount: map[string]any{allZones: unknown}})},
			want:     "0 skipped unknown_value com.cloudflare.api.account." + tokAccount,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := catalog.Default().CheckTokenPolicies(tt.policies, tt.kind)
			if codes(got) != tt.want {
				t.Fatalf("findings:\n%s\nwant:\n%s\n%+v", codes(got), tt.want, got)
			}
		})
	}
}

// Every finding CheckPolicy makes comes through with its own text,
// severity and code, and the subject and name it is about.
func TestCheckTokenPoliciesSameTextAsCheckPolicy(t *testing.T) {
	t.Parallel()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	user := catalogtest.ID("user", "Memberships Read")
	c := catalog.Default()
	tests := []struct {
		name   string
		policy catalog.Policy
	}{
		{name: "effect", policy: catalog.Policy{Effect: "permit", Permissions: []string{dnsWrite}, Resources: []catalog.Resource{{Key: allZones, Value: "*"}}}},
		{name: "unknown and near-miss ids", policy: catalog.Policy{Effect: "allow", Permissions: []string{catalogtest.UnknownID, catalogtest.NearID(dnsWrite), dnsWrite, dnsWrite}, Resources: []catalog.Resource{{Key: allZones, Value: "*"}}}},
		{name: "malformed id", policy: catalog.Policy{Effect: "allow", Permissions: []string{strings.ToUpper(dnsWrite)}, Resources: []catalog.Resource{{Key: allZones, Value: "*"}}}},
		// Resources in key order, the order a map is read in.
		{name: "scope", policy: catalog.Policy{Effect: "deny", Permissions: []string{user}, Resources: []catalog.Resource{{Key: allZones, Value: "*"}, {Key: "com.cloudflare.api.zone.*", Value: "*"}}}},
		{name: "account token", policy: catalog.Policy{Effect: "allow", TokenKind: catalog.TokenKindAccount, Permissions: []string{user, dnsWrite}, Resources: []catalog.Resource{{Key: allZones, Value: "*"}, {Key: "com.cloudflare.api.user." + tokAccount, Value: "*"}}}},
		{name: "empty", policy: catalog.Policy{Effect: "allow"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := c.CheckPolicy(tt.policy)
			got := c.CheckTokenPolicies([]any{asWritten(tt.policy)}, tt.policy.TokenKind)
			if len(got) != len(res.Findings) {
				t.Fatalf("got %d findings, CheckPolicy %d:\n%+v\n%+v", len(got), len(res.Findings), got, res.Findings)
			}
			for i, f := range res.Findings {
				g := got[i]
				// The same sentence, the element named as the token's list is.
				if g.Message != strings.ReplaceAll(f.Message, "permissions[", "permission_groups[") || g.Severity != f.Severity || g.Code != f.Code || g.Summary() != f.Summary() {
					t.Errorf("finding %d = %+v, want %+v", i, g, f)
				}
				if f.Permission >= 0 && g.Subject != tt.policy.Permissions[f.Permission] {
					t.Errorf("finding %d subject %q, want the id", i, g.Subject)
				}
				if f.Resource != "" && g.Subject != f.Resource {
					t.Errorf("finding %d subject %q, want %q", i, g.Subject, f.Resource)
				}
				if grp, ok := c.ByID(g.Subject); ok && g.Name != grp.Name {
					t.Errorf("finding %d name %q, want %q", i, g.Name, grp.Name)
				}
			}
		})
	}
}

// asWritten is a policy as a v5 token resource holds it.
func asWritten(p catalog.Policy) map[string]any {
	groups := make([]any, len(p.Permissions))
	for i, id := range p.Permissions {
		groups[i] = map[string]any{"id": id}
	}
	var resources map[string]any
	if len(p.Resources) > 0 {
		resources = map[string]any{}
		for _, r := range p.Resources {
			resources[r.Key] = r.Value
		}
	}
	return map[string]any{"effect": p.Effect, "permission_groups": groups, "resources": resources}
}

func TestTokenKindProblem(t *testing.T) {
	t.Parallel()
	if catalog.TokenKindProblem(catalog.TokenKindUser) != "" || catalog.TokenKindProblem(catalog.TokenKindAccount) != "" {
		t.Fatal("a good kind has a problem")
	}
	if got := catalog.TokenKindProblem("acount"); !strings.Contains(got, `"acount"`) || !strings.Contains(got, `"account"`) {
		t.Fatalf("TokenKindProblem = %q", got)
	}
}

// TestTokenFindingsFollowTheElements: a name where an id belongs (found
// after CheckPolicy) is reported at its element's place, and every
// finding calls the list permission_groups, as the token does.
func TestTokenFindingsFollowTheElements(t *testing.T) {
	t.Parallel()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	policy := map[string]any{"effect": "allow", "resources": map[string]any{allZones: "*"}, "permission_groups": []any{
		map[string]any{"id": catalogtest.Name(dnsWrite)}, map[string]any{"id": catalogtest.NearID(dnsWrite)},
	}}
	got := catalog.Default().CheckTokenPolicies([]any{policy}, catalog.TokenKindUser)
	if len(got) != 2 || got[0].Code != catalog.FindingNameNotID || got[1].Code != catalog.FindingMistypedID {
		t.Fatalf("findings %+v: want the name at permission_groups[0], then the mistyped id at [1]", got)
	}
	for i, f := range got {
		if want := fmt.Sprintf("permission_groups[%d]: ", i); !strings.HasPrefix(f.Message, want) {
			t.Errorf("finding %d: %q does not start with %q", i, f.Message, want)
		}
	}
}
