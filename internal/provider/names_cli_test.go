package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// TestNameAnswersThroughTheCLI: the answers a user reads for the name
// mistakes of issue 21, as Terraform shows them.
func TestNameAnswersThroughTheCLI(t *testing.T) {
	t.Parallel()
	t.Run("distinct mistakes get distinct summaries", func(t *testing.T) {
		t.Parallel()
		diags := planDiagnostics(t, `data "cfperms_permission_groups" "x" {
  names = ["Cloudflare Pages Write", "DNS: Bewerken", "Teams Read", "Zone > Managed headers Read"]
}`)
		summaries := map[string]bool{}
		for _, d := range diags {
			if d.Severity == "warning" && !strings.Contains(d.Summary, "overrides") {
				summaries[d.Summary] = true
			}
		}
		if len(summaries) != 3 {
			t.Errorf("summaries %v: want three distinct ones (the exact API name behind a prefix warns of nothing)", summaries)
		}
	})
	t.Run("a function's miss ends in a statement", func(t *testing.T) {
		t.Parallel()
		diags := validateDiagnostics(t, `output "x" {
  value = provider::cfperms::permission_id("Workers Scrpts Write", "zone")
}`)
		expectErrors(t, diags, `^Invalid function argument: .*Did you mean "Workers Scripts Write" \(account\)`)
		for _, d := range diags {
			if strings.Contains(d.Detail, "?.") {
				t.Errorf("the error ends in \"?.\": %s", d.Detail)
			}
		}
	})
	t.Run("dashboard paths under the account", func(t *testing.T) {
		t.Parallel()
		diags := planDiagnostics(t, `data "cfperms_permission_groups" "x" {
  names = ["Account > Rule Lists > Edit", "Developer Platform > Pages > Read", "Page Rules (页面规则): 编辑"]
}

output "ids" {
  value = data.cfperms_permission_groups.x.ids
}`)
		for _, d := range diags {
			if d.Severity == "error" {
				t.Errorf("%s: %s", d.Summary, d.Detail)
			}
		}
	})
	t.Run("a branded shorthand suggests the product's own group first", func(t *testing.T) {
		t.Parallel()
		diags := validateDiagnostics(t, `data "cfperms_permission_group" "x" {
  name = "Cloudflare Workers — Read"
}`)
		scripts := catalogtest.Name(catalogtest.ID("account", "Workers Scripts Read"))
		expectErrors(t, diags, `Did you mean "`+regexp.QuoteMeta(scripts)+`" \(account\)`)
	})
	t.Run("a product with no group of its own gets the group that covers it", func(t *testing.T) {
		t.Parallel()
		diags := validateDiagnostics(t, `output "x" {
  value = provider::cfperms::permission_id("Workers Durable Object Edit")
}`)
		scripts := catalogtest.Name(catalogtest.ID("account", "Workers Scripts Write"))
		expectErrors(t, diags, `Did you mean "`+regexp.QuoteMeta(scripts)+`" \(account\)\? No permission group is named for Durable Objects: .*\.$`)
		for _, d := range diags {
			if strings.Contains(d.Detail, "?.") || strings.Contains(d.Detail, "..") {
				t.Errorf("the error ends badly: %s", d.Detail)
			}
		}
	})
	t.Run("a summary line of several permissions says to write each", func(t *testing.T) {
		t.Parallel()
		diags := validateDiagnostics(t, `data "cfperms_token_policy" "x" {
  permissions = ["Entire Account - Workers Scripts:Edit, Queues:Read"]
  resources   = { "com.cloudflare.api.account.`+testAccount+`" = "*" }
}`)
		expectErrors(t, diags, `^Several permissions in one name: permissions\[0\]: .* holds 2 permissions; a name is one permission\. Write each on its own: "[^"]+" and "[^"]+"\.$`)
	})
	t.Run("both ways out of an uncovered permission", func(t *testing.T) {
		t.Parallel()
		m, err := catalog.Default().Resolve("Page Shield Read", "zone")
		if err != nil {
			t.Fatal(err)
		}
		zoneGroup := m.Group.ID
		diags := validateDiagnostics(t, `data "cfperms_token_policy" "x" {
  permissions = ["Page Shield Read"]
  resources   = { "com.cloudflare.api.account.zone.*" = "*" }
}`)
		expectErrors(t, diags, `Add "com\.cloudflare\.api\.account\.<account id>".*Or, for the zones this policy has, write "[^"]+" \(`+zoneGroup+`\)`)
	})
}
