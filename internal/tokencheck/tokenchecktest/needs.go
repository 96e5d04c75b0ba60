package tokenchecktest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// The needs scenario: Cloudflare resources applied, then changed so that
// the plan creates, updates, deletes and replaces some, leaves others as
// they are (a refresh), reads a data source while planning and defers
// another to apply; an account resource, zone resources, a type that works
// at both levels at each, a type without accepted permissions, and a token
// (cloudflare_api_token.ci) that lacks groups and grants one nothing uses.

// NeedsAccount and NeedsZone are the scenario's resource keys.
const (
	NeedsAccount = scenarioAccount
	NeedsZone    = scenarioZone
)

// NeedsToken is the token of the scenario the tests compare with.
const NeedsToken = "cloudflare_api_token.ci"

func needsConfig(stage int) string {
	var b strings.Builder
	b.WriteString(Header)
	res := func(typ, name, level, attrs string) {
		id := map[string]string{"account": NeedsAccount, "zone": NeedsZone}[level]
		fmt.Fprintf(&b, "resource %q %q {\n  %s_id = %q\n%s}\n\n", typ, name, level, id, attrs)
	}
	content := map[int]string{1: "one", 2: "two"}[stage]
	res("cloudflare_dns_record", "www", "zone", fmt.Sprintf("  name = \"www\"\n  content = %q\n", content))
	if stage == 1 {
		res("cloudflare_dns_record", "old", "zone", "  name = \"old\"\n")
	} else {
		res("cloudflare_page_rule", "new", "zone", "  name = \"new\"\n")
		b.WriteString("data \"cloudflare_zone\" \"main\" {\n  zone_id = \"" + NeedsZone + "\"\n}\n\n")
		b.WriteString("data \"cloudflare_account\" \"later\" {\n  account_id = cloudflare_workers_script.api.id\n}\n\n")
	}
	res("cloudflare_workers_script", "api", "account", fmt.Sprintf("  name = \"api-%d\"\n", stage))
	res("cloudflare_access_rule", "account_level", "account", "  name = \"block\"\n")
	res("cloudflare_access_rule", "zone_level", "zone", "  name = \"block\"\n")
	res("cloudflare_ruleset", "waf", "zone", "  name = \"waf\"\n")
	res("cloudflare_zone_setting", "tls", "zone", "  name = \"min_tls_version\"\n")
	ids := []string{quoted(catalogtest.ID("zone", "DNS Read")), quoted(catalogtest.ID("zone", "Page Rules Write"))}
	b.WriteString(tokenHCL(V5Map, "cloudflare_api_token", "ci", "", []policy{{effect: "allow", ids: ids, resources: []resourceKey{star(allZones)}}}))
	return b.String()
}

// RunNeedsScenario applies the first stage and plans the second; it
// returns terraform show -json of the state between them and of the plan.
func RunNeedsScenario(t *testing.T) (state, plan []byte) {
	t.Helper()
	w := NewWorkspace(t, V5Map)
	w.Write("main.tf", needsConfig(1))
	w.Init()
	w.Apply(false)
	state = w.StateJSON()
	w.Write("main.tf", needsConfig(2))
	return state, w.PlanJSON()
}
