package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

func TestTokenPolicyFunction(t *testing.T) {
	t.Parallel()
	zone := fmt.Sprintf(`{ "com.cloudflare.api.account.zone.%s" = "*" }`, testZone)
	runFunctionCases(t, []functionCase{
		{"policy in v5 shape", `provider::cfperms::token_policy(["Zone > DNS > Edit"], ` + zone + `)`, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"effect": knownvalue.StringExact("allow"),
			"permission_groups": knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idDNSWrite)}),
			}),
			"resources": knownvalue.StringExact(fmt.Sprintf(`{"com.cloudflare.api.account.zone.%s":"*"}`, testZone)),
		}), ""},
		{"deny", `provider::cfperms::token_policy(["DNS Write"], ` + zone + `, "deny").effect`, knownvalue.StringExact("deny"), ""},
		{"resources settle the scope", `provider::cfperms::token_policy(["Logs Write"], ` + zone + `).permission_groups[0].id`, knownvalue.StringExact(idZoneLogsWrite), ""},
		{"scope not covered", `provider::cfperms::token_policy(["Billing Read"], ` + zone + `)`, nil,
			`"Billing Read" is an account permission, but no resource in this policy is an account`},
		{"malformed key", `provider::cfperms::token_policy(["DNS Write"], { "com.cloudflare.api.zone.*" = "*" })`, nil,
			`(?s)Invalid value for "resources" parameter: .*Did you mean "com.cloudflare.api.account.zone.\*"`},
		{"bad effect", `provider::cfperms::token_policy(["DNS Write"], ` + zone + `, "permit")`, nil, `Invalid value for "effect" parameter: effect is "permit"`},
		{"null permission", `provider::cfperms::token_policy(["DNS Write", null], ` + zone + `)`, nil,
			`Invalid value for "permissions" parameter: permissions\[1\] is null`},
		{"caught by can", `can(provider::cfperms::token_policy(["DNS Wirte"], ` + zone + `))`, knownvalue.Bool(false), ""},
	})
}
