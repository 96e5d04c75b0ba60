package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestPermissionGroupsDataSourceNames(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_permission_groups.test"
	config := `
data "cfperms_permission_groups" "test" {
  names = ["DNS Write", "Zone > Zone > Read", "DNS Write", "Logs Write"]
  scope = "zone"
}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					// Order and duplicates are kept.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(idZoneRead),
						knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(idZoneLogsWrite),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_name"), knownvalue.MapExact(map[string]knownvalue.Check{
						"DNS Write":          knownvalue.StringExact(idDNSWrite),
						"Zone > Zone > Read": knownvalue.StringExact(idZoneRead),
						"Logs Write":         knownvalue.StringExact(idZoneLogsWrite),
					})),
					// groups lists each group once, in order of first appearance.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(2).AtMapKey("id"), knownvalue.StringExact(idZoneLogsWrite)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id":        knownvalue.StringExact(idZoneRead),
						"api_name":  knownvalue.StringExact("Zone Read"),
						"scope":     knownvalue.StringExact("zone"),
						"scope_key": knownvalue.StringExact("com.cloudflare.api.account.zone"),
						"access":    knownvalue.StringExact("read"),
					})),
				},
			},
			rereadStep(config),
		},
	})
}

func TestPermissionGroupsDataSourceMixedScopes(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "cfperms_permission_groups" "test" {
  names = ["Zone > Logs > Edit", "Account > Logs > Edit", "Billing Read"]
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.test", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(idZoneLogsWrite), knownvalue.StringExact(idAcctLogsWrite), knownvalue.StringExact(idBillingRead),
				})),
			},
		}},
	})
}

func TestPermissionGroupsDataSourceFilters(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_permission_groups.test"
	tests := []struct {
		name, arguments string
		checks          []statecheck.StateCheck
	}{
		{"scope and access", "scope = \"user\"\naccess = \"read\"", []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_name"), knownvalue.MapExact(map[string]knownvalue.Check{
				"API Tokens Read":   knownvalue.StringExact("0cc3a61731504c89b99ec1be78b77aa0"),
				"Memberships Read":  knownvalue.StringExact("3518d0f75557482e952c6762d3e64903"),
				"User Details Read": knownvalue.StringExact("8acbe5bb0d54464ab867149d7f7cf8ac"),
			})),
			// Sorted by name.
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey("api_name"), knownvalue.StringExact("API Tokens Read")),
		}},
		{"regex across scopes keys duplicates by scope", `name_regex = "^Logs "`, []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_name"), knownvalue.MapExact(map[string]knownvalue.Check{
				"Account > Logs Read":  knownvalue.StringExact("6a315a56f18441e59ed03352369ae956"),
				"Zone > Logs Read":     knownvalue.StringExact("c4a30cd58c5d42619c86a3c36c441e2d"),
				"Account > Logs Write": knownvalue.StringExact(idAcctLogsWrite),
				"Zone > Logs Write":    knownvalue.StringExact(idZoneLogsWrite),
			})),
		}},
		{"all zone read", "scope = \"zone\"\naccess = \"read\"", []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(41)),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:            fmt.Sprintf("data \"cfperms_permission_groups\" \"test\" {\n%s\n}\n", tt.arguments),
					ConfigStateChecks: tt.checks,
				}},
			})
		})
	}
}

func TestPermissionGroupsDataSourceUnknownNames(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   terraformDataAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "later" {
  input = ["DNS Write", "Zone Read"]
}
data "cfperms_permission_groups" "test" {
  names = terraform_data.later.output
}`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue("data.cfperms_permission_groups.test", tfjsonpath.New("ids")),
				},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.test", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(idZoneRead),
				})),
			},
		}},
	})
}

func TestPermissionGroupsDataSourceErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, arguments, want string
	}{
		{"several bad names at once", "names = [\"DNS Write\", \"Zone Raed\", \"Billing Read\", \"Logs Wirte\"]\nscope = \"zone\"",
			`(?s)names\[1\]: "Zone Raed" is not a zone permission group\.\s+Did you mean\s+"Zone\s+Read"\?.*names\[2\]: "Billing Read" is an account permission.*names\[3\]: "Logs Wirte"`},
		{"ambiguous element", `names = ["DNS Write", "Logs Write"]`, `names\[1\]: "Logs Write" matches 2 permission groups`},
		{"null element", `names = ["DNS Write", null]`, `names\[1\] is null`},
		{"blank element", `names = ["DNS Write", ""]`, `names\[1\]: The permission name is empty`},
		{"names with filters", "names = [\"DNS Write\"]\naccess = \"read\"", `Invalid Attribute Combination`},
		{"bad access", `access = "readonly"`, `value must be one of`},
		{"bad regex", `name_regex = "(("`, `not a valid RE2 regular expression`},
		{"filters match nothing", "scope = \"user\"\nname_regex = \"^DNS\"", `No group of the catalog \(2026-01-27\) matches scope = "user",\s+name_regex\s+=\s+"\^DNS"`},
		{"unknown scope", "names = [\"DNS Write\"]\nscope = \"zones\"", `"zones" is not a permission group scope\.\s+Did you mean\s+"zone"\?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"cfperms_permission_groups\" \"test\" {\n%s\n}\n", tt.arguments),
					ExpectError: errorPattern(tt.want),
				}},
			})
		})
	}
}
