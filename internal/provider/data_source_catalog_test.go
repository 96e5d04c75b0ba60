package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

func TestCatalogDataSource(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_catalog.all"
	config := `
data "cfperms_catalog" "all" {}

# The Cloudflare provider v4 shape: a rename is all a migration needs.
output "dns_write" {
  value = data.cfperms_catalog.all.zone["DNS Write"]
}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("dns_write", knownvalue.StringExact(idDNSWrite)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("account").AtMapKey("Logs Write"), knownvalue.StringExact(idAcctLogsWrite)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("zone").AtMapKey("Logs Write"), knownvalue.StringExact(idZoneLogsWrite)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("user"), knownvalue.MapSizeExact(catalogtest.Count("user"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("account"), knownvalue.MapSizeExact(catalogtest.Count("account"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("zone"), knownvalue.MapSizeExact(catalogtest.Count("zone"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("r2"), knownvalue.MapSizeExact(catalogtest.Count("r2"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("groups"), knownvalue.ListSizeExact(catalogtest.Total())),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("total"), knownvalue.Int64Exact(int64(catalogtest.Total()))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("counts").AtMapKey("zone"), knownvalue.Int64Exact(int64(catalogtest.Count("zone")))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("as_of"), knownvalue.StringExact(catalogtest.AsOf())),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source"), knownvalue.StringExact("embedded")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("categories"), knownvalue.MapSizeExact(len(catalog.Default().Categories()))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("categories").AtMapKey("cloudflare_one_and_zero_trust"), knownvalue.StringExact("Cloudflare One / Zero Trust")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("counts").AtMapKey("worker_script"), knownvalue.Int64Exact(int64(catalogtest.Count("worker_script")))),
				},
			},
			rereadStep(config),
		},
	})
}

// The v4 data source's flat `permissions` map, so a v4 configuration that
// used it migrates by renaming the data source; a name in two scopes is left
// out rather than mapped to one of its ids.
func TestCatalogDataSourcePermissions(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_catalog.all"
	flat, shared := catalog.Default().FlatPermissions()
	if len(shared) == 0 {
		t.Fatal("the catalog has no name in two scopes to test with")
	}
	config := `
data "cfperms_catalog" "all" {}

# As Cloudflare's v4 examples wrote it, with the data source renamed.
output "dns_write" {
  value = data.cfperms_catalog.all.permissions["DNS Write"]
}

output "shared_left_out" {
  value = contains(keys(data.cfperms_catalog.all.permissions), "` + shared[0] + `")
}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("dns_write", knownvalue.StringExact(idDNSWrite)),
				statecheck.ExpectKnownOutputValue("shared_left_out", knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("permissions"), knownvalue.MapSizeExact(len(flat))),
			},
		}},
	})
}
