package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// hclList is n copies of name as an HCL list, each made distinct by its
// index when name holds a %d.
func hclList(name string, n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%q", strings.ReplaceAll(name, "%d", fmt.Sprint(i)))
	}
	return "[" + strings.Join(items, ", ") + "]"
}

// countDiagnostics counts diagnostics of a severity and finds the one
// titled summary.
func countDiagnostics(diags []cliDiagnostic, severity, summary string) (int, *cliDiagnostic) {
	n := 0
	var found *cliDiagnostic
	for i, d := range diags {
		if d.Severity != severity || strings.Contains(d.Summary, "overrides") {
			continue
		}
		n++
		if d.Summary == summary {
			found = &diags[i]
		}
	}
	return n, found
}

// Every path that reports elements of a names list caps its diagnostics:
// validation, the data source's read (live mode defers unknown names to
// it), its warnings, and the permission_ids function's error.
func TestListDiagnosticsAreCapped(t *testing.T) {
	t.Parallel()
	const bad = 1000
	more := func(kind string) string {
		return fmt.Sprintf("And %s more %s in names", catalog.Thousands(bad-catalog.MaxListDiagnostics), kind)
	}
	srv := newFakeCloudflare(t, "")
	tests := []struct {
		name, config, severity, kind string
	}{
		{name: "validation", severity: "error", kind: "errors",
			config: `data "cfperms_permission_groups" "many" { names = ` + hclList("DNS Wirte %d", bad) + " }"},
		{name: "read in live mode", severity: "error", kind: "errors",
			config: srv.providerBlock("") + `data "cfperms_permission_groups" "many" { names = ` + hclList("No Such Group %d Write", bad) + " }"},
		{name: "warnings", severity: "warning", kind: "warnings",
			config: `data "cfperms_permission_groups" "many" { names = ` + hclList(formerName(t), bad) + " }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, summary := countDiagnostics(planDiagnostics(t, tt.config), tt.severity, more(tt.kind))
			if n != catalog.MaxListDiagnostics+1 || summary == nil {
				t.Fatalf("%d %ss, want %d and the summary %q", n, tt.severity, catalog.MaxListDiagnostics, more(tt.kind))
			}
		})
	}
}

func TestPermissionIDsFunctionCapsItsError(t *testing.T) {
	t.Parallel()
	const bad = 500
	diags := planDiagnostics(t, `output "ids" { value = provider::cfperms::permission_ids(`+hclList("DNS Wirte %d", bad)+`) }`)
	var errs []cliDiagnostic
	for _, d := range diags {
		if d.Severity == "error" {
			errs = append(errs, d)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("%d errors, want 1", len(errs))
	}
	detail := errs[0].Detail
	if got := strings.Count(detail, "names["); got != catalog.MaxListDiagnostics {
		t.Fatalf("%d elements listed, want %d:\n%s", got, catalog.MaxListDiagnostics, detail)
	}
	want := fmt.Sprintf("and %s more elements of names with errors", catalog.Thousands(bad-catalog.MaxListDiagnostics))
	if !strings.Contains(strings.Join(strings.Fields(detail), " "), want) {
		t.Fatalf("the error lacks %q:\n%s", want, detail)
	}
}

// formerName is a former name of some group, taken from the catalog: it
// resolves with a warning, whatever groups a refresh renames.
func formerName(t *testing.T) string {
	t.Helper()
	c := catalog.Default()
	for _, g := range c.Groups() {
		for _, key := range g.ScopeKeys {
			for _, a := range c.Aliases(g.ID, key) {
				if m, err := c.Resolve(a.Name, ""); a.Kind == catalog.MatchRenamed && err == nil && m.Warning() != "" {
					return a.Name
				}
			}
		}
	}
	t.Fatal("the catalog has no former name that resolves on its own")
	return ""
}
