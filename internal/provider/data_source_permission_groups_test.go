package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
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
						"category":  knownvalue.StringExact(categoryOf(idZoneRead)),
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
	tests := []struct {
		name, arguments string
		checks          func(addr string) []statecheck.StateCheck
	}{
		{"scope and access", "scope = \"user\"\naccess = \"read\"", func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_name"), knownvalue.MapExact(map[string]knownvalue.Check{
					"API Tokens Read":   knownvalue.StringExact(catalogtest.ID("user", "API Tokens Read")),
					"Memberships Read":  knownvalue.StringExact(catalogtest.ID("user", "Memberships Read")),
					"User Details Read": knownvalue.StringExact(catalogtest.ID("user", "User Details Read")),
				})),
				// Sorted by name.
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey("api_name"), knownvalue.StringExact("API Tokens Read")),
			}
		}},
		{"regex across scopes keys duplicates by scope", `name_regex = "^Logs "`, func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_name"), knownvalue.MapExact(map[string]knownvalue.Check{
					"Account > Logs Read":  knownvalue.StringExact(catalogtest.ID("account", "Logs Read")),
					"Zone > Logs Read":     knownvalue.StringExact(catalogtest.ID("zone", "Logs Read")),
					"Account > Logs Write": knownvalue.StringExact(idAcctLogsWrite),
					"Zone > Logs Write":    knownvalue.StringExact(idZoneLogsWrite),
				})),
			}
		}},
		{"all zone read", "scope = \"zone\"\naccess = \"read\"", func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(
					len(catalog.Default().List(catalog.Filter{ScopeKey: catalog.ScopeKeyZone, Access: catalog.AccessRead})))),
			}
		}},
		{"category", `category = "developer_platform"`, func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(
					len(catalog.Default().List(catalog.Filter{Category: "developer_platform"})))),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey("category"), knownvalue.StringExact("developer_platform")),
			}
		}},
		{"access in capitals", "scope = \"user\"\naccess = \"READ\"", func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(
					len(catalog.Default().List(catalog.Filter{ScopeKey: catalog.ScopeKeyUser, Access: catalog.AccessRead})))),
			}
		}},
		{"category in capitals, with a scope", "scope = \"r2\"\ncategory = \"DEVELOPER_PLATFORM\"", func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(catalogtest.Count("r2"))),
			}
		}},
		{"a scope by its full key", `scope = "com.cloudflare.edge.worker.script"`, func(addr string) []statecheck.StateCheck {
			return []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(catalogtest.Count("worker_script"))),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey("scope"), knownvalue.StringExact("worker_script")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey("scope_key"), knownvalue.StringExact(catalog.ScopeKeyWorkerScript)),
			}
		}},
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for i, label := range caseLabels(t, len(tests), func(i int) string { return tests[i].name }) {
		fmt.Fprintf(&config, "data \"cfperms_permission_groups\" %q {\n%s\n}\n", label, tests[i].arguments)
		checks = append(checks, tests[i].checks("data.cfperms_permission_groups."+label)...)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: config.String(), ConfigStateChecks: checks}},
	})
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
		{"category heading instead of key", `category = "Developer Platform"`, `must be a category key such as\s+"developer_platform"`},
		{"category typo", `category = "developer_platfrom"`, `"developer_platfrom" is not a category key of this catalog.*Did you\s+mean\s+"developer_platform"\?`},
		{"names with category", "names = [\"DNS Write\"]\ncategory = \"media\"", `Invalid Attribute Combination`},
		{"empty names", "names = []", `names is empty, so the token would have no permissions`},
		{"neither names nor filters", "", `Give names \(the permissions the token needs\) or at least one filter`},
		{"filters match nothing", "scope = \"user\"\nname_regex = \"^DNS\"", `No group of the catalog \(` + catalogtest.AsOfPattern() + `\) matches scope = "user",\s+name_regex\s+=\s+"\^DNS"`},
		{"unknown scope", "names = [\"DNS Write\"]\nscope = \"zones\"", `"zones" is not a permission group scope\.\s+Did you mean\s+"zone"\?`},
	}
	// The cases with more than one mistake, and how many: one error each.
	mistakes := map[string]int{"several bad names at once": 3}
	cases := make([]blockError, len(tests))
	for i, tt := range tests {
		cases[i] = dataBlockError(tt.name, "cfperms_permission_groups", tt.arguments, tt.want)
		cases[i].mistakes = mistakes[tt.name]
	}
	expectBlockErrors(t, cases)
}
