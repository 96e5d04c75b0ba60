package provider

import (
	"fmt"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	testAccount = "0123456789abcdef0123456789abcdef"
	testZone    = "fedcba9876543210fedcba9876543210"
)

func TestTokenPolicyDataSource(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_token_policy.dns"
	config := fmt.Sprintf(`
data "cfperms_token_policy" "dns" {
  permissions = ["Zone > Zone > Read", "Zone > DNS > Edit"]
  resources   = { "com.cloudflare.api.account.zone.%s" = "*" }
}`, testZone)
	resourcesJSON := fmt.Sprintf(`{"com.cloudflare.api.account.zone.%s":"*"}`, testZone)
	groups := knownvalue.ListExact([]knownvalue.Check{
		knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idZoneRead)}),
		knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idDNSWrite)}),
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("permission_groups"), groups),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("permission_group_ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(idZoneRead), knownvalue.StringExact(idDNSWrite),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("resources_json"), knownvalue.StringExact(resourcesJSON)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("effect"), knownvalue.StringExact("allow")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("token_kind"), knownvalue.StringExact("user")),
					// The exact shape of a Cloudflare provider v5 policy.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"effect":            knownvalue.StringExact("allow"),
						"permission_groups": groups,
						"resources":         knownvalue.StringExact(resourcesJSON),
					})),
				},
			},
			rereadStep(config),
		},
	})
}

func TestTokenPolicyDataSourceAccountNested(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "cfperms_token_policy" "routes" {
  token_kind  = "account"
  permissions = ["Workers Routes Write", "Logs Write"]
  resources = {
    "com.cloudflare.api.account.%s" = { "com.cloudflare.api.account.zone.*" = "*" }
  }
}`, testAccount),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_token_policy.routes", tfjsonpath.New("permission_group_ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(catalogtest.ID("zone", "Workers Routes Write")), knownvalue.StringExact(idZoneLogsWrite),
				})),
				statecheck.ExpectKnownValue("data.cfperms_token_policy.routes", tfjsonpath.New("resources_json"), knownvalue.StringExact(
					fmt.Sprintf(`{"com.cloudflare.api.account.%s":{"com.cloudflare.api.account.zone.*":"*"}}`, testAccount))),
			},
		}},
	})
}

func TestTokenPolicyDataSourceErrors(t *testing.T) {
	t.Parallel()
	zoneStar := `{ "com.cloudflare.api.account.zone.*" = "*" }`
	account := fmt.Sprintf(`{ "com.cloudflare.api.account.%s" = "*" }`, testAccount)
	tests := []struct {
		name, arguments, want string
	}{
		{"zone permission on account resources", `permissions = ["DNS Write"]` + "\nresources = " + account,
			`"DNS Write" is a zone permission, but no resource in this policy is a zone. Add "com.cloudflare.api.account.zone.<zone id>"`},
		{"r2 permission on an account key", `permissions = ["Workers R2 Storage Bucket Item Write"]` + "\nresources = " + account,
			`is an r2 permission, but no resource in this policy is an r2`},
		{"malformed key", `permissions = ["DNS Write"]` + "\nresources = { \"com.cloudflare.api.zone.*\" = \"*\" }",
			`Did you mean "com.cloudflare.api.account.zone.\*"\?`},
		{"user permission in an account-owned token", "token_kind = \"account\"\npermissions = [\"API Tokens Read\", \"Workers Scripts Write\"]\nresources = " + account,
			`"API Tokens Read" is a user permission; an account-owned token cannot hold user permissions`},
		{"too many groups", `permissions = concat([for g in data.cfperms_catalog.all.groups : g.id if g.scope == "account"], [for g in data.cfperms_catalog.all.groups : g.id if g.scope == "zone"])` +
			"\nresources = merge(" + account + ", " + zoneStar + ")",
			fmt.Sprintf(`holds %d permission groups; Cloudflare accepts at most 300 in one policy`, catalogtest.Count("account")+catalogtest.Count("zone"))},
		{"bad effect", "effect = \"permit\"\npermissions = [\"DNS Write\"]\nresources = " + zoneStar, `value must be one of`},
		{"unknown name", `permissions = ["DNS Write", "DNS Wirte"]` + "\nresources = " + zoneStar,
			`permissions\[1\]: "DNS Wirte" is not a zone permission group. Did you mean "DNS Write"\?`},
		{"no permissions", "permissions = []\nresources = " + zoneStar, `lists no permission groups`},
		{"resources not a map", `permissions = ["DNS Write"]` + "\nresources = \"com.cloudflare.api.account.zone.*\"", `resources must be a map from resource key`},
		{"nested under a zone key", `permissions = ["DNS Write"]` + "\nresources = { \"com.cloudflare.api.account.zone.*\" = { \"com.cloudflare.api.account.zone.*\" = \"*\" } }",
			`only an account key may hold a map of zone keys`},
		{"nested zone key not granted everything", "token_kind = \"account\"\npermissions = [\"DNS Write\"]\nresources = " +
			fmt.Sprintf(`{ "com.cloudflare.api.account.%s" = { "com.cloudflare.api.account.zone.%s" = "read" } }`, testAccount, testZone),
			`must be "\*": in the account-nested form every zone key maps to "\*"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "data \"cfperms_catalog\" \"all\" {}\n\ndata \"cfperms_token_policy\" \"test\" {\n" + tt.arguments + "\n}\n",
					ExpectError: errorPattern(tt.want),
				}},
			})
		})
	}
}

// Values unknown at plan time, whole or nested inside resources, leave the
// policy unknown until apply, then resolve like literals.
func TestTokenPolicyDataSourceUnknownInputs(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_token_policy.later"
	tests := map[string]string{
		"resource value": fmt.Sprintf(`
  permissions = ["DNS Write"]
  resources   = { "com.cloudflare.api.account.zone.%s" = terraform_data.later.output }`, testZone),
		"permissions": fmt.Sprintf(`
  permissions = [terraform_data.later.output == "*" ? "DNS Write" : "Zone Read"]
  resources   = { "com.cloudflare.api.account.zone.%s" = "*" }`, testZone),
		"nested zone keys": fmt.Sprintf(`
  token_kind  = "account"
  permissions = ["DNS Write"]
  resources   = { "com.cloudflare.api.account.%s" = { "com.cloudflare.api.account.zone.%s" = terraform_data.later.output } }`, testAccount, testZone),
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   terraformDataAvailable,
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: "resource \"terraform_data\" \"later\" {\n  input = \"*\"\n}\n\ndata \"cfperms_token_policy\" \"later\" {" + body + "\n}\n",
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownValue(addr, tfjsonpath.New("permission_group_ids"))},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("permission_group_ids"), knownvalue.ListExact([]knownvalue.Check{
							knownvalue.StringExact(idDNSWrite),
						})),
					},
				}},
			})
		})
	}
}
