package provider

import (
	"bytes"
	"os"
	"os/exec"
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
	expectFormatted(t, hcl)
	_, concat, ok := strings.Cut(hcl, "# In the token: policies = ")
	if !ok {
		t.Fatalf("no concat() comment in:\n%s", hcl)
	}
	hcl += "\noutput \"policies\" {\n  value = length(" + strings.TrimSpace(concat) + ")\n}\n"
	config, env := completeFragment(t, hcl)
	checkDocsBlock(t, rc, config, env)
}

// expectFormatted wants hcl as terraform fmt writes it: pasted, it must
// pass a CI job's terraform fmt -check.
func expectFormatted(t *testing.T, hcl string) {
	t.Helper()
	cmd := exec.Command(terraformCLI(t), "fmt", "-")
	cmd.Stdin = strings.NewReader(hcl)
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE=/dev/null", "CHECKPOINT_DISABLE=1")
	formatted, err := cmd.Output()
	if err != nil {
		t.Fatalf("terraform fmt -: %v", err)
	}
	if string(formatted) != hcl {
		t.Errorf("the hcl is not as terraform fmt writes it; fmt gives:\n%s", formatted)
	}
}
