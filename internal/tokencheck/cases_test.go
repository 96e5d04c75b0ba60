package tokencheck_test

import (
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

// The shared cases make what they say, and together every kind of finding
// CheckPolicy has: the adapters' tests rely on it.
func TestCasesCoverEveryFinding(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, tc := range tokenchecktest.Cases() {
		got := map[string]bool{}
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
	for _, code := range tokenchecktest.PolicyCodes {
		if !seen[code] {
			t.Errorf("no case makes a %s finding", code)
		}
	}
}
