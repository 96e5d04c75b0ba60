package tokencheck_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

// policyCodes reads every FindingCode constant of the catalog's source, so a
// code added there without a case here fails this test.
func policyCodes(t *testing.T) []catalog.FindingCode {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "../catalog/finding.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var codes []catalog.FindingCode
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || spec.Type == nil {
			return true
		}
		if ident, ok := spec.Type.(*ast.Ident); ok && ident.Name == "FindingCode" {
			for _, v := range spec.Values {
				if lit, ok := v.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					codes = append(codes, catalog.FindingCode(s))
				}
			}
		}
		return true
	})
	if len(codes) < 10 {
		t.Fatalf("found only %d finding codes in finding.go", len(codes))
	}
	return codes
}

// The shared cases make what they say, and together every kind of finding
// CheckPolicy has: the adapters' tests rely on it.
func TestCasesCoverEveryFinding(t *testing.T) {
	t.Parallel()
	seen := map[catalog.FindingCode]bool{}
	for _, tc := range tokenchecktest.Cases() {
		got := map[catalog.FindingCode]bool{}
		for _, f := range catalog.Default().CheckTokenPolicies(tc.Policies, tc.Kind) {
			got[f.Code], seen[f.Code] = true, true
		}
		for _, code := range tc.Codes {
			if !got[code] {
				t.Errorf("case %s makes no %s finding (it makes %v)", tc.Name, code, got)
			}
		}
		if len(tc.Codes) == 0 && len(got) > 0 {
			t.Errorf("case %s should be clean, makes %v", tc.Name, got)
		}
	}
	for _, code := range policyCodes(t) {
		// A token takes ids: a name that is not the API name is the token
		// check's name_not_id finding alone.
		if !seen[code] && code != catalog.FindingNotAPIName {
			t.Errorf("no case makes a %s finding", code)
		}
	}
}
