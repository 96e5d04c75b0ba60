package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

func TestPermissionGroupFunction(t *testing.T) {
	t.Parallel()
	runFunctionCases(t, []functionCase{
		{"object", `provider::cfperms::permission_group("Account > Logs > Edit")`, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":        knownvalue.StringExact(idAcctLogsWrite),
			"api_name":  knownvalue.StringExact("Logs Write"),
			"scope":     knownvalue.StringExact("account"),
			"scope_key": knownvalue.StringExact("com.cloudflare.api.account"),
			"access":    knownvalue.StringExact("write"),
			"category":  knownvalue.StringExact(categoryOf(idAcctLogsWrite)),
		}), ""},
		{"attribute access", `provider::cfperms::permission_group("Zone:DNS:Edit").api_name`, knownvalue.StringExact("DNS Write"), ""},
		{"scope key", `provider::cfperms::permission_group("Logs Read", "com.cloudflare.api.account.zone").scope`, knownvalue.StringExact("zone"), ""},
		{"ambiguous", `provider::cfperms::permission_group("Zaraz Write")`, nil, `"Zaraz Edit".*\s*.*"Zaraz\s+Admin"`},
		{"null", `provider::cfperms::permission_group(null)`, nil, `(?i)argument must not be null`},
	})
}
