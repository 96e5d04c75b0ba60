package tokenchecktest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// The scenario is one configuration written in each shape: tokens in the
// root module and two modules deep (with for_each), clean ones and ones with
// mistakes, a token the plan destroys, a deposed token left by a failed
// create_before_destroy replacement, and tokens with values known only
// after apply. Its plan and state are the committed fixtures, and tests run
// it through the CLI again.

const (
	scenarioAccount = "1234567890abcdef1234567890abcdef"
	scenarioZone    = "fedcba9876543210fedcba9876543210"
	allZones        = "com.cloudflare.api.account.zone.*"
)

// policy is one policy of the scenario: ids and resource keys are HCL
// expressions, so they can be references known only after apply.
type policy struct {
	effect string
	ids    []string
	// resources maps a key expression to "*" or, in the account-nested
	// form, to zone keys.
	resources []resourceKey
}

type resourceKey struct {
	key    string
	nested []string
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }

func star(key string) resourceKey { return resourceKey{key: quoted(key)} }

// hcl writes the policies of a token in the shape.
func hcl(shape Shape, policies []policy) string {
	var b strings.Builder
	if shape != V4 {
		b.WriteString("  policies = [\n")
	}
	for _, p := range policies {
		if shape == V4 {
			fmt.Fprintf(&b, "  policy {\n    effect            = %q\n    permission_groups = [%s]\n    resources         = %s\n  }\n",
				p.effect, strings.Join(p.ids, ", "), resourcesHCL(shape, p.resources))
			continue
		}
		ids := make([]string, len(p.ids))
		for i, id := range p.ids {
			ids[i] = "{ id = " + id + " }"
		}
		fmt.Fprintf(&b, "    {\n      effect            = %q\n      permission_groups = [%s]\n      resources         = %s\n    },\n",
			p.effect, strings.Join(ids, ", "), resourcesHCL(shape, p.resources))
	}
	if shape != V4 {
		b.WriteString("  ]\n")
	}
	return b.String()
}

// resourcesHCL is a map for v4 and v5 before 5.13, and jsonencode of the
// map from 5.13 (the only shape that can hold the account-nested form).
func resourcesHCL(shape Shape, resources []resourceKey) string {
	entries := make([]string, len(resources))
	for i, r := range resources {
		value := `"*"`
		if r.nested != nil {
			zones := make([]string, len(r.nested))
			for j, z := range r.nested {
				zones[j] = fmt.Sprintf("%q = \"*\"", z)
			}
			value = "{ " + strings.Join(zones, ", ") + " }"
		}
		entries[i] = fmt.Sprintf("(%s) = %s", r.key, value)
	}
	m := "{ " + strings.Join(entries, ", ") + " }"
	if shape == V5JSON {
		return "jsonencode(" + m + ")"
	}
	return m
}

func tokenHCL(shape Shape, typ, name, extra string, policies []policy) string {
	return fmt.Sprintf("resource %q %q {\n%s  name = %q\n%s}\n\n", typ, name, extra, name, hcl(shape, policies))
}

// ids of the scenario, from the catalog.
type ids struct{ dnsWrite, dnsRead, scripts, membership string }

func scenarioIDs() ids {
	return ids{
		dnsWrite:   catalogtest.ID("zone", "DNS Write"),
		dnsRead:    catalogtest.ID("zone", "DNS Read"),
		scripts:    catalogtest.ID("account", "Workers Scripts Write"),
		membership: catalogtest.ID("user", "Memberships Read"),
	}
}

func rootTokens(shape Shape, stage int) string {
	id := scenarioIDs()
	zones := []resourceKey{star(allZones)}
	out := tokenHCL(shape, "cloudflare_api_token", "keep", "", []policy{{effect: "allow", ids: []string{quoted(id.dnsWrite)}, resources: zones}})
	out += tokenHCL(shape, "cloudflare_api_token", "doomed"+StuckSuffix, "  lifecycle {\n    create_before_destroy = true\n  }\n",
		[]policy{{effect: "allow", ids: []string{quoted(id.dnsRead)}, resources: zones}})
	if stage == 1 {
		return out + tokenHCL(shape, "cloudflare_api_token", "removed", "",
			[]policy{{effect: "allow", ids: []string{quoted(id.scripts)}, resources: []resourceKey{star("com.cloudflare.api.account." + scenarioAccount)}}})
	}
	out += tokenHCL(shape, "cloudflare_api_token", "seed", "", []policy{{effect: "allow", ids: []string{quoted(id.dnsRead)}, resources: zones}})
	out += tokenHCL(shape, "cloudflare_api_token", "fresh", "", []policy{
		{effect: "allow", ids: []string{quoted(id.dnsWrite), "cloudflare_api_token.seed.id"}, resources: zones},
		{effect: "allow", ids: []string{quoted(id.membership)}, resources: []resourceKey{{key: `"com.cloudflare.api.account.zone.${cloudflare_api_token.seed.id}"`}}},
	})
	return out + tokenHCL(shape, "cloudflare_api_token", "typo", "", []policy{
		{effect: "allow", ids: []string{quoted(id.dnsWrite), quoted(catalogtest.NearID(id.dnsRead))}, resources: []resourceKey{star(allZones), star("com.cloudflare.api.zone.*")}},
		{effect: "permit", ids: []string{quoted(id.dnsWrite)}, resources: zones},
		{effect: "allow", ids: []string{quoted("DNS Write")}, resources: zones},
	})
}

func ciTokens(shape Shape) string {
	id := scenarioIDs()
	return "module \"deploy\" {\n  source = \"../deploy\"\n}\n\n" + tokenHCL(shape, "cloudflare_api_token", "ci", "", []policy{
		{effect: "allow", ids: []string{quoted(id.dnsWrite), quoted(catalogtest.UnknownID), quoted(id.dnsWrite)}, resources: []resourceKey{star(allZones)}},
		{effect: "deny", ids: []string{quoted(id.membership)}, resources: []resourceKey{star("com.cloudflare.api.account.zone." + scenarioZone)}},
	})
}

// deployTokens holds the account-nested form, which only resources as a JSON
// string (v5 from 5.13) can express, in the v5-json shape only.
func deployTokens(shape Shape) string {
	id := scenarioIDs()
	account := "com.cloudflare.api.account." + scenarioAccount
	policies := []policy{
		{effect: "allow", ids: []string{quoted(id.membership), quoted(id.scripts)}, resources: []resourceKey{star(account)}},
		{effect: "allow", ids: []string{quoted(id.scripts)}, resources: []resourceKey{star(account), star(allZones)}},
	}
	if shape == V5JSON {
		policies = append(policies, policy{effect: "allow", ids: []string{quoted(id.dnsWrite)}, resources: []resourceKey{{key: quoted(account), nested: []string{allZones}}}})
	}
	return tokenHCL(shape, "cloudflare_account_token", "deploy", "  for_each   = toset([\"a\", \"b\"])\n  account_id = \""+scenarioAccount+"\"\n", policies)
}

// RunScenario applies the first stage of the scenario (a failed replacement
// leaves a deposed token), then plans the second. It returns terraform show
// -json of the state between them and of the plan.
func RunScenario(t *testing.T, shape Shape) (state, plan []byte) {
	t.Helper()
	w := NewWorkspace(t, shape)
	w.Write("main.tf", Header+"module \"ci\" {\n  source = \"./modules/ci\"\n}\n\n"+rootTokens(shape, 1))
	w.Write("modules/ci/main.tf", Header+ciTokens(shape))
	w.Write("modules/deploy/main.tf", Header+deployTokens(shape))
	w.Init()
	w.Apply(false)
	w.Apply(true, "-replace=cloudflare_api_token.doomed"+StuckSuffix)
	state = w.StateJSON()
	w.Write("main.tf", Header+"module \"ci\" {\n  source = \"./modules/ci\"\n}\n\n"+rootTokens(shape, 2))
	return state, w.PlanJSON()
}

// Lines are findings as "location severity code subject", sorted: what the
// scenario's expectations are written in. Messages are tested elsewhere.
func Lines(findings []string) string {
	sort.Strings(findings)
	return strings.Join(findings, "\n")
}

// v4Index is a policy's index in a v4 token, whose policy blocks are a set.
var v4Index = regexp.MustCompile(`\.policy\[\d+\]`)

// Unordered drops what Terraform does not keep in order from a finding's
// location: v4 policy blocks are a set, listed in an order of Terraform's
// choosing, so only the policy's presence is compared.
func Unordered(shape Shape, location string) string {
	if shape != V4 {
		return location
	}
	return v4Index.ReplaceAllString(location, ".policy[?]")
}

// ScenarioExpected is what checking the scenario's state or plan finds, in
// the form of Lines. attr is "policy" for V4 and "policies" otherwise.
func ScenarioExpected(shape Shape, input string) string {
	id := scenarioIDs()
	attr := "policies"
	if shape == V4 {
		attr = "policy"
	}
	at := func(address string, policy int) string {
		return Unordered(shape, fmt.Sprintf("%s.%s[%d]", address, attr, policy))
	}
	var lines []string
	add := func(location string, severity catalog.Severity, code catalog.FindingCode, subject string) {
		lines = append(lines, fmt.Sprintf("%s %s %s %s", location, severity, code, subject))
	}
	const ci = "module.ci.cloudflare_api_token.ci"
	add(at(ci, 0), catalog.SeverityWarning, catalog.FindingUnknownID, catalogtest.UnknownID)
	if shape != V4 { // v4's permission_groups is a set: no duplicates
		add(at(ci, 0), catalog.SeverityWarning, "duplicate_permission", id.dnsWrite)
	}
	add(at(ci, 1), catalog.SeverityError, "scope_not_covered", id.membership)
	add(at(ci, 1), catalog.SeverityWarning, "unused_resource", "com.cloudflare.api.account.zone."+scenarioZone)
	for _, key := range []string{"a", "b"} {
		deploy := fmt.Sprintf("module.ci.module.deploy.cloudflare_account_token.deploy[%q]", key)
		add(at(deploy, 0), catalog.SeverityError, "user_in_account_token", id.membership)
		add(at(deploy, 1), catalog.SeverityWarning, "unused_resource", allZones)
	}
	add("cloudflare_api_token.doomed"+StuckSuffix, catalog.SeveritySkipped, "not_checked", "")
	if input == "state" {
		return Lines(lines)
	}
	add("cloudflare_api_token.removed", catalog.SeveritySkipped, "not_checked", "")
	add(at("cloudflare_api_token.fresh", 0), catalog.SeveritySkipped, catalog.FindingUnknownValue, "")
	add(at("cloudflare_api_token.fresh", 1), catalog.SeveritySkipped, catalog.FindingUnknownValue, "")
	add(at("cloudflare_api_token.typo", 0), catalog.SeverityError, "malformed_resource", "com.cloudflare.api.zone.*")
	severity, code := nearMiss(id.dnsRead)
	add(at("cloudflare_api_token.typo", 0), severity, catalog.FindingCode(code), catalogtest.NearID(id.dnsRead))
	add(at("cloudflare_api_token.typo", 1), catalog.SeverityError, "effect", "")
	add(at("cloudflare_api_token.typo", 2), catalog.SeverityError, catalog.FindingNameNotID, "DNS Write")
	return Lines(lines)
}

// nearMiss is how CheckPolicy rates an id one edit from a known one: the
// scenario follows CheckPolicy's rule rather than restating it.
func nearMiss(id string) (catalog.Severity, string) {
	res := catalog.Default().CheckPolicy(catalog.Policy{Effect: "allow", Permissions: []string{catalogtest.NearID(id)}, Resources: []catalog.Resource{{Key: allZones, Value: "*"}}})
	for _, f := range res.Findings {
		if f.Permission == 0 {
			return f.Severity, string(f.Code)
		}
	}
	return "", ""
}
