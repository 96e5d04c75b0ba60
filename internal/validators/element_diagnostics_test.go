package validators

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// A list of 10,000 bad names gets MaxListDiagnostics element errors and one
// summary at the list, not 10,000 diagnostics.
func TestPermissionNamesCapsDiagnostics(t *testing.T) {
	t.Parallel()
	const bad = 10_000
	elems := make([]attr.Value, bad)
	for i := range elems {
		elems[i] = types.StringValue(fmt.Sprintf("DNS Wirte %d", i))
	}
	resp := &validator.ListResponse{}
	PermissionNames().ValidateList(context.Background(), validator.ListRequest{
		Path: path.Root("names"), PathExpression: path.MatchRoot("names"), ConfigValue: types.ListValueMust(types.StringType, elems),
	}, resp)
	errs := resp.Diagnostics.Errors()
	if len(errs) != catalog.MaxListDiagnostics+1 {
		t.Fatalf("%d errors, want %d and a summary", len(errs), catalog.MaxListDiagnostics)
	}
	last := errs[len(errs)-1]
	wantSummary := fmt.Sprintf("And %s more errors in names", catalog.Thousands(bad-catalog.MaxListDiagnostics))
	if last.Summary() != wantSummary || !strings.Contains(last.Detail(), "10,000 elements of names have errors") {
		t.Fatalf("summary %q: %q, want %q", last.Summary(), last.Detail(), wantSummary)
	}
	if withPath, ok := last.(diag.DiagnosticWithPath); !ok || withPath.Path().String() != "names" {
		t.Fatal("the summary is not at the list")
	}
}

func TestElementDiagnosticsCapsEachSeverity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                 string
		errors, warnings     int
		wantErrs, wantWarns  int
		wantSummaryFragments []string
	}{
		{name: "under the cap", errors: 3, warnings: catalog.MaxListDiagnostics, wantErrs: 3, wantWarns: catalog.MaxListDiagnostics},
		{name: "one over", errors: catalog.MaxListDiagnostics + 1, wantErrs: catalog.MaxListDiagnostics + 1,
			wantSummaryFragments: []string{"And 1 more error in names"}},
		{name: "many warnings", warnings: 1234, wantWarns: catalog.MaxListDiagnostics + 1,
			wantSummaryFragments: []string{"And 1,214 more warnings in names"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			e := NewElementDiagnostics(path.Root("names"), "names", &diags)
			for i := range tt.errors {
				e.AddError(i, "Bad", "bad")
			}
			for i := range tt.warnings {
				e.AddWarning(i, "Odd", "odd")
			}
			e.Close()
			if diags.ErrorsCount() != tt.wantErrs || diags.WarningsCount() != tt.wantWarns {
				t.Fatalf("%d errors, %d warnings; want %d, %d", diags.ErrorsCount(), diags.WarningsCount(), tt.wantErrs, tt.wantWarns)
			}
			for _, want := range tt.wantSummaryFragments {
				if !strings.Contains(diags[len(diags)-1].Summary(), want) {
					t.Fatalf("last summary %q, want %q", diags[len(diags)-1].Summary(), want)
				}
			}
		})
	}
}
