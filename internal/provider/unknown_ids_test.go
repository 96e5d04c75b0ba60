package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

// One rule for ids the catalog lacks, in every function: a well-formed one
// passes (a function cannot warn), one within two edits of a known id fails
// naming that id. permission_name, whose whole answer is the name, is the
// one function that cannot pass an unknown id through.
func TestFunctionsUnknownIDs(t *testing.T) {
	t.Parallel()
	const newer = "0123456789abcdef0123456789abcdef"
	mistyped := idDNSWrite[:31] + "0"
	if mistyped == idDNSWrite {
		mistyped = idDNSWrite[:31] + "1"
	}
	didYouMean := `Did you mean\s+"` + idDNSWrite + `"\s+\(the\s+zone\s+permission\s+group\s+"DNS\s+Write"\)\?`
	runFunctionCases(t, []functionCase{
		{"permission_id passes", `provider::cfperms::permission_id("` + newer + `")`, knownvalue.StringExact(newer), ""},
		{"permission_ids passes", `provider::cfperms::permission_ids(["DNS Write", "` + newer + `"], "zone")`,
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(newer)}), ""},
		{"permission_group passes with only the id", `provider::cfperms::permission_group("` + newer + `")`, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(newer), "api_name": knownvalue.Null(), "scope": knownvalue.Null(), "scope_key": knownvalue.Null(), "access": knownvalue.Null(), "category": knownvalue.Null(),
		}), ""},
		{"permission_exists says true", `provider::cfperms::permission_exists("` + newer + `")`, knownvalue.Bool(true), ""},
		{"permission_id fails on a mistyped id", `provider::cfperms::permission_id("` + mistyped + `")`, nil, didYouMean},
		{"permission_ids fails on a mistyped id", `provider::cfperms::permission_ids(["` + mistyped + `"])`, nil, `(?s)names\[0\]:.*` + didYouMean},
		{"permission_exists says false to a mistyped id", `provider::cfperms::permission_exists("` + mistyped + `")`, knownvalue.Bool(false), ""},
		{"permission_name fails on a mistyped id", `provider::cfperms::permission_name("` + mistyped + `")`, nil, didYouMean},
		{"permission_name cannot name an unknown id", `provider::cfperms::permission_name("` + newer + `")`, nil, `not\s+a\s+permission\s+group\s+id\s+in\s+this\s+catalog`},
	})
}
