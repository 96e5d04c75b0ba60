package provider

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

// TestNeedsHCLPlans: what `cfperms-check needs -format hcl` prints for the
// needs scenario is ready to paste: it validates and plans with the real
// provider binary, every policy passing cfperms_token_policy's checks, and
// its last comment's concat() is a valid policies value.
func TestNeedsHCLPlans(t *testing.T) {
	t.Parallel()
	rc := installedProvider(t)
	data, err := os.ReadFile(filepath.Join("..", "tokencheck", "testdata", "needs-plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	changes, err := tokencheck.ReadChanges(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c, table := catalog.Default(), needs.Default()
	report := tokencheck.NeedsReport{Input: changes.Kind, Catalog: tokencheck.CatalogInfo{AsOf: c.AsOf()},
		Provider: table.ProviderVersion(), Result: table.Compute(c, changes.Changes)}
	var out strings.Builder
	if err := tokencheck.WriteNeeds(&out, report, "hcl"); err != nil {
		t.Fatal(err)
	}
	hcl := out.String()
	_, concat, ok := strings.Cut(hcl, "# In the token: policies = ")
	if !ok {
		t.Fatalf("no concat() comment in:\n%s", hcl)
	}
	hcl += "\noutput \"policies\" {\n  value = length(" + strings.TrimSpace(concat) + ")\n}\n"
	config, env := completeFragment(t, hcl)
	checkDocsBlock(t, rc, config, env)
}
