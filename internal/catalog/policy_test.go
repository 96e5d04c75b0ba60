package catalog

import (
	"regexp"
	"strings"
	"testing"
)

const (
	acct = "0123456789abcdef0123456789abcdef"
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
		{key: "com.cloudflare.api.account.example.com", wantErr: `"example\.com" is neither "\*" nor an? account id`},
		{key: "com.cloudflare.api.user.*", wantErr: `no wildcard`},
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

func TestCheckPolicy(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		name     string
		policy   Policy
		ids      []string
		findings []string // "severity code: message regexp"
	}{
		{"dns token for one zone", Policy{Effect: "allow", Permissions: []string{"Zone > Zone > Read", "DNS Write"}, Resources: []Resource{zoneRes(zone)}},
			[]string{idZoneRead, idDNSWrite}, nil},
		{"resources settle a name in two scopes", Policy{Effect: "allow", Permissions: []string{"Logs Write"}, Resources: []Resource{acctRes()}},
			[]string{idAcctLogsWrite}, nil},
		{"account-owned token with nested zones", Policy{Effect: "allow", TokenKind: TokenKindAccount, Permissions: []string{"DNS Write"},
			Resources: []Resource{{Key: "com.cloudflare.api.account." + acct, Nested: []string{"com.cloudflare.api.account.zone.*"}}}},
			[]string{idDNSWrite}, nil},
		{"zone permission with only account resources", Policy{Effect: "allow", Permissions: []string{"DNS Write"}, Resources: []Resource{acctRes()}},
			nil, []string{`error scope_not_covered: permissions\[0\]: "DNS Write" is a zone permission, but no resource in this policy is a zone\. Add "com\.cloudflare\.api\.account\.zone\.<zone id>"`,
				`warning unused_resource: no permission in this policy applies to "com\.cloudflare\.api\.account\.` + acct + `"`}},
		{"r2 permission on an account key", Policy{Effect: "allow", Permissions: []string{"Workers R2 Storage Bucket Item Write"}, Resources: []Resource{acctRes()}},
			nil, []string{`error scope_not_covered: .*is an r2 permission.*"com\.cloudflare\.edge\.r2\.bucket\.<account id>_default_<bucket>"`, `warning unused_resource`}},
		{"malformed key", Policy{Effect: "allow", Permissions: []string{"DNS Write"}, Resources: []Resource{{Key: "com.cloudflare.api.zone.*", Value: "*"}}},
			nil, []string{`error malformed_resource: .*Did you mean "com\.cloudflare\.api\.account\.zone\.\*"`, `error scope_not_covered`}},
		{"user permission in an account-owned token", Policy{Effect: "allow", TokenKind: TokenKindAccount, Permissions: []string{"API Tokens Read", "Workers Scripts Write"}, Resources: []Resource{acctRes()}},
			nil, []string{`error user_in_account_token: permissions\[0\]: "API Tokens Read" is a user permission`}},
		{"bad effect", Policy{Effect: "permit", Permissions: []string{"DNS Write"}, Resources: []Resource{zoneRes("*")}},
			nil, []string{`error effect: effect is "permit"`}},
		{"unknown name with the policy's scope", Policy{Effect: "allow", Permissions: []string{"DNS Wirte"}, Resources: []Resource{zoneRes("*")}},
			nil, []string{`error unknown_permission: permissions\[0\]: "DNS Wirte" is not a zone permission group\. Did you mean "DNS Write"\?`, `warning unused_resource`}},
		{"duplicate", Policy{Effect: "allow", Permissions: []string{"DNS Write", "Zone > DNS > Edit"}, Resources: []Resource{zoneRes("*")}},
			[]string{idDNSWrite}, []string{`warning duplicate_permission: permissions\[1\] repeats permissions\[0\]`}},
		{"unknown id passes through", Policy{Effect: "allow", Permissions: []string{testUnknownID, "DNS Write"}, Resources: []Resource{zoneRes("*")}},
			[]string{testUnknownID, idDNSWrite}, []string{`warning unknown_id: permissions\[0\]: .*passed through`}},
		{"mistyped id passes through with the id it copies", Policy{Effect: "allow", Permissions: []string{nearID(idDNSWrite)}, Resources: []Resource{zoneRes("*")}},
			[]string{nearID(idDNSWrite)}, []string{`warning unknown_id: permissions\[0\]: .*Did you mean "` + idDNSWrite + `" \(the zone permission group "DNS Write"\)\?`, `warning unused_resource`}},
		{"no permissions", Policy{Effect: "allow", Resources: []Resource{zoneRes("*")}},
			nil, []string{`error no_permissions`, `warning unused_resource`}},
		{"no resources", Policy{Effect: "allow", Permissions: []string{"DNS Write"}},
			nil, []string{`error no_resources`}},
		{"ambiguous with both scopes present", Policy{Effect: "allow", Permissions: []string{"Logs Write"}, Resources: []Resource{acctRes(), zoneRes("*")}},
			nil, []string{`error unknown_permission: .*matches 2 permission groups`, `warning unused_resource`, `warning unused_resource`}},
		{"nested under a zone key", Policy{Effect: "allow", Permissions: []string{"DNS Write"}, Resources: []Resource{{Key: "com.cloudflare.api.account.zone.*", Nested: []string{"com.cloudflare.api.account.zone.*"}}}},
			nil, []string{`error malformed_resource: only an account key may hold a map of zone keys`, `error scope_not_covered`}},
		{"account token with a plain zone key", Policy{Effect: "allow", TokenKind: TokenKindAccount, Permissions: []string{"DNS Write"}, Resources: []Resource{zoneRes("*")}},
			[]string{idDNSWrite}, []string{`warning zone_outside_account`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := c.CheckPolicy(tt.policy)
			var got []string
			for _, f := range r.Findings {
				got = append(got, string(f.Severity)+" "+f.Code+": "+f.Message)
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
		codes = append(codes, f.Code)
	}
	if strings.Join(codes, ",") != "too_many_groups" {
		t.Fatalf("errors %v, want too_many_groups for %d groups", codes, len(perms))
	}
}

func TestResourcesJSON(t *testing.T) {
	t.Parallel()
	got := ResourcesJSON([]Resource{zoneRes("*"), {Key: "com.cloudflare.api.account." + acct, Nested: []string{"com.cloudflare.api.account.zone." + zone}}})
	want := `{"com.cloudflare.api.account.` + acct + `":{"com.cloudflare.api.account.zone.` + zone + `":"*"},"com.cloudflare.api.account.zone.*":"*"}`
	if got != want {
		t.Fatalf("ResourcesJSON = %s\nwant %s", got, want)
	}
}
