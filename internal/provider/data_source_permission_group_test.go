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

// expectAttr checks an attribute of data.cfperms_permission_group.test.
func expectAttr(attr string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue("data.cfperms_permission_group.test", tfjsonpath.New(attr), value)
}

func TestPermissionGroupDataSource(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                                            string
		arguments                                       string
		id, apiName, scope, scopeKey, access, matchedBy string
	}{
		{"api name", `name = "DNS Write"`, idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "exact"},
		{"dashboard qualified", `name = "Zone > DNS > Edit"`, idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "qualified"},
		{"dashboard colon form", `name = "Zone:Zone:Read"`, idZoneRead, "Zone Read", "zone", "com.cloudflare.api.account.zone", "read", "qualified"},
		{"dashboard edit", `name = "DNS Edit"`, idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "dashboard"},
		{"case folded", `name = "dns write"`, idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "case_folded"},
		{"url encoded", `name = "DNS%20Write"`, idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "case_folded"},
		{"short scope", "name = \"Logs Write\"\nscope = \"zone\"", idZoneLogsWrite, "Logs Write", "zone", "com.cloudflare.api.account.zone", "write", "exact"},
		{"scope key becomes short", "name = \"Logs Write\"\nscope = \"com.cloudflare.api.account\"", idAcctLogsWrite, "Logs Write", "account", "com.cloudflare.api.account", "write", "exact"},
		{"docs label", `name = "Cloudflare Pages Write"`, idPagesWrite, "Pages Write", "account", "com.cloudflare.api.account", "write", "docs_label"},
		{"renamed", `name = "Argo Tunnel Write"`, idTunnelWrite, "Cloudflare Tunnel Write", "account", "com.cloudflare.api.account", "write", "renamed"},
		{"raw id as name", fmt.Sprintf("name = %q", idDNSWrite), idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "id"},
		{"reverse lookup by id", fmt.Sprintf("id = %q", idBillingRead), idBillingRead, "Billing Read", "account", "com.cloudflare.api.account", "read", "id"},
		{"id with its scope", fmt.Sprintf("id = %q\nscope = \"zone\"", idDNSWrite), idDNSWrite, "DNS Write", "zone", "com.cloudflare.api.account.zone", "write", "id"},
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for i, label := range caseLabels(t, len(tests), func(i int) string { return tests[i].name }) {
		tt := tests[i]
		fmt.Fprintf(&config, "data \"cfperms_permission_group\" %q {\n%s\n}\n", label, tt.arguments)
		address := "data.cfperms_permission_group." + label
		for attr, want := range map[string]string{
			"id": tt.id, "api_name": tt.apiName, "scope": tt.scope, "scope_key": tt.scopeKey,
			"access": tt.access, "matched_by": tt.matchedBy, "category": categoryOf(tt.id),
		} {
			checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New(attr), knownvalue.StringExact(want)))
		}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config.String(), ConfigStateChecks: checks},
			rereadStep(config.String()),
		},
	})
}

// categoryOf is the category the catalog gives a group.
func categoryOf(id string) string {
	g, _ := catalog.Default().ByID(id)
	return g.Category
}

// An id newer than the catalog passes through with a warning, because
// Cloudflare adds groups after any snapshot: given as `id` or as `name`, and
// in `names`, where its group object holds only the id.
func TestPermissionGroupDataSourceUnknownIDPassesThrough(t *testing.T) {
	t.Parallel()
	const newer = "0123456789abcdef0123456789abcdef"
	unknownGroup := knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(newer), "api_name": knownvalue.Null(), "scope": knownvalue.Null(),
		"scope_key": knownvalue.Null(), "access": knownvalue.Null(), "category": knownvalue.Null(),
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "cfperms_permission_group" "test" { id = "` + newer + `" }
data "cfperms_permission_group" "by_name" { name = "` + newer + `" }
data "cfperms_permission_groups" "list" { names = ["DNS Write", "` + newer + `"] }`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectAttr("id", knownvalue.StringExact(newer)),
				expectAttr("api_name", knownvalue.Null()),
				expectAttr("category", knownvalue.Null()),
				expectAttr("matched_by", knownvalue.StringExact("unknown_id")),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.by_name", tfjsonpath.New("id"), knownvalue.StringExact(newer)),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.by_name", tfjsonpath.New("matched_by"), knownvalue.StringExact("unknown_id")),
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.list", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(newer)})),
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.list", tfjsonpath.New("groups").AtSliceIndex(1), unknownGroup),
			},
		}},
	})
}

// Values unknown at plan time are not validated early; they resolve, and
// are checked, once known.
func TestPermissionGroupDataSourceUnknownInputs(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   terraformDataAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
resource "terraform_data" "later" {
  input = { name = "Logs Write", scope = "zone" }
}
data "cfperms_permission_group" "test" {
  name  = terraform_data.later.output.name
  scope = terraform_data.later.output.scope
}`,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectUnknownValue("data.cfperms_permission_group.test", tfjsonpath.New("id")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					expectAttr("id", knownvalue.StringExact(idZoneLogsWrite)),
				},
			},
			{
				// Once known, a bad value fails like a literal one would.
				Config: `
resource "terraform_data" "later2" {
  input = "DNS Wirte"
}
data "cfperms_permission_group" "test" {
  name = terraform_data.later2.output
}`,
				ExpectError: errorPattern(`"DNS Wirte" is not a permission group in any scope\.\s+Did you mean\s+"DNS Write"\s+\(zone\)\?`),
			},
		},
	})
}

func TestPermissionGroupDataSourceErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, arguments, want string
	}{
		{"typo in scope", "name = \"DNS Wirte\"\nscope = \"zone\"", `"DNS Wirte" is not a zone permission group\.\s+Did you mean\s+"DNS Write"\?`},
		{"typo without scope", `name = "Workers Scripts Wrte"`, `Did you mean\s+"Workers Scripts Write"\s+\(account\)\?`},
		{"typo in a qualified name", `name = "Zone > DNS > Edti"`, `"Zone > DNS > Edti" is not a permission group in any\s+scope`},
		{"catalog date on a miss", `name = "Quantum Flux Write"`, `snapshot of\s+` + catalogtest.AsOfPattern()},
		{"wrong scope", "name = \"Billing Read\"\nscope = \"zone\"", `"Billing Read" is an account permission, not zone.*\s+.*Set the scope to\s+"account"`},
		{"ambiguous across scopes", `name = "Logs Write"`, `"Logs Write" matches 2 permission groups.*\s*.*"Account > Logs\s+Write"`},
		{"ambiguous docs label", `name = "Zaraz Write"`, `"Zaraz Write" matches 2 permission groups in zone scope`},
		{"blank name", `name = "   "`, `Empty permission group name`},
		{"empty name", `name = ""`, `The permission name is empty`},
		{"null name", `name = null`, `Set name \(a permission name such as "DNS Write"\) or id \(a 32-digit\s+permission\s+group\s+id\)`},
		{"name and id", fmt.Sprintf("name = \"DNS Write\"\nid = %q", idDNSWrite), `Set either name or id, not both`},
		{"unknown scope", "name = \"DNS Write\"\nscope = \"zon\"", `"zon" is not a permission group scope\.\s+Did you mean "zone"\?`},
		{"blank scope", "name = \"DNS Write\"\nscope = \"\"", `The scope is blank`},
		{"scope conflict", "name = \"Zone > DNS > Edit\"\nscope = \"account\"", `names the zone permission "[^"]+"\s+\([0-9a-f]{32}\), but the scope asked\s+for is "account"`},
		{"upper-case id", `id = "` + strings.ToUpper(idDNSWrite) + `"`, `Write\s+"` + idDNSWrite + `"`},
		{"dashed id", `id = "` + idDNSWrite[:8] + "-" + idDNSWrite[8:12] + "-" + idDNSWrite[12:] + `"`, `looks like a permission group id`},
		{"name given as id", `id = "DNS Write"`, `"DNS Write" is not a permission group id.*\s+.*Write\s+"` + idDNSWrite + `"`},
		{"id in the wrong scope", fmt.Sprintf("id = %q\nscope = \"account\"", idDNSWrite), `is a zone permission, not\s+account`},
		{"mistyped id as name", `name = "` + catalogtest.NearID(idDNSWrite) + `"`, `(?s)Mistyped permission group id.*Did you mean\s+"` + idDNSWrite + `"`},
		{"mistyped id as id", `id = "` + catalogtest.NearID(idDNSWrite) + `"`, `(?s)Mistyped permission group id.*Did you mean\s+"` + idDNSWrite + `"`},
		{"short id as name", `name = "` + idDNSWrite[:28] + `"`, `ids\s+are\s+exactly\s+32\s+lower-case\s+hex\s+digits`},
	}
	cases := make([]blockError, len(tests))
	for i, tt := range tests {
		cases[i] = dataBlockError(tt.name, "cfperms_permission_group", tt.arguments, tt.want)
	}
	expectBlockErrors(t, cases)
}
