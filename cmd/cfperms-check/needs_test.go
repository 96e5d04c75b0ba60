package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

// TestNeeds runs the needs subcommand on the committed needs scenario
// (internal/tokencheck's TestNeedsScenario writes it through the CLI).
func TestNeeds(t *testing.T) {
	t.Parallel()
	plan := fixture("needs-plan.json")
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	policies := filepath.Join(t.TempDir(), "policies.json")
	writeJSON(t, policies, []any{map[string]any{"effect": "allow", "permission_groups": []any{map[string]any{"id": dnsWrite}}, "resources": map[string]any{}}})
	named := filepath.Join(t.TempDir(), "named.json")
	writeJSON(t, named, []any{map[string]any{"effect": "allow", "permission_groups": []any{map[string]any{"id": catalogtest.Name(dnsWrite)}}, "resources": map[string]any{}}})
	empty := filepath.Join(t.TempDir(), "empty-plan.json")
	writeJSON(t, empty, map[string]any{"format_version": "1.2", "planned_values": map[string]any{"root_module": map[string]any{}},
		"resource_changes": []any{map[string]any{"address": "terraform_data.x", "mode": "managed", "type": "terraform_data", "name": "x", "change": map[string]any{"actions": []string{"create"}}}}})
	apiToken := filepath.Join(t.TempDir(), "token.json")
	writeJSON(t, apiToken, map[string]any{"result": map[string]any{"id": "x", "policies": []any{}}})
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stdout string // regular expression
		stderr string // regular expression
	}{
		{name: "text", args: []string{plan}, status: exitClean,
			stdout: `(?s)^This plan needs \d+ permission groups for its 11 Cloudflare resources and data sources:\n  account .*` + dnsWrite + `  for cloudflare_dns_record\.old, cloudflare_dns_record\.www\n.*cloudflare_ruleset: warning: no permission group can be named for cloudflare_ruleset\.waf: .*Worked out from .*snapshot of ` + catalogtest.AsOfPattern()},
		{name: "json is exactly groups and unknown", args: []string{"-format", "json", plan}, status: exitClean, stdout: `^\{\n  "groups": \[\n    \{\n      "id": "[0-9a-f]{32}",\n      "name": "[^"]+",\n      "scope": "account",\n      "for": \[`},
		{name: "hcl", args: []string{plan, "-format", "hcl"}, status: exitClean, stdout: `(?s)data "cfperms_token_policy" "needs_zone" \{\n  permissions = \[\n.*"com\.cloudflare\.api\.account\.zone\.` + tokenchecktest.NeedsZone + `" = "\*"`},
		{name: "a token that lacks groups", args: []string{"-token", tokenchecktest.NeedsToken, "-format", "github", plan}, status: exitFindings,
			stdout: `(?m)^::error title=cfperms%3A Token lacks [^:]+::cloudflare_api_token\.ci: the token lacks .*\n(?s:.*)^::warning title=cfperms%3A Token grants more than the plan needs::`},
		{name: "token policies from a file", args: []string{"-token-policies", policies, plan}, status: exitFindings, stdout: `(?m)^` + regexp.QuoteMeta(policies) + `: error: the token lacks `},
		{name: "a token as the API returns it", args: []string{"-token-policies", apiToken, "-format", "json", plan}, status: exitFindings, stdout: `"missing": \[`},
		{name: "hcl with a token says why it fails", args: []string{"-token", tokenchecktest.NeedsToken, "-format", "hcl", plan}, status: exitFindings,
			stdout: `data "cfperms_token_policy"`, stderr: `(?m)^cloudflare_api_token\.ci: error: the token lacks `},
		{name: "a token known only after apply may lack groups", args: []string{"-token", tokenchecktest.NeedsToken, partlyKnownTokenPlan(t, plan)}, status: exitClean,
			stdout: `(?m)^cloudflare_api_token\.ci: warning: part of the token's policies is known only after apply(?s:.*)^cloudflare_api_token\.ci: warning: the token lacks `},
		{name: "an account token is not told to add a user group", args: []string{"-token", `module.ci.module.deploy.cloudflare_account_token.deploy["a"]`, fixture("v4-plan.json")}, status: exitFindings,
			stdout: `(?m)error: the token lacks [^\n]+ \(user\), [^\n]+an account-owned token cannot hold user permission groups: apply those resources with a user-owned token`},
		{name: "a name where an id belongs", args: []string{"-token-policies", named, plan}, status: exitFindings,
			stdout: `(?m): error: the token's policies hold "` + regexp.QuoteMeta(catalogtest.Name(dnsWrite)) + `", a permission group's name, where Cloudflare takes only ids: write ` + dnsWrite},
		{name: "hcl for a plan without Cloudflare resources says so", args: []string{"-format", "hcl", empty}, status: exitClean,
			stdout: `(?m)^# No resources of the Cloudflare provider in this plan: it needs no permission group\.$`},
		{name: "a token address without its instance key", args: []string{"-token", "module.ci.module.deploy.cloudflare_account_token.deploy", fixture("v4-plan.json")}, status: exitBadInput,
			stderr: `names 2 tokens \(count or for_each\): give one instance, such as module\.ci\.module\.deploy\.cloudflare_account_token\.deploy\["a"\], module\.ci\.module\.deploy\.cloudflare_account_token\.deploy\["b"\]`},
		{name: "no such token", args: []string{"-token", "cloudflare_api_token.nope", plan}, status: exitBadInput, stderr: `-token cloudflare_api_token\.nope is not a token of this plan; its tokens are cloudflare_api_token\.ci`},
		{name: "both", args: []string{"-token", "a", "-token-policies", "b", plan}, status: exitBadInput, stderr: `give one`},
		{name: "a format in capitals", args: []string{"-format", "JSON", plan}, status: exitClean, stdout: `^\{\n  "groups": \[`},
		{name: "bad format", args: []string{"-format", "yaml", plan}, status: exitBadInput, stderr: `-format "yaml" is not one of text, json, hcl, github`},
		{name: "not a plan", args: []string{fixture("bad/human-plan.txt")}, status: exitBadInput, stderr: `is not JSON`},
		{name: "state", args: []string{fixture("needs-state.json")}, status: exitClean, stdout: `^This state needs \d+ permission groups for its 8 Cloudflare resources and data sources:\n`},
		{name: "help", args: []string{"needs", "-h"}, status: exitClean, stderr: `Usage: cfperms-check needs`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := tc.args
			if args[0] != "needs" {
				args = append([]string{"needs"}, args...)
			}
			r := runWith(t, nil, nil, args...)
			if r.status != tc.status || !regexp.MustCompile(tc.stdout).MatchString(r.stdout) || !regexp.MustCompile(tc.stderr).MatchString(r.stderr) {
				t.Errorf("status %d, stdout:\n%s\nstderr:\n%s\nwant status %d, stdout matching %s, stderr matching %s", r.status, r.stdout, r.stderr, tc.status, tc.stdout, tc.stderr)
			}
		})
	}
}

// partlyKnownTokenPlan is plan with the token's policies known only after
// apply, as a plan that rewrites them from another resource has them.
func partlyKnownTokenPlan(t *testing.T, plan string) string {
	t.Helper()
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	var changes []map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc["resource_changes"], &changes); err != nil {
		t.Fatal(err)
	}
	for _, rc := range changes {
		if rc["address"] == tokenchecktest.NeedsToken {
			after := map[string]any{"name": "ci"}
			rc["change"] = map[string]any{"actions": []string{"update"}, "before": after, "after": after, "after_unknown": map[string]any{"policies": true}}
		}
	}
	if doc["resource_changes"], err = json.Marshal(changes); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "plan.json")
	writeJSON(t, out, doc)
	return out
}

func writeJSON(t *testing.T, file string, v any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestNeedsJSONShape: the json format has exactly the documented fields.
func TestNeedsJSONShape(t *testing.T) {
	t.Parallel()
	r := runWith(t, nil, nil, "needs", "-format", "json", fixture("needs-plan.json"))
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return strings.Join(sortStrings(out), ",")
	}
	if len(doc) != 2 || keys(doc["groups"][0]) != "for,id,name,scope" || keys(doc["unknown"][0]) != "addresses,type" {
		t.Errorf("json shape:\n%s", r.stdout)
	}
}

func sortStrings(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}
