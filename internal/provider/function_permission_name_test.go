package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

func TestPermissionNameFunction(t *testing.T) {
	t.Parallel()
	runFunctionCases(t, []functionCase{
		{"known id", `provider::cfperms::permission_name("` + idDNSWrite + `")`, knownvalue.StringExact("DNS Write"), ""},
		{"upper-case id", `provider::cfperms::permission_name("4755A26EEDB94DA69E1066D98AA820BE")`, nil, `Write\s+"4755a26eedb94da69e1066d98aa820be"`},
		{"a name, not an id", `provider::cfperms::permission_name("DNS Write")`, nil, `"DNS Write" is not a permission group id`},
		{"unknown id", `provider::cfperms::permission_name("0123456789abcdef0123456789abcdef")`, nil, `(?s)not a permission group id in this catalog.*2026-01-27`},
		{"null", `provider::cfperms::permission_name(null)`, nil, `(?i)argument must not be null`},
	})
}
