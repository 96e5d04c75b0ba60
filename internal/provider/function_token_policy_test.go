package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

func TestTokenPolicyFunction(t *testing.T) {
	t.Parallel()
	zone := fmt.Sprintf(`{ "com.cloudflare.api.account.zone.%s" = "*" }`, testZone)
	r2All := fmt.Sprintf(`{ "com.cloudflare.api.account.%s" = { "com.cloudflare.edge.r2.bucket.*" = "*" } }`, testAccount)
	r2JSON := fmt.Sprintf(`{"com.cloudflare.api.account.%s":{"com.cloudflare.edge.r2.bucket.*":"*"}}`, testAccount)
	mistyped := idDNSWrite[:31] + "0"
	if mistyped == idDNSWrite {
		mistyped = idDNSWrite[:31] + "1"
	}
	const newer = "0123456789abcdef0123456789abcdef"
	runFunctionCases(t, []functionCase{
		{"policy in v5 shape", `provider::cfperms::token_policy(["Zone > DNS > Edit"], ` + zone + `)`, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"effect": knownvalue.StringExact("allow"),
			"permission_groups": knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idDNSWrite)}),
			}),
			"resources": knownvalue.StringExact(fmt.Sprintf(`{"com.cloudflare.api.account.zone.%s":"*"}`, testZone)),
		}), ""},
		{"deny", `provider::cfperms::token_policy(["DNS Write"], ` + zone + `, "deny").effect`, knownvalue.StringExact("deny"), ""},
		{"effect in any case", `provider::cfperms::token_policy(["DNS Write"], ` + zone + `, "DENY").effect`, knownvalue.StringExact("deny"), ""},
		{"null effect is the default", `provider::cfperms::token_policy(["DNS Write"], ` + zone + `, null).effect`, knownvalue.StringExact("allow"), ""},
		{"resources settle the scope", `provider::cfperms::token_policy(["Logs Write"], ` + zone + `).permission_groups[0].id`, knownvalue.StringExact(idZoneLogsWrite), ""},
		{"every R2 bucket of an account", `provider::cfperms::token_policy(["Workers R2 Storage Bucket Item Write"], ` + r2All + `).resources`, knownvalue.StringExact(r2JSON), ""},
		{"resources as a JSON string", `provider::cfperms::token_policy(["Workers R2 Storage Bucket Item Write"], jsonencode(` + r2All + `)).resources`, knownvalue.StringExact(r2JSON), ""},
		{"the map shape for 5.0 to 5.12", `jsondecode(provider::cfperms::token_policy(["DNS Write"], ` + zone + `).resources)`,
			knownvalue.ObjectExact(map[string]knownvalue.Check{"com.cloudflare.api.account.zone." + testZone: knownvalue.StringExact("*")}), ""},
		{"an id newer than the catalog passes", `provider::cfperms::token_policy(["` + newer + `"], ` + zone + `).permission_groups[0].id`, knownvalue.StringExact(newer), ""},
		{"a mistyped id fails", `provider::cfperms::token_policy(["` + mistyped + `"], ` + zone + `)`, nil,
			`Invalid value for "permissions" parameter: permissions\[0\]: "` + mistyped + `" is not a permission group id\. Did you mean "` + idDNSWrite + `"`},
		{"scope not covered", `provider::cfperms::token_policy(["Billing Read"], ` + zone + `)`, nil,
			`"Billing Read" is an account permission, but no resource in this policy is an account`},
		{"ambiguous", `provider::cfperms::token_policy(["Logs Write"], merge(` + zone + `, { "com.cloudflare.api.account.` + testAccount + `" = "*" }))`, nil,
			`"Logs Write" is the name of 2 permission groups: "Account > Logs Write"`},
		{"malformed key", `provider::cfperms::token_policy(["DNS Write"], { "com.cloudflare.api.zone.*" = "*" })`, nil,
			`(?s)Invalid value for "resources" parameter: .*Did you mean "com.cloudflare.api.account.zone.\*"`},
		{"a value other than *", `provider::cfperms::token_policy(["DNS Write"], { "com.cloudflare.api.account.zone.*" = "read" })`, nil,
			`Invalid value for "resources" parameter: resources\["com.cloudflare.api.account.zone.\*"\] is "read"`},
		{"resources a list", `provider::cfperms::token_policy(["DNS Write"], ["com.cloudflare.api.account.zone.*"])`, nil,
			`Invalid value for "resources" parameter: resources is a list, but Cloudflare takes a map`},
		{"bad effect", `provider::cfperms::token_policy(["DNS Write"], ` + zone + `, "permit")`, nil, `Invalid value for "effect" parameter: effect is "permit"`},
		{"null permission", `provider::cfperms::token_policy(["DNS Write", null], ` + zone + `)`, nil,
			`Invalid value for "permissions" parameter: permissions\[1\] is null`},
		{"caught by can", `can(provider::cfperms::token_policy(["DNS Wirte"], ` + zone + `))`, knownvalue.Bool(false), ""},
	})
}
