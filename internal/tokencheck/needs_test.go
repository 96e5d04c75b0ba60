package tokencheck_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

// need is an expected group, by scope and name through the resolver (so a
// rename changes nothing here), and the addresses that need it.
type need struct {
	scope, name string
	for_        []string
}

func needLines(t *testing.T, r needs.Result) string {
	t.Helper()
	var lines []string
	for _, n := range r.Groups {
		lines = append(lines, n.Group.ID+" "+strings.Join(n.For, ","))
	}
	for _, u := range r.Unknown {
		lines = append(lines, "unknown "+u.Type+" "+strings.Join(u.Addresses, ","))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func expectedLines(groups []need, unknown map[string][]string) string {
	var lines []string
	for _, n := range groups {
		lines = append(lines, catalogtest.ID(n.scope, n.name)+" "+strings.Join(n.for_, ","))
	}
	for typ, addresses := range unknown {
		lines = append(lines, "unknown "+typ+" "+strings.Join(addresses, ","))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// The unknown types are the same in the state and the plan: a type with no
// accepted permissions, and one whose only groups are at account level used
// at zone level.
var needsUnknown = map[string][]string{
	"cloudflare_access_rule": {"cloudflare_access_rule.zone_level"},
	"cloudflare_ruleset":     {"cloudflare_ruleset.waf"},
}

// The plan updates www, deletes old, replaces api (its name), creates new,
// reads data.cloudflare_zone.main while planning and defers
// data.cloudflare_account.later to apply; the rest stay (a refresh).
var planNeeds = []need{
	{"zone", "DNS Write", []string{"cloudflare_dns_record.old", "cloudflare_dns_record.www"}},
	{"zone", "Page Rules Write", []string{"cloudflare_page_rule.new"}},
	{"zone", "Zone Read", []string{"data.cloudflare_zone.main"}},
	{"zone", "Zone Settings Read", []string{"cloudflare_zone_setting.tls"}},
	{"account", "Workers Scripts Write", []string{"cloudflare_workers_script.api"}},
	{"account", "Account Firewall Access Rules Read", []string{"cloudflare_access_rule.account_level"}},
	{"account", "Account Settings Read", []string{"data.cloudflare_account.later"}},
	{"user", "API Tokens Read", []string{"cloudflare_api_token.ci"}},
}

// A state is refreshed: everything reads.
var stateNeeds = []need{
	{"zone", "DNS Read", []string{"cloudflare_dns_record.old", "cloudflare_dns_record.www"}},
	{"zone", "Zone Settings Read", []string{"cloudflare_zone_setting.tls"}},
	{"account", "Workers Scripts Read", []string{"cloudflare_workers_script.api"}},
	{"account", "Account Firewall Access Rules Read", []string{"cloudflare_access_rule.account_level"}},
	{"user", "API Tokens Read", []string{"cloudflare_api_token.ci"}},
}

func computeNeeds(t *testing.T, data []byte) (tokencheck.Changes, needs.Result) {
	t.Helper()
	changes, err := tokencheck.ReadChanges(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return changes, needs.Default().Compute(catalog.Default(), changes.Changes)
}

func expectNeeds(t *testing.T, data []byte, kind string, want []need) {
	t.Helper()
	changes, r := computeNeeds(t, data)
	if changes.Kind != kind {
		t.Errorf("read as a %s, want a %s", changes.Kind, kind)
	}
	if got, want := needLines(t, r), expectedLines(want, needsUnknown); got != want {
		t.Errorf("%s needs:\n%s\nwant:\n%s", kind, got, want)
	}
}

// TestNeedsScenario runs the needs scenario through the CLI.
func TestNeedsScenario(t *testing.T) {
	t.Parallel()
	state, plan := tokenchecktest.RunNeedsScenario(t)
	expectNeeds(t, state, "state", stateNeeds)
	expectNeeds(t, plan, "plan", planNeeds)
	if *update {
		writeFixture(t, "needs-state.json", state)
		writeFixture(t, "needs-plan.json", plan)
	}
}

// TestNeedsFixtures checks the committed JSON of the scenario, no CLI needed.
func TestNeedsFixtures(t *testing.T) {
	t.Parallel()
	for kind, want := range map[string][]need{"state": stateNeeds, "plan": planNeeds} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			expectNeeds(t, readFixture(t, "needs-"+kind+".json"), kind, want)
		})
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestNeedsCompare compares the scenario's token with its plan: it lacks
// every group but Page Rules Write, and its DNS Read meets no need (the
// plan writes DNS records).
func TestNeedsCompare(t *testing.T) {
	t.Parallel()
	changes, r := computeNeeds(t, readFixture(t, "needs-plan.json"))
	var policies any
	for _, tok := range changes.Tokens {
		if tok.Address == tokenchecktest.NeedsToken {
			policies = tok.Policies
		}
	}
	granted, complete := catalog.AllowedGroupIDs(policies)
	cmp := needs.Compare(catalog.Default(), r, granted, complete)
	if !complete {
		t.Error("the token's policies are all known, but the comparison says they are not")
	}
	var missing []string
	for _, n := range cmp.Missing {
		missing = append(missing, n.Group.ID)
	}
	var want []string
	for _, n := range planNeeds {
		if n.name != "Page Rules Write" {
			want = append(want, catalogtest.ID(n.scope, n.name))
		}
	}
	sort.Strings(missing)
	sort.Strings(want)
	if fmt.Sprint(missing) != fmt.Sprint(want) {
		t.Errorf("missing %v, want %v", missing, want)
	}
	if len(cmp.Unused) != 1 || cmp.Unused[0].ID != catalogtest.ID("zone", "DNS Read") {
		t.Errorf("unused %v, want DNS Read alone", cmp.Unused)
	}
}

// TestNeedsHCLKeysEveryZone: a zone the plan knows only after apply gets a
// variable key beside the zones it knows, never left out (its records would
// get a 403 at apply).
func TestNeedsHCLKeysEveryZone(t *testing.T) {
	t.Parallel()
	const known = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	c, table := catalog.Default(), needs.Default()
	changes := []needs.Change{
		{Address: "cloudflare_dns_record.known", Type: "cloudflare_dns_record", Kind: needs.KindResource, Access: needs.AccessWrite, SetsZoneID: true, ZoneID: known},
		{Address: "cloudflare_dns_record.later", Type: "cloudflare_dns_record", Kind: needs.KindResource, Access: needs.AccessWrite, SetsZoneID: true},
	}
	report := tokencheck.NeedsReport{Input: "plan", Provider: table.ProviderVersion(), Result: table.Compute(c, changes)}
	var out strings.Builder
	if err := tokencheck.WriteNeeds(&out, report, "hcl"); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"com.cloudflare.api.account.zone.` + known + `"`, `"com.cloudflare.api.account.zone.${var.zone_id}"`, `variable "zone_id"`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("no %s in:\n%s", key, out.String())
		}
	}
}
