package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// functionCase is one expression and what its output must be, or the error.
type functionCase struct {
	name, expr string
	want       knownvalue.Check
	wantError  string
}

// runFunctionCases checks a table of calls in two CLI runs, not one per
// case: the calls with a value are outputs of one configuration, applied
// once and checked output by output; the calls that must fail are outputs
// of another, planned, each error found at its own output.
func runFunctionCases(t *testing.T, cases []functionCase) {
	t.Helper()
	var values strings.Builder
	var checks []statecheck.StateCheck
	var failing []blockError
	for i, label := range caseLabels(t, len(cases), func(i int) string { return cases[i].name }) {
		tt := cases[i]
		if tt.wantError != "" {
			failing = append(failing, outputError(tt.name, tt.expr, tt.wantError))
			continue
		}
		fmt.Fprintf(&values, "output %q {\n  value = %s\n}\n", label, tt.expr)
		checks = append(checks, statecheck.ExpectKnownOutputValue(label, tt.want))
	}
	t.Run("values", func(t *testing.T) {
		t.Parallel()
		if len(checks) == 0 {
			t.Skip("no case has a value")
		}
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   functionsAvailable,
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: functionConfig(values.String()), ConfigStateChecks: checks}},
		})
	})
	t.Run("errors", func(t *testing.T) {
		t.Parallel()
		if len(failing) == 0 {
			t.Skip("no case fails")
		}
		expectBlockErrors(t, failing)
	})
}

func TestPermissionIDFunction(t *testing.T) {
	t.Parallel()
	runFunctionCases(t, []functionCase{
		{"api name", `provider::cfperms::permission_id("DNS Write")`, knownvalue.StringExact(idDNSWrite), ""},
		{"qualified needs no scope", `provider::cfperms::permission_id("Zone > Logs > Edit")`, knownvalue.StringExact(idZoneLogsWrite), ""},
		{"scope argument", `provider::cfperms::permission_id("Logs Write", "account")`, knownvalue.StringExact(idAcctLogsWrite), ""},
		{"docs label", `provider::cfperms::permission_id("Cloudflare Pages Write")`, knownvalue.StringExact(idPagesWrite), ""},
		{"id", `provider::cfperms::permission_id("` + idBillingRead + `")`, knownvalue.StringExact(idBillingRead), ""},
		{"typo", `provider::cfperms::permission_id("DNS Wirte", "zone")`, nil, `"DNS Wirte" is not a zone permission group\.\s+Did you mean\s+"DNS Write"\?`},
		{"typo without scope", `provider::cfperms::permission_id("DNS Wirte")`, nil, `Did you mean\s+"DNS Write"\s+\(zone\)\?`},
		{"wrong scope", `provider::cfperms::permission_id("Billing Read", "zone")`, nil, `"Billing Read" is an account permission,\s+not\s+zone`},
		{"ambiguous", `provider::cfperms::permission_id("Logs Write")`, nil, `"Logs Write" matches 2 permission groups`},
		{"bad scope", `provider::cfperms::permission_id("DNS Write", "zonee")`, nil, `"zonee" is not a permission group scope\.\s+Did you mean\s+"zone"\?`},
		{"two scopes", `provider::cfperms::permission_id("DNS Write", "zone", "account")`, nil, `Give at most one scope argument; this call\s+has\s+2`},
		{"null scope means none", `provider::cfperms::permission_id("DNS Write", null)`, knownvalue.StringExact(idDNSWrite), ""},
		{"empty scope means none", `provider::cfperms::permission_id("Zone > Logs > Edit", "")`, knownvalue.StringExact(idZoneLogsWrite), ""},
		{"blank", `provider::cfperms::permission_id(" ")`, nil, `The permission name is empty`},
		{"null", `provider::cfperms::permission_id(null)`, nil, `(?i)argument must not be null`},
		{"error caught by can", `can(provider::cfperms::permission_id("DNS Wirte"))`, knownvalue.Bool(false), ""},
		{"error caught by try", `try(provider::cfperms::permission_id("DNS Wirte"), "fallback")`, knownvalue.StringExact("fallback"), ""},
		{"can of a good name", `can(provider::cfperms::permission_id("DNS Write"))`, knownvalue.Bool(true), ""},
	})
}

// An unknown argument gives an unknown result at plan, then the id.
func TestPermissionIDFunctionUnknown(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: functionConfig(`
resource "terraform_data" "later" {
  input = "Zone > DNS > Edit"
}
output "test" {
  value = provider::cfperms::permission_id(terraform_data.later.output)
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("test")},
			},
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("test", knownvalue.StringExact(idDNSWrite))},
		}},
	})
}

// Every function returns unknown for an unknown argument at plan time, and
// its value once the argument is known.
func TestFunctionsWithUnknownArguments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, input, expr string
		want              knownvalue.Check
	}{
		{"permission_ids", `["DNS Write", "Zone Read"]`, `provider::cfperms::permission_ids(terraform_data.later.output)`,
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(idZoneRead)})},
		{"permission_name", `"` + idDNSWrite + `"`, `provider::cfperms::permission_name(terraform_data.later.output)`, knownvalue.StringExact("DNS Write")},
		{"permission_group", `"Zone > DNS > Edit"`, `provider::cfperms::permission_group(terraform_data.later.output).id`, knownvalue.StringExact(idDNSWrite)},
		{"permission_exists", `"Zone > DNS > Edit"`, `provider::cfperms::permission_exists(terraform_data.later.output)`, knownvalue.Bool(true)},
		{"scope argument", `"zone"`, `provider::cfperms::permission_id("Logs Write", terraform_data.later.output)`, knownvalue.StringExact(idZoneLogsWrite)},
		{"token_policy", `"*"`, `provider::cfperms::token_policy(["DNS Write"], { "com.cloudflare.api.account.zone.*" = terraform_data.later.output }).permission_groups[0].id`,
			knownvalue.StringExact(idDNSWrite)},
		// Partly unknown: one element of a list, one value inside a map.
		{"permission_ids element", `"Zone Read"`, `provider::cfperms::permission_ids(["DNS Write", terraform_data.later.output])`,
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(idZoneRead)})},
		{"token_policy permission", `"Zone Read"`, `provider::cfperms::token_policy([terraform_data.later.output], { "com.cloudflare.api.account.zone.*" = "*" }).permission_groups[0].id`,
			knownvalue.StringExact(idZoneRead)},
		{"token_policy nested zone", `"*"`, `provider::cfperms::token_policy(["DNS Write"], { "com.cloudflare.api.account.` + testAccount + `" = { "com.cloudflare.api.account.zone.` + testZone + `" = terraform_data.later.output } }, "allow").permission_groups[0].id`,
			knownvalue.StringExact(idDNSWrite)},
	}
	// One configuration: each case's argument comes from its own
	// terraform_data, known only after apply.
	var config strings.Builder
	var planChecks []plancheck.PlanCheck
	var stateChecks []statecheck.StateCheck
	for i, label := range caseLabels(t, len(tests), func(i int) string { return tests[i].name }) {
		tt := tests[i]
		expr := strings.ReplaceAll(tt.expr, "terraform_data.later.", "terraform_data."+label+".")
		fmt.Fprintf(&config, "resource \"terraform_data\" %q {\n  input = %s\n}\n\noutput %q {\n  value = %s\n}\n\n", label, tt.input, label, expr)
		planChecks = append(planChecks, plancheck.ExpectUnknownOutputValue(label))
		stateChecks = append(stateChecks, statecheck.ExpectKnownOutputValue(label, tt.want))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            functionConfig(config.String()),
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: planChecks},
			ConfigStateChecks: stateChecks,
		}},
	})
}
