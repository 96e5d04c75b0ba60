package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestPermissionExistsFunction(t *testing.T) {
	t.Parallel()
	runFunctionCases(t, []functionCase{
		{"known", `provider::cfperms::permission_exists("Zone > DNS > Edit")`, knownvalue.Bool(true), ""},
		{"typo", `provider::cfperms::permission_exists("DNS Wirte")`, knownvalue.Bool(false), ""},
		{"ambiguous", `provider::cfperms::permission_exists("Logs Write")`, knownvalue.Bool(false), ""},
		{"settled by scope", `provider::cfperms::permission_exists("Logs Write", "zone")`, knownvalue.Bool(true), ""},
		{"other scope", `provider::cfperms::permission_exists("Billing Read", "zone")`, knownvalue.Bool(false), ""},
		{"blank", `provider::cfperms::permission_exists("")`, knownvalue.Bool(false), ""},
		{"bad scope is still an error", `provider::cfperms::permission_exists("DNS Write", "zon")`, nil, `Did you mean\s+"zone"\?`},
		{"null is false", `provider::cfperms::permission_exists(null)`, knownvalue.Bool(false), ""},
		{"null with a scope is false", `provider::cfperms::permission_exists(null, "zone")`, knownvalue.Bool(false), ""},
		{"null scope means none", `provider::cfperms::permission_exists("DNS Write", null)`, knownvalue.Bool(true), ""},
	})
}

// An optional variable: null passes the usual guard without an error.
func TestPermissionExistsOptionalVariable(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: functionConfig(`
variable "permission" {
  type    = string
  default = null
  validation {
    condition     = var.permission == null || provider::cfperms::permission_exists(var.permission)
    error_message = "permission must name a Cloudflare permission group."
  }
}
variable "scope" {
  type    = string
  default = null
}
output "test" {
  value = provider::cfperms::permission_id("DNS Write", var.scope)
}`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("test", knownvalue.StringExact(idDNSWrite))},
		}},
	})
}

// The use it exists for: a variable validation with a message of one's own.
func TestPermissionExistsInVariableValidation(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: functionConfig(`
variable "permission" {
  type    = string
  default = "DNS Wirte"
  validation {
    condition     = provider::cfperms::permission_exists(var.permission)
    error_message = "permission must name a Cloudflare permission group."
  }
}
output "test" {
  value = var.permission
}`),
			ExpectError: errorPattern(`permission must name a Cloudflare permission group`),
		}},
	})
}
