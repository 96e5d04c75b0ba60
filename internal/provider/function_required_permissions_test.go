package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// needed is one element of required_permissions' result, by id and `for`.
func needed(id string, forTypes ...string) knownvalue.Check {
	list := make([]knownvalue.Check, len(forTypes))
	for i, t := range forTypes {
		list[i] = knownvalue.StringExact(t)
	}
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id), "for": knownvalue.ListExact(list)})
}

func TestRequiredPermissionsFunction(t *testing.T) {
	t.Parallel()
	id := catalogtest.ID
	runFunctionCases(t, []functionCase{
		{"resources write, data sources read, a read folded into its write, account first",
			`provider::cfperms::required_permissions(["cloudflare_dns_record", "data.cloudflare_dns_record", "cloudflare_workers_script", "data.cloudflare_zone"])`,
			knownvalue.ListExact([]knownvalue.Check{
				needed(id("account", "Workers Scripts Write"), "cloudflare_workers_script"),
				needed(id("zone", "DNS Write"), "cloudflare_dns_record", "data.cloudflare_dns_record"),
				needed(id("zone", "Zone Read"), "data.cloudflare_zone"),
			}), ""},
		{"read for a plan-only token", `provider::cfperms::required_permissions(["cloudflare_dns_record"], "read")`,
			knownvalue.ListExact([]knownvalue.Check{needed(id("zone", "DNS Read"), "cloudflare_dns_record")}), ""},
		{"a level after @", `provider::cfperms::required_permissions(["cloudflare_access_rule@account"])`,
			knownvalue.ListExact([]knownvalue.Check{needed(id("account", "Account Firewall Access Rules Write"), "cloudflare_access_rule@account")}), ""},
		{"empty list", `provider::cfperms::required_permissions([])`, knownvalue.ListExact([]knownvalue.Check{}), ""},
		{"the object has the group's fields", `provider::cfperms::required_permissions(["cloudflare_page_rule"])[0]`,
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(id("zone", "Page Rules Write")), "api_name": knownvalue.StringExact(catalogtest.Name(id("zone", "Page Rules Write"))),
				"scope": knownvalue.StringExact("zone"), "scope_key": knownvalue.StringExact("com.cloudflare.api.account.zone"),
				"access": knownvalue.StringExact("write"), "category": knownvalue.NotNull(),
				"for": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("cloudflare_page_rule")}),
			}), ""},
		{"every problem at once, in order", `provider::cfperms::required_permissions(["cloudflare_ruleset", "cloudflare_dns_recrod", null, "cloudflare_access_rule", "aws_instance"])`, nil,
			`(?s)types\[0\]: no permission group can be named for cloudflare_ruleset: the\s+Cloudflare\s+provider\s+lists\s+no\s+accepted\s+permissions.*` +
				`types\[1\]: "cloudflare_dns_recrod" is not a resource type of the Cloudflare provider v5\.\d+\.\d+\.\s+Did\s+you\s+mean\s+"cloudflare_dns_record"\?.*` +
				`types\[2\] is null: write`},
		{"spaces and capitals are read past", `provider::cfperms::required_permissions([" CLOUDFLARE_Page_Rule "])[0].for`,
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("cloudflare_page_rule")}), ""},
		{"a level is needed", `provider::cfperms::required_permissions(["cloudflare_logpush_job"])`, nil,
			`cloudflare_logpush_job works at account and at zone level: write\s+cloudflare_logpush_job@account\s+or\s+cloudflare_logpush_job@zone`},
		// Only the level a group can be named at is offered.
		{"a level is needed, one has a group", `provider::cfperms::required_permissions(["cloudflare_access_rule"])`, nil,
			`a group can be named only for\s+cloudflare_access_rule@account: write that`},
		{"a typo's answer ends in a statement", `provider::cfperms::required_permissions(["cloudflare_dns_recrod"])`, nil,
			`Did you mean\s+"cloudflare_dns_record"\? It is the nearest type the table has\.$`},
		{"a level where there is one", `provider::cfperms::required_permissions(["cloudflare_dns_record@zone"])`, nil, `works at zone level only: write it without @zone`},
		{"a data source typo", `provider::cfperms::required_permissions(["data.cloudflare_zonee"])`, nil, `Did you mean\s+"data\.cloudflare_zone"\?`},
		{"not a cloudflare type", `provider::cfperms::required_permissions(["aws_instance"])`, nil, `"aws_instance" is not a resource type of the Cloudflare provider`},
		{"bad access", `provider::cfperms::required_permissions(["cloudflare_dns_record"], "edit")`, nil, `access "edit" is neither "write"`},
		{"two access arguments", `provider::cfperms::required_permissions(["cloudflare_dns_record"], "read", "write")`, nil, `at most one access argument`},
		{"null list", `provider::cfperms::required_permissions(null)`, nil, `(?i)argument must not be null`},
	})
}
