package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

func TestPermissionNameFunction(t *testing.T) {
	t.Parallel()
	runFunctionCases(t, []functionCase{
		{"known id", `provider::cfperms::permission_name("` + idDNSWrite + `")`, knownvalue.StringExact("DNS Write"), ""},
		{"upper-case id", `provider::cfperms::permission_name("` + strings.ToUpper(idDNSWrite) + `")`, nil, `Write\s+"` + idDNSWrite + `"`},
		{"a name, not an id", `provider::cfperms::permission_name("DNS Write")`, nil, `"DNS Write" is not a permission group id`},
		{"unknown id", `provider::cfperms::permission_name("` + catalogtest.UnknownID + `")`, nil, `(?s)not a permission group id in this catalog.*` + catalogtest.AsOfPattern()},
		{"null", `provider::cfperms::permission_name(null)`, nil, `(?i)argument must not be null`},
	})
}
