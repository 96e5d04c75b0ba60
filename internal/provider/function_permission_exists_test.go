package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
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
		{"null", `provider::cfperms::permission_exists(null)`, nil, `(?i)argument must not be null`},
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
