package catalog

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const (
	acct = "00000000000000000000000000000acc"
	zone = "fedcba9876543210fedcba9876543210"
)

func TestParseResourceKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key       string
		scope, id string
		bucket    string
		wantErr   string // regular expression; "" means valid
	}{
		{key: "com.cloudflare.api.account." + acct, scope: ScopeKeyAccount, id: acct},
		{key: "com.cloudflare.api.account.*", scope: ScopeKeyAccount, id: "*"},
		{key: "com.cloudflare.api.account.zone." + zone, scope: ScopeKeyZone, id: zone},
		{key: "com.cloudflare.api.account.zone.*", scope: ScopeKeyZone, id: "*"},
		{key: "com.cloudflare.api.user." + acct, scope: ScopeKeyUser, id: acct},
		{key: "com.cloudflare.edge.r2.bucket." + acct + "_default_my-bucket", scope: ScopeKeyR2, id: acct + "_default_my-bucket", bucket: "my-bucket"},
		{key: "com.cloudflare.edge.r2.bucket." + acct + "_eu_logs", scope: ScopeKeyR2, id: acct + "_eu_logs", bucket: "logs"},
		{key: "com.cloudflare.edge.r2.bucket.*", scope: ScopeKeyR2, id: "*"},
		{key: "com.cloudflare.api.zone.*", wantErr: `Did you mean "com\.cloudflare\.api\.account\.zone\.\*"\?`},
		{key: "com.cloudflare.api.zone." + zone, wantErr: `Did you mean "com\.cloudflare\.api\.account\.zone\.` + zone + `"\?`},
		{key: "cloudflare.api.account.*", wantErr: `Did you mean "com\.cloudflare\.api\.account\.\*"\?`},
		{key: "COM.CLOUDFLARE.API.ACCOUNT.ZONE.*", wantErr: `Did you mean "com\.cloudflare\.api\.account\.zone\.\*"\?`},
		{key: "com.cloudflare.r2.bucket.*", wantErr: `Did you mean "com\.cloudflare\.edge\.r2\.bucket\.\*"\?`},
		{key: "com.cloudflare.api.account.zone." + strings.ToUpper(zone), wantErr: `zone ids are 32 lower-case hex digits\. Did you mean "com\.cloudflare\.api\.account\.zone\.` + zone + `"`},
		{key: "com.cloudflare.api.account.example.com", wantErr: `"example\.com" is neither "\*" nor an account id`},
		{key: strings.Repeat("0f", 16), wantErr: `it is an id alone, and a key names its scope too: "com\.cloudflare\.api\.account\.zone\.(0f){16}" for a zone, "com\.cloudflare\.api\.account\.(0f){16}" for an account`},
		{key: "com.cloudflare.api.user.*", wantErr: `no wildcard`},
		{key: "com.cloudflare.users." + acct, wantErr: `Did you mean "com\.cloudflare\.api\.user\.` + acct + `"\?`},
		{key: "com.cloudflare.edge.r2.bucket.my-bucket", wantErr: `<account id>_<jurisdiction>_<bucket>`},
		{key: "com.cloudflare.edge.r2.bucket." + acct + "_mars_b1", wantErr: `jurisdiction "default", "eu" or "fedramp"`},
		{key: "", wantErr: `matches none of the resource key forms.*Keys look like`},
		{key: "*", wantErr: `matches none`},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			k, err := ParseResourceKey(tt.key)
			if tt.wantErr != "" {
				if err == nil || !regexp.MustCompile(tt.wantErr).MatchString(err.Error()) {
					t.Fatalf("ParseResourceKey(%q) error = %v, want match %q", tt.key, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseResourceKey(%q): %v", tt.key, err)
			}
			if k.ScopeKey != tt.scope || k.ID != tt.id || k.Bucket != tt.bucket {
				t.Fatalf("ParseResourceKey(%q) = %+v", tt.key, k)
			}
		})
	}
}

func FuzzParseResourceKey(f *testing.F) {
	for _, s := range []string{"com.cloudflare.api.account.*", "com.cloudflare.api.zone.*", "com.cloudflare.edge.r2.bucket." + acct + "_eu_b", "api.zones.x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		k, err := ParseResourceKey(key)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			var e *ResourceKeyError
			if ke, ok := err.(*ResourceKeyError); ok {
				e = ke
			}
			if e != nil && e.Suggestion != "" {
				if _, err := ParseResourceKey(e.Suggestion); err != nil {
					t.Fatalf("suggestion %q for %q does not parse: %v", e.Suggestion, key, err)
				}
			}
			return
		}
		if k.ScopeKey == "" || k.ID == "" || k.Raw != key {
			t.Fatalf("ParseResourceKey(%q) = %+v", key, k)
		}
	})
}

func zoneRes(id string) Resource {
	return Resource{Key: "com.cloudflare.api.account.zone." + id, Value: "*"}
}

// acctRes is the test account's key.
func acctRes() Resource { return Resource{Key: "com.cloudflare.api.account." + acct, Value: "*"} }

// nestedRes is the account-nested form: the test account's key holding keys.
func nestedRes(keys ...string) Resource {
	r := Resource{Key: "com.cloudflare.api.account." + acct, Nested: []Resource{}}
	for _, k := range keys {
		r.Nested = append(r.Nested, Resource{Key: k, Value: "*"})
	}
	return r
}

const (
	zoneStar   = "com.cloudflare.api.account.zone.*"
	bucketStar = "com.cloudflare.edge.r2.bucket.*"
	bucketItem = "Workers R2 Storage Bucket Item Write"
)

// groupID takes an id from the catalog, so tests survive a refresh.
func groupID(t *testing.T, name, scope string) string {
	t.Helper()
	m, err := Default().Resolve(name, scope)
	if err != nil {
		t.Fatalf("%s (%s): %v", name, scope, err)
	}
	return m.Group.ID
}

// policyCase is a policy and what CheckPolicy must say of it: findings as
// "severity code: message regexp", in order, and the ids when not nil.
type policyCase struct {
	name     string
	policy   Policy
	ids      []string
	findings []string
}

func runPolicyCases(t *testing.T, c *Catalog, tests []policyCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := c.CheckPolicy(tt.policy)
			var got []string
			for _, f := range r.Findings {
				got = append(got, string(f.Severity)+" "+string(f.Code)+": "+f.Message)
				if f.Summary() == "Policy finding" || f.Argument == "" {
					t.Errorf("finding %s has no summary or argument of its own", f.Code)
				}
			}
			if len(got) != len(tt.findings) {
				t.Fatalf("findings:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.findings))
			}
			for i, want := range tt.findings {
				if !regexp.MustCompile(want).MatchString(got[i]) {
					t.Errorf("finding %d = %q\nwant match %q", i, got[i], want)
				}
			}
			if tt.ids != nil && strings.Join(r.IDs(), ",") != strings.Join(tt.ids, ",") {
				t.Errorf("ids = %v, want %v", r.IDs(), tt.ids)
			}
		})
	}
}

func TestCheckPolicy(t *testing.T) {
	t.Parallel()
	dnsWrite, zoneRead := groupID(t, "DNS Write", "zone"), groupID(t, "Zone Read", "zone")
	item := groupID(t, bucketItem, "r2")
	allow := func(perms []string, resources ...Resource) Policy {
		return Policy{Permissions: perms, Resources: resources}
	}
	account := func(perms []string, resources ...Resource) Policy {
		return Policy{TokenKind: TokenKindAccount, Permissions: perms, Resources: resources}
	}
	bucket := func(account, jurisdiction, name string) string {
		return "com.cloudflare.edge.r2.bucket." + account + "_" + jurisdiction + "_" + name
	}
	runPolicyCases(t, Default(), []policyCase{
		{name: "dns token for one zone", policy: allow([]string{"Zone > Zone > Read", "DNS Write"}, zoneRes(zone)), ids: []string{zoneRead, dnsWrite}},
		{name: "resources settle a name in two scopes", policy: allow([]string{"Logs Write"}, acctRes()), ids: []string{groupID(t, "Logs Write", "account")}},
		{name: "account-owned token with nested zones", policy: account([]string{"DNS Write"}, nestedRes(zoneStar)), ids: []string{dnsWrite}},
		{name: "user-owned token with nested zones", policy: allow([]string{"DNS Write"}, nestedRes(zoneStar, zoneRes(zone).Key)), ids: []string{dnsWrite}},
		{name: "every R2 bucket of an account", policy: account([]string{bucketItem}, nestedRes(bucketStar)), ids: []string{item}},
		{name: "every R2 bucket of an account, user-owned", policy: allow([]string{bucketItem}, nestedRes(bucketStar)), ids: []string{item}},
		{name: "specific buckets in every jurisdiction", policy: account([]string{bucketItem},
			nestedRes(bucket(acct, "default", "logs"), bucket(acct, "eu", "eu-logs"), bucket(acct, "fedramp", "fed"))), ids: []string{item}},
		{name: "a specific bucket at the top level", policy: allow([]string{bucketItem}, Resource{Key: bucket(acct, "default", "logs"), Value: "*"}), ids: []string{item}},
		{name: "zones and buckets under one account key", policy: account([]string{"DNS Write", bucketItem}, nestedRes(zoneStar, bucketStar)), ids: []string{dnsWrite, item}},
		{name: "every account, user-owned", policy: allow([]string{"Billing Read"}, Resource{Key: "com.cloudflare.api.account.*", Value: "*"})},
		{name: "a user key", policy: allow([]string{"API Tokens Read"}, Resource{Key: "com.cloudflare.api.user." + acct, Value: "*"})},
		{name: "account-owned token with a plain zone key", policy: account([]string{"DNS Write"}, zoneRes("*")), ids: []string{dnsWrite}},
		{name: "bucket of another account", policy: account([]string{bucketItem}, nestedRes(bucket(zone, "default", "logs"))),
			findings: []string{`warning bucket_in_other_account: "com\.cloudflare\.edge\.r2\.bucket\.` + zone + `_default_logs" names a bucket of the account ` + zone + `, but it is listed under "com\.cloudflare\.api\.account\.` + acct + `"`}},
		{name: "account key under an account key", policy: account([]string{"DNS Write"}, nestedRes("com.cloudflare.api.account."+acct)),
			findings: []string{`error malformed_resource: under the account key "com\.cloudflare\.api\.account\.` + acct + `" only zone keys and R2 bucket keys may appear, not "com\.cloudflare\.api\.account\.` + acct + `" \(an account key\)`}},
		{name: "zone permission with only account resources", policy: allow([]string{"DNS Write"}, acctRes()),
			findings: []string{`error scope_not_covered: permissions\[0\]: "DNS Write" is a zone permission, but no resource in this policy is a zone\. Add "com\.cloudflare\.api\.account\.zone\.<zone id>"`,
				`warning unused_resource: no permission in this policy applies to "com\.cloudflare\.api\.account\.` + acct + `"`}},
		{name: "account permission with only zone resources", policy: allow([]string{"Billing Read"}, zoneRes("*")),
			findings: []string{`error scope_not_covered: permissions\[0\]: "Billing Read" is an account permission, but no resource in this policy is an account\. Add "com\.cloudflare\.api\.account\.<account id>"`,
				`warning unused_resource`}},
		{name: "r2 permission on an account key", policy: allow([]string{bucketItem}, acctRes()),
			findings: []string{`error scope_not_covered: .*is an R2 bucket permission, but no resource in this policy is an R2 bucket\. .*"com\.cloudflare\.edge\.r2\.bucket\.<account id>_default_<bucket>" for one bucket, or \{"com\.cloudflare\.api\.account\.<account id>" = \{"com\.cloudflare\.edge\.r2\.bucket\.\*" = "\*"\}\} for every bucket`,
				`warning unused_resource`}},
		{name: "a malformed key is one finding", policy: allow([]string{"DNS Write"}, Resource{Key: "com.cloudflare.api.zone.*", Value: "*"}),
			findings: []string{`error malformed_resource: .*Did you mean "com\.cloudflare\.api\.account\.zone\.\*"`}},
		{name: "a value other than *", policy: allow([]string{"DNS Write"}, Resource{Key: zoneStar, Value: "read"}),
			findings: []string{`error resource_value: resources\["com\.cloudflare\.api\.account\.zone\.\*"\] is "read", but Cloudflare grants a resource only with "\*"`}},
		{name: "a nested value other than *", policy: account([]string{"DNS Write"}, Resource{Key: acctRes().Key, Nested: []Resource{{Key: zoneStar, Value: "edit"}}}),
			findings: []string{`error resource_value: resources\["com\.cloudflare\.api\.account\.` + acct + `"\]\["com\.cloudflare\.api\.account\.zone\.\*"\] is "edit"`}},
		{name: "an empty nested map", policy: account([]string{"DNS Write"}, nestedRes()),
			findings: []string{`error resource_value: .* is an empty map, which grants nothing`}},
		{name: "nested two levels deep", policy: account([]string{"DNS Write"}, Resource{Key: acctRes().Key, Nested: []Resource{{Key: zoneStar, Nested: []Resource{}}}}),
			findings: []string{`error malformed_resource: .*holds another map, but the account-nested form is one level deep`}},
		{name: "nested under a zone key", policy: allow([]string{"DNS Write"}, Resource{Key: zoneStar, Nested: []Resource{{Key: zoneStar, Value: "*"}}}),
			findings: []string{`error malformed_resource: only an account key may hold a map of keys \(the account-nested form\); "com\.cloudflare\.api\.account\.zone\.\*" is a zone key`}},
		{name: "user permission in an account-owned token", policy: account([]string{"API Tokens Read", "Workers Scripts Write"}, acctRes()),
			findings: []string{`error user_in_account_token: permissions\[0\]: "API Tokens Read" is a user permission`}},
		{name: "user resource in an account-owned token", policy: account([]string{"Workers Scripts Write"}, acctRes(), Resource{Key: "com.cloudflare.api.user." + acct, Value: "*"}),
			findings: []string{`error user_resource_in_account_token: "com\.cloudflare\.api\.user\.` + acct + `" is a user resource`}},
		{name: "every account in an account-owned token", policy: account([]string{"Workers Scripts Write"}, Resource{Key: "com.cloudflare.api.account.*", Value: "*"}),
			findings: []string{`warning account_wildcard: "com\.cloudflare\.api\.account\.\*" \(every account\) is a form for user-owned tokens`}},
		{name: "account permission beside the nested form", policy: account([]string{"Workers Scripts Write", "Workers Routes Write"}, nestedRes(zoneStar)),
			findings: []string{`error needs_own_policy: permissions\[0\]: "Workers Scripts Write" is an account permission, but this policy's key "com\.cloudflare\.api\.account\.` + acct + `" holds the account-nested form.*Put the account permissions in a policy of their own, with resources \{ "com\.cloudflare\.api\.account\.` + acct + `" = "\*" \}`}},
		{name: "zone permission beside the account key it would nest under", policy: account([]string{"Workers Scripts Write", "Workers Routes Write"}, acctRes()),
			findings: []string{`error needs_own_policy: permissions\[1\]: "Workers Routes Write" is a zone permission, and an account-owned token grants it through the account-nested form, but this policy already uses "com\.cloudflare\.api\.account\.` + acct + `" for account permissions.*Move it to a policy of its own, with resources \{ "com\.cloudflare\.api\.account\.` + acct + `" = \{ "com\.cloudflare\.api\.account\.zone\.\*" = "\*" \} \}`}},
		{name: "account and zone permissions with neither resource", policy: account([]string{"Workers Scripts Write", "DNS Write"}, Resource{Key: bucket(acct, "default", "logs"), Value: "*"}),
			findings: []string{`error scope_not_covered: permissions\[0\]: "Workers Scripts Write" is an account permission`,
				`error scope_not_covered: permissions\[1\]: "DNS Write" is a zone permission`, `warning unused_resource`}},
		{name: "bad effect", policy: Policy{Effect: "permit", Permissions: []string{"DNS Write"}, Resources: []Resource{zoneRes("*")}},
			findings: []string{`error effect: effect is "permit"; a policy's effect is "allow" or "deny"\.`}},
		{name: "unknown name, in the policy's scope", policy: allow([]string{"DNS Wirte"}, zoneRes("*")),
			findings: []string{`error unknown_permission: permissions\[0\]: "DNS Wirte" is not a zone permission group\. Did you mean "DNS Write"\?`}},
		{name: "duplicate", policy: allow([]string{"DNS Write", "Zone > DNS > Edit"}, zoneRes("*")), ids: []string{dnsWrite},
			findings: []string{`warning duplicate_permission: permissions\[1\] repeats permissions\[0\]`}},
		{name: "unknown id passes through", policy: allow([]string{testUnknownID, "DNS Write"}, zoneRes("*")),
			ids:      []string{testUnknownID, dnsWrite},
			findings: []string{`warning unknown_id: permissions\[0\]: "` + testUnknownID + `" is not a permission group id in this catalog \(snapshot of ` + Default().AsOf() + `\); it is passed through unchecked`}},
		{name: "mistyped id is an error naming the id meant", policy: allow([]string{dnsWrite[:31] + "0"}, zoneRes("*")),
			findings: []string{`error mistyped_id: permissions\[0\]: "` + dnsWrite[:31] + `0" is not a permission group id\. Did you mean "` + dnsWrite + `" \(the zone permission group "DNS Write"\)\?`}},
		{name: "malformed id", policy: allow([]string{strings.ToUpper(dnsWrite)}, zoneRes("*")),
			findings: []string{`error malformed_id: permissions\[0\]: .*Write "` + dnsWrite + `"`}},
		{name: "blank name", policy: allow([]string{"DNS Write", " "}, zoneRes("*")),
			findings: []string{`error blank_permission: permissions\[1\]: The permission name is empty`}},
		{name: "qualified name in the wrong scope", policy: allow([]string{"Zone > Billing Read"}, acctRes()),
			findings: []string{`error wrong_scope: permissions\[0\]: "Zone > Billing Read" asks for a zone permission, but that name exists only as "Billing Read" \(account, ` + groupID(t, "Billing Read", "account") + `\)\. Write "Billing Read"\.`}},
		{name: "qualified name in the wrong scope, and no resource of its own", policy: allow([]string{"Zone > Billing Read"}, zoneRes("*")),
			findings: []string{`error wrong_scope: .*Write "Billing Read", and add "com\.cloudflare\.api\.account\.<account id>" to the resources: none of them is an account\.$`}},
		{name: "no permissions", policy: allow(nil, zoneRes("*")),
			findings: []string{`error no_permissions`}},
		{name: "no resources", policy: allow([]string{"DNS Write"}),
			findings: []string{`error no_resources`}},
		{name: "ambiguous with both scopes present", policy: allow([]string{"Logs Write"}, acctRes(), zoneRes("*")),
			findings: []string{`error ambiguous_permission: permissions\[0\]: "Logs Write" is the name of 2 permission groups: "Account > Logs Write" \(account, \w+\) and "Zone > Logs Write" \(zone, \w+\)\. This policy's resources cover more than one of their scopes`}},
		{name: "ambiguous with neither scope present", policy: allow([]string{"Logs Write"}, Resource{Key: "com.cloudflare.api.user." + acct, Value: "*"}),
			findings: []string{`error ambiguous_permission: .*No resource in this policy is an account or a zone, which would settle it: write the qualified name`}},
	})
}

// During terraform validate, or before another resource exists, parts of a
// policy are unknown: what does not need them is still checked.
func TestCheckPolicyUnknowns(t *testing.T) {
	t.Parallel()
	pending := func(p Policy, u Unknowns) Policy {
		p.Unknown = u
		return p
	}
	resourcesLater := Unknowns{Resources: true}
	runPolicyCases(t, Default(), []policyCase{
		{name: "a typo with the resources unknown", policy: pending(Policy{Permissions: []string{"DNS Write", "DNS Wirte"}}, resourcesLater),
			findings: []string{`error unknown_permission: permissions\[1\]: "DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write"`}},
		{name: "a mistyped id with the resources unknown", policy: pending(Policy{Permissions: []string{groupID(t, "DNS Write", "zone")[:31] + "0"}}, resourcesLater),
			findings: []string{`error mistyped_id`}},
		{name: "a wrong-scope name with the resources unknown", policy: pending(Policy{Permissions: []string{"Zone > Billing Read"}}, resourcesLater),
			findings: []string{`error wrong_scope`}},
		{name: "a user permission in an account-owned token with the resources unknown",
			policy:   pending(Policy{TokenKind: TokenKindAccount, Permissions: []string{"API Tokens Read"}}, resourcesLater),
			findings: []string{`error user_in_account_token`}},
		{name: "a name in two scopes waits for the resources", policy: pending(Policy{Permissions: []string{"Logs Write"}}, resourcesLater)},
		{name: "coverage waits for the resources", policy: pending(Policy{Permissions: []string{"DNS Write", "Billing Read"}}, resourcesLater)},
		{name: "an unknown element is skipped", policy: pending(Policy{Permissions: []string{"", "DNS Wirte"}, Resources: []Resource{zoneRes("*")}}, Unknowns{Elements: []int{0}}),
			findings: []string{`error unknown_permission: permissions\[1\]: "DNS Wirte" is not a zone permission group`}},
		{name: "resources are checked while the permissions are unknown", policy: pending(Policy{Resources: []Resource{{Key: "com.cloudflare.api.zone.*", Value: "*"}}}, Unknowns{Permissions: true}),
			findings: []string{`error malformed_resource`}},
		{name: "an unknown token kind checks no kind", policy: pending(Policy{TokenKind: "", Permissions: []string{"API Tokens Read"}, Resources: []Resource{{Key: "com.cloudflare.api.user." + acct, Value: "*"}}}, Unknowns{TokenKind: true})},
		{name: "an unknown effect is not checked", policy: pending(Policy{Effect: "", Permissions: []string{"DNS Write"}, Resources: []Resource{zoneRes("*")}}, Unknowns{Effect: true})},
	})
}

func TestCheckPolicyComplete(t *testing.T) {
	t.Parallel()
	p := Policy{Permissions: []string{"DNS Write"}, Resources: []Resource{zoneRes("*")}}
	if !Default().CheckPolicy(p).Complete {
		t.Error("a policy with nothing unknown is not complete")
	}
	p.Unknown.Elements = []int{0}
	if Default().CheckPolicy(p).Complete {
		t.Error("a policy with an unknown element is complete")
	}
}

// Scopes the checker has no key forms for (Cloudflare adds them) pass with a
// warning naming the key, and their permissions with one naming the scope.
func TestCheckPolicyUnverifiedScopes(t *testing.T) {
	t.Parallel()
	const (
		script    = "com.cloudflare.edge.worker.script"
		websearch = "com.cloudflare.api.account.websearch"
	)
	dns := Default().Groups()[0]
	for _, g := range Default().Groups() {
		if g.Name == "DNS Write" && g.ScopeKey() == ScopeKeyZone {
			dns = g
		}
	}
	snap := Snapshot{AsOf: "2030-01-01", Groups: []Group{
		dns,
		{ID: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Name: "Workers Script Tail Read", ScopeKeys: []string{script}},
		{ID: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", Name: "Web Search Run", ScopeKeys: []string{websearch}},
	}}
	c := New(snap)
	scriptKey := script + "." + acct + "_my-worker"
	runPolicyCases(t, c, []policyCase{
		{name: "a key of an unverifiable scope", policy: Policy{Permissions: []string{"Workers Script Tail Read"}, Resources: []Resource{{Key: scriptKey, Value: "*"}}},
			findings: []string{`warning unverified_resource: "` + regexp.QuoteMeta(scriptKey) + `" is a key of the scope "com\.cloudflare\.edge\.worker\.script", which this provider cannot check`}},
		{name: "a scope nested in the account key's", policy: Policy{Permissions: []string{"Web Search Run"}, Resources: []Resource{{Key: websearch + ".*", Value: "*"}}},
			findings: []string{`warning unverified_resource: "com\.cloudflare\.api\.account\.websearch\.\*"`}},
		{name: "under an account key", policy: Policy{Permissions: []string{"Workers Script Tail Read"}, Resources: []Resource{nestedRes(script + ".*")}},
			findings: []string{`warning unverified_resource: "com\.cloudflare\.edge\.worker\.script\.\*"`}},
		{name: "a permission of an unverifiable scope without its key", policy: Policy{Permissions: []string{"Workers Script Tail Read", "DNS Write"}, Resources: []Resource{zoneRes("*")}},
			findings: []string{`warning unverified_scope: permissions\[0\]: "Workers Script Tail Read" is a permission of the scope "com\.cloudflare\.edge\.worker\.script", which this provider cannot check`}},
	})
	// A catalog without the scope cannot tell its keys from typos.
	if _, err := Default().ParseResourceKey("com.cloudflare.edge.worker.scrpt.x"); err == nil {
		t.Error("a key of a scope no catalog lists parsed")
	}
}

func TestTooManyGroups(t *testing.T) {
	t.Parallel()
	c := Default()
	var perms []string
	for _, g := range c.List(Filter{ScopeKey: ScopeKeyAccount}) {
		perms = append(perms, g.ID)
	}
	for _, g := range c.List(Filter{ScopeKey: ScopeKeyZone}) {
		perms = append(perms, g.ID)
	}
	r := c.CheckPolicy(Policy{Effect: "allow", Permissions: perms, Resources: []Resource{acctRes(), zoneRes("*")}})
	var codes []string
	for _, f := range r.Errors() {
		codes = append(codes, string(f.Code))
	}
	if strings.Join(codes, ",") != string(FindingTooManyGroups) {
		t.Fatalf("errors %v, want too_many_groups for %d groups", codes, len(perms))
	}
}

// TestPolicySizeBoundary pins MaxPolicyGroups at its edge: exactly the
// limit passes, one more fails, and the limit counts distinct groups, so a
// group listed twice does not count twice.
func TestPolicySizeBoundary(t *testing.T) {
	t.Parallel()
	c := Default()
	var ids []string
	for _, key := range []string{ScopeKeyAccount, ScopeKeyZone} {
		for _, g := range c.List(Filter{ScopeKey: key}) {
			ids = append(ids, g.ID)
		}
	}
	if len(ids) <= MaxPolicyGroups {
		t.Fatalf("the catalog has %d account and zone groups; this test needs more than %d", len(ids), MaxPolicyGroups)
	}
	resources := []Resource{acctRes(), zoneRes("*")}
	tests := []struct {
		name     string
		perms    []string
		tooMany  bool
		distinct int
	}{
		{name: "at the limit", perms: ids[:MaxPolicyGroups], distinct: MaxPolicyGroups},
		{name: "at the limit, one listed twice", perms: append(append([]string(nil), ids[:MaxPolicyGroups]...), ids[0]), distinct: MaxPolicyGroups},
		{name: "one over the limit", perms: ids[:MaxPolicyGroups+1], tooMany: true, distinct: MaxPolicyGroups + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := c.CheckPolicy(Policy{Permissions: tt.perms, Resources: resources})
			var codes []string
			for _, f := range r.Errors() {
				codes = append(codes, string(f.Code))
			}
			want := ""
			if tt.tooMany {
				want = string(FindingTooManyGroups)
			}
			if got := strings.Join(codes, ","); got != want {
				t.Fatalf("%d permissions (%d distinct): errors %q, want %q", len(tt.perms), tt.distinct, got, want)
			}
			if len(r.Groups) != tt.distinct {
				t.Fatalf("%d groups in the result, want %d", len(r.Groups), tt.distinct)
			}
		})
	}
}

// TestNested tells the account-nested form, which the Cloudflare provider
// 5.0 to 5.12 cannot express, from plain keys.
func TestNested(t *testing.T) {
	t.Parallel()
	if Nested([]Resource{acctRes(), zoneRes("*")}) {
		t.Error("plain keys reported as the account-nested form")
	}
	if !Nested([]Resource{zoneRes("*"), nestedRes(zoneStar)}) {
		t.Error("the account-nested form not reported")
	}
}

func TestParseResources(t *testing.T) {
	t.Parallel()
	flat := []Resource{{Key: "com.cloudflare.api.account." + acct, Value: "*"}, {Key: zoneStar, Value: "*"}}
	nested := []Resource{{Key: "com.cloudflare.api.account." + acct, Nested: []Resource{{Key: zoneStar, Value: "*"}, {Key: bucketStar, Value: "*"}}}}
	tests := []struct {
		name    string
		value   any
		want    []Resource
		wantErr string // regular expression; "" means no error
	}{
		{name: "map", value: map[string]any{zoneStar: "*", "com.cloudflare.api.account." + acct: "*"}, want: flat},
		{name: "nested map", value: map[string]any{"com.cloudflare.api.account." + acct: map[string]any{zoneStar: "*", bucketStar: "*"}}, want: nested},
		{name: "JSON string", value: ResourcesJSON(flat), want: flat},
		{name: "nested JSON string", value: "\n  " + ResourcesJSON(nested) + "\n", want: nested},
		{name: "values other than * are CheckPolicy's", value: map[string]any{zoneStar: "read"}, want: []Resource{{Key: zoneStar, Value: "read"}}},
		{name: "empty map", value: map[string]any{}, want: []Resource{}},
		{name: "list", value: []any{zoneStar}, wantErr: `^resources is a list, but Cloudflare takes a map\. Write a map from resource key to "\*", such as \{ "com\.cloudflare\.api\.account\.zone\.\*" = "\*" \}, or jsonencode\(\) of one\.$`},
		{name: "null", value: nil, wantErr: `^resources is null, but Cloudflare takes a map`},
		{name: "number", value: json.Number("3"), wantErr: `^resources is the number 3, but`},
		{name: "a string not JSON", value: zoneStar, wantErr: `^resources is the string "com\.cloudflare\.api\.account\.zone\.\*", which is not a map written as JSON \(invalid JSON at character 1\)\. Write a map`},
		{name: "JSON of a list", value: `["` + zoneStar + `"]`, wantErr: `^resources is a JSON string of a list, but Cloudflare takes a map`},
		{name: "JSON cut short", value: `{"` + zoneStar + `": `, wantErr: `the JSON ends too soon`},
		{name: "text after the JSON", value: `{} {}`, wantErr: `not a map written as JSON \(invalid JSON\)`},
		{name: "empty string", value: "", wantErr: `the JSON ends too soon`},
		{name: "a long string is cut short", value: strings.Repeat("x", 500), wantErr: `"x{60}\.\.\."`},
		{name: "a value that is true", value: map[string]any{zoneStar: true}, wantErr: `^resources\["com\.cloudflare\.api\.account\.zone\.\*"\] is true, but Cloudflare grants a resource only with "\*"`},
		{name: "a nested list", value: `{"a": {"b": [1]}}`, wantErr: `^resources\["a"\]\["b"\] is a list, but`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseResources(tt.value)
			if tt.wantErr != "" {
				if err == nil || !regexp.MustCompile(tt.wantErr).MatchString(err.Error()) {
					t.Fatalf("error = %v, want match %q", err, tt.wantErr)
				}
				for _, goWord := range []string{"interface", "map[", "[]", "json:", "basetypes", "float64"} {
					if strings.Contains(err.Error(), goWord) {
						t.Errorf("error %q speaks Go (%q)", err, goWord)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseResources = %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestResourcesJSON(t *testing.T) {
	t.Parallel()
	got := ResourcesJSON([]Resource{zoneRes("*"), {Key: "com.cloudflare.api.account." + acct, Nested: []Resource{{Key: "com.cloudflare.api.account.zone." + zone, Value: "*"}}}})
	want := `{"com.cloudflare.api.account.` + acct + `":{"com.cloudflare.api.account.zone.` + zone + `":"*"},"com.cloudflare.api.account.zone.*":"*"}`
	if got != want {
		t.Fatalf("ResourcesJSON = %s\nwant %s", got, want)
	}
}

// Every finding code has its own summary and blames an argument.
func TestFindingKinds(t *testing.T) {
	t.Parallel()
	summaries := map[string]FindingCode{}
	for code, k := range findingKinds {
		if k.summary == "" || k.argument == "" || (k.severity != SeverityError && k.severity != SeverityWarning) {
			t.Errorf("%s: %+v", code, k)
		}
		if other, dup := summaries[k.summary+string(k.argument)]; dup {
			t.Errorf("%s and %s share the summary %q", code, other, k.summary)
		}
		summaries[k.summary+string(k.argument)] = code
	}
}

// FuzzParseResources: whatever string arrives as resources, parsing gives
// resources that encode back to the same resources, or a plain-words error.
func FuzzParseResources(f *testing.F) {
	for _, s := range []string{`{"com.cloudflare.api.account.zone.*":"*"}`, `{"a":{"b":"*"}}`, `[]`, `"*"`, ``, `{"a":{"b":{"c":1}}}`, `{} x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseResources(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		again, err := ParseResources(ResourcesJSON(got))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("%q: round trip gave %v, %v; want %v", s, again, err, got)
		}
		Default().CheckPolicy(Policy{Permissions: []string{"DNS Write"}, Resources: got})
	})
}

// Findings are capped per argument and severity, as list diagnostics are:
// the first MaxListDiagnostics each, then one that counts the rest. Errors
// of one argument do not use up the cap of another, nor warnings of errors.
func TestPolicyFindingsCapped(t *testing.T) {
	t.Parallel()
	const bad = 2000
	resources := []Resource{zoneRes("*")}
	for i := range bad {
		resources = append(resources, Resource{Key: fmt.Sprintf("com.cloudflare.api.zone.%d", i), Value: "*"})
	}
	perms := []string{idDNSWrite}
	for range MaxListDiagnostics + 1 {
		perms = append(perms, idDNSWrite) // a duplicate warning each
	}
	res := Default().CheckPolicy(Policy{Permissions: perms, Resources: resources})
	count := map[findingGroup]int{}
	var more []Finding
	for _, f := range res.Findings {
		count[findingGroup{f.Argument, f.Severity}]++
		if f.Code == FindingMore {
			more = append(more, f)
		}
	}
	if got := count[findingGroup{ArgumentResources, SeverityError}]; got != MaxListDiagnostics+1 {
		t.Errorf("%d resource errors, want %d and a summary", got, MaxListDiagnostics)
	}
	if got := count[findingGroup{ArgumentPermissions, SeverityWarning}]; got != MaxListDiagnostics+1 {
		t.Errorf("%d permission warnings, want %d and a summary", got, MaxListDiagnostics)
	}
	if len(more) != 2 {
		t.Fatalf("%d summaries, want one for the errors and one for the warnings: %+v", len(more), more)
	}
	want := fmt.Sprintf("the other %s are left out", Thousands(bad-MaxListDiagnostics))
	if more[0].Severity != SeverityError || !strings.Contains(more[0].Message, want) {
		t.Errorf("the errors' summary is %+v, want an error saying %q", more[0], want)
	}
	if more[1].Severity != SeverityWarning || !strings.Contains(more[1].Message, "the other one is left out") {
		t.Errorf("the warnings' summary is %+v", more[1])
	}
}

// TestUncoveredNamesBothWaysOut: a name that is an account group by API
// name and a zone group by the dashboard's name, in a policy of zones,
// is told both fixes: an account resource, or the zone group.
func TestUncoveredNamesBothWaysOut(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, name := range []string{"Page Shield Read", "Transform Rules Write"} {
		zoneGroup, err := c.Resolve(name, "zone")
		if err != nil {
			t.Fatalf("%q does not resolve in zone scope: %v", name, err)
		}
		r := c.CheckPolicy(Policy{Permissions: []string{name}, Resources: []Resource{{Key: ScopeKeyZone + ".*", Value: "*"}}})
		var found bool
		for _, f := range r.Findings {
			if f.Code == FindingScopeNotCovered {
				found = true
				if !strings.Contains(f.Message, `Add "com.cloudflare.api.account.<account id>"`) || !strings.Contains(f.Message, fmt.Sprintf("write %q (%s)", zoneGroup.Group.Name, zoneGroup.Group.ID)) {
					t.Errorf("%q: %s", name, f.Message)
				}
			}
		}
		if !found {
			t.Errorf("%q in a zone policy: no scope_not_covered finding in %+v", name, r.Findings)
		}
	}
}

// TestUserGroupInAnAccountTokenNamesTheAccountsOwn: a user group in an
// account-owned token, where the account has its own group of the name
// with "Account" in front (API Tokens Write), offers that group, for every
// such pair of the catalog.
func TestUserGroupInAnAccountTokenNamesTheAccountsOwn(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, pair := range accountCounterparts(t, c, ScopeKeyUser) {
		g, own := pair[0], pair[1]
		res := c.CheckPolicy(Policy{TokenKind: TokenKindAccount, Permissions: []string{g.ID},
			Resources: []Resource{{Key: "com.cloudflare.api.account." + strings.Repeat("a", 32), Value: "*"}}})
		found := false
		for _, f := range res.Findings {
			found = found || f.Code == FindingUserInAccountToken && strings.Contains(f.Message, own.ID)
		}
		if !found {
			t.Errorf("%q in an account-owned token: %v; want the account's %q (%s) offered", g.Name, res.Findings, own.Name, own.ID)
		}
	}
}
