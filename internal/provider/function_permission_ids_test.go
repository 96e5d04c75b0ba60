package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

func TestPermissionIDsFunction(t *testing.T) {
	t.Parallel()
	runFunctionCases(t, []functionCase{
		{"order and duplicates kept", `provider::cfperms::permission_ids(["DNS Write", "Zone > Zone > Read", "DNS Write"])`,
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idDNSWrite), knownvalue.StringExact(idZoneRead), knownvalue.StringExact(idDNSWrite)}), ""},
		{"scope argument", `provider::cfperms::permission_ids(["Logs Write", "DNS Write"], "zone")`,
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idZoneLogsWrite), knownvalue.StringExact(idDNSWrite)}), ""},
		{"empty list", `provider::cfperms::permission_ids([])`, knownvalue.ListExact([]knownvalue.Check{}), ""},
		{"every bad name at once", `provider::cfperms::permission_ids(["DNS Write", "Zone Raed", "Billing Read"], "zone")`, nil,
			`(?s)names\[1\]: "Zone Raed" is not a zone permission group.*names\[2\]: "Billing Read" is an account\s+permission`},
		{"null element", `provider::cfperms::permission_ids(["DNS Write", null])`, nil, `names\[1\] is null`},
		{"null list", `provider::cfperms::permission_ids(null)`, nil, `(?i)argument must not be null`},
		{"bad scope", `provider::cfperms::permission_ids(["DNS Write"], "zon")`, nil, `Did you mean\s+"zone"\?`},
	})
}
