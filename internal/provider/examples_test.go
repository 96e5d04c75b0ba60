package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// exampleFiles lists every example configuration: each data source's and
// function's, the demo and the provider block.
func exampleFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"data-sources/*/*.tf", "functions/*/*.tf", "demo/*.tf", "provider/*.tf"} {
		found, err := filepath.Glob(filepath.Join("..", "..", "examples", pattern))
		if err != nil || len(found) == 0 {
			t.Fatalf("no examples match %s: %v", pattern, err)
		}
		files = append(files, found...)
	}
	return files
}

// exampleName is an example's directory under examples/, as
// "functions/permission_id".
func exampleName(file string) string {
	dir := filepath.Dir(file)
	return filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir)
}

// TestExamples plans every example the docs show with the real provider
// binary, as a user would after copying it: no diagnostic but Terraform's
// notice about dev_overrides, every check block passing (a failing check is
// only a warning to Terraform), and every output equal to what the example
// promises: the value its comment shows, if any, and the value this test
// computes from the catalog. An output without an expectation fails, so a
// new output needs one.
func TestExamples(t *testing.T) {
	t.Parallel()
	rc := installedProvider(t)
	want := exampleOutputs()
	seen := map[string]bool{}
	for _, file := range exampleFiles(t) {
		name := exampleName(file)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			config := string(data)
			skipUnsupported(t, config)
			if !strings.Contains(config, "required_providers") {
				config = cliHeader + config
			}
			expected, ok := want[name]
			if !ok {
				t.Fatalf("no expected outputs for examples/%s: add them to exampleOutputs", name)
			}
			withCloudflare(t, config, func(t *testing.T, env []string) {
				checkExample(t, rc, config, expected, env)
			})
		})
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("exampleOutputs names examples/%s, which does not exist", name)
		}
	}
}

// checkExample validates and plans one example: no diagnostic but the
// dev_overrides notice, its check blocks passing, and its outputs as
// expected.
func checkExample(t *testing.T, rc, config string, expected map[string]any, env []string) {
	t.Helper()
	dir := writeConfig(t, config)
	validateInstalled(t, rc, dir, env...)
	run := planInstalled(t, rc, dir, env...)
	if d := unexpectedDiagnostics(run.diags); len(d) > 0 {
		t.Fatalf("planning the example reported:\n%s", describe(d))
	}
	expectChecksPass(t, run, strings.Count(config, "\ncheck \""))
	expectExampleOutputs(t, run, config, expected)
}

// expectExampleOutputs wants every output equal to what its comment shows
// and to what exampleOutputs computes, and no output without an expectation.
func expectExampleOutputs(t *testing.T, run plannedRun, config string, expected map[string]any) {
	t.Helper()
	for output, value := range commentedOutputs(t, config) {
		expectOutput(t, run, output+" (as its comment says)", output, value)
	}
	var names []string
	for output := range run.outputs {
		names = append(names, output)
	}
	slices.Sort(names)
	for _, output := range names {
		value, ok := expected[output]
		if !ok {
			t.Errorf("output %q has no expected value: add it to exampleOutputs", output)
			continue
		}
		expectOutput(t, run, output, output, value)
	}
	for output := range expected {
		if _, ok := run.outputs[output]; !ok {
			t.Errorf("the example has no output %q; update exampleOutputs", output)
		}
	}
}

// expectChecksPass wants every check block and variable validation
// Terraform evaluated to pass, and a result for every check block the
// configuration declares.
func expectChecksPass(t *testing.T, run plannedRun, declared int) {
	t.Helper()
	if run.checkBlocks != declared {
		t.Errorf("the plan reports %d check block results (%v); the configuration declares %d check blocks", run.checkBlocks, run.checks, declared)
	}
	for address, status := range run.checks {
		if status != "pass" {
			t.Errorf("%s: %s, want pass", address, status)
		}
	}
}

// expectOutput compares an output's planned value with want, as JSON.
func expectOutput(t *testing.T, run plannedRun, label, output string, want any) {
	t.Helper()
	raw, ok := run.outputs[output]
	if !ok {
		t.Errorf("no output %q", output)
		return
	}
	var got any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Errorf("output %q: %v", output, err)
		return
	}
	wantJSON, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var wantValue any
	if err := json.Unmarshal(wantJSON, &wantValue); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, wantValue) {
		t.Errorf("output %s = %s\nwant %s", label, raw, wantJSON)
	}
}

// commentedOutputs reads the values the examples promise in comments:
// an output whose value line ends with a JSON value as a comment, as in
// `value = data.cfperms_permission_group.dns_write.id # "4755a26e..."`.
// Comments that are prose are not promises and are left alone.
func commentedOutputs(t *testing.T, config string) map[string]any {
	t.Helper()
	out := map[string]any{}
	block := regexp.MustCompile(`(?ms)^output "([^"]+)" \{\n(.*?)^\}`)
	line := regexp.MustCompile(`(?m)^\s*value\s*=.*#\s*(.+)$`)
	for _, m := range block.FindAllStringSubmatch(config, -1) {
		c := line.FindStringSubmatch(m[2])
		if c == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(c[1]), &v) == nil {
			out[m[1]] = v
		}
	}
	return out
}

// exampleOutputs is what each example's outputs must be, computed from the
// catalog so that a refresh needs no edit here.
func exampleOutputs() map[string]map[string]any {
	c := catalog.Default()
	id := catalogtest.ID
	zoneReadOnly := len(c.List(catalog.Filter{ScopeKey: catalog.ScopeKeyZone, Access: catalog.AccessRead}))
	counts := map[string]int{}
	for key, n := range c.Counts() {
		counts[catalog.ShortScope(key)] = n
	}
	zoneStar := `{"com.cloudflare.api.account.zone.*":"*"}`
	dnsEditResources := `{"com.cloudflare.api.account.zone.fedcba9876543210fedcba9876543210":"*"}`
	groups := func(ids ...string) []map[string]string {
		out := make([]map[string]string, len(ids))
		for i, id := range ids {
			out[i] = map[string]string{"id": id}
		}
		return out
	}
	policy := func(resources string, ids ...string) map[string]any {
		return map[string]any{"effect": "allow", "permission_groups": groups(ids...), "resources": resources}
	}
	policyMap := func(resources string, ids ...string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal([]byte(resources), &m); err != nil {
			panic(err)
		}
		return map[string]any{"effect": "allow", "permission_groups": groups(ids...), "resources": m}
	}
	tunnel, _ := c.ByID(id("account", "Cloudflare Tunnel Write"))
	cachePurge, zoneRead, dnsWrite := id("zone", "Cache Purge"), id("zone", "Zone Read"), id("zone", "DNS Write")
	cachePurgeResources := `{"com.cloudflare.api.account.zone.fedcba9876543210fedcba9876543210":"*"}`
	return map[string]map[string]any{
		"data-sources/cfperms_catalog": {
			"dns_write_id":     dnsWrite,
			"catalog_date":     c.AsOf(),
			"groups_per_scope": counts,
		},
		"data-sources/cfperms_permission_group": {
			"dns_write_id": dnsWrite,
			"by_id_name":   "Zone Read",
		},
		"data-sources/cfperms_permission_groups": {
			"dns_token_ids":        []string{zoneRead, dnsWrite, cachePurge},
			"dns_write_id":         dnsWrite,
			"zone_read_only_count": zoneReadOnly,
		},
		"data-sources/cfperms_token_policy": {
			"dns_edit_policy":            policy(dnsEditResources, zoneRead, dnsWrite),
			"dns_edit_policy_for_5_12":   policyMap(dnsEditResources, zoneRead, dnsWrite),
			"zone_read_only_group_count": zoneReadOnly,
		},
		"functions/required_permissions": {
			"deploy_groups": map[string][]string{
				catalogtest.Name(id("account", "Workers Scripts Write")): {"cloudflare_workers_script"},
				catalogtest.Name(dnsWrite):                               {"cloudflare_dns_record"},
				catalogtest.Name(zoneRead):                               {"data.cloudflare_zone"},
			},
			"deploy_policies": []any{
				policy(`{"com.cloudflare.api.account.0123456789abcdef0123456789abcdef":"*"}`, id("account", "Workers Scripts Write")),
				policy(`{"com.cloudflare.api.account.zone.fedcba9876543210fedcba9876543210":"*"}`, dnsWrite, zoneRead),
			},
		},
		"functions/check_token_policies": {
			"ci_findings": []any{},
		},
		"functions/permission_exists": {
			"extra_permission_id": cachePurge,
		},
		"functions/permission_group": {
			"tunnel": map[string]string{
				"id": tunnel.ID, "api_name": tunnel.Name, "scope": "account", "scope_key": catalog.ScopeKeyAccount,
				"access": string(tunnel.Access()), "category": tunnel.Category,
			},
		},
		"functions/permission_id": {
			"dns_edit":        dnsWrite,
			"zone_logs_write": id("zone", "Logs Write"),
			"dns_policy":      policy(zoneStar, zoneRead, dnsWrite),
		},
		"functions/permission_ids": {
			"worker_deploy_ids": []string{id("account", "Workers Scripts Write"), id("account", "Workers KV Storage Write"),
				id("zone", "Workers Routes Write"), id("account", "Account Settings Read")},
		},
		"functions/permission_name": {
			"pasted_names": []string{"DNS Write", "Zone Read"},
		},
		"functions/token_policy": {
			"cache_purge_policy":          policy(cachePurgeResources, cachePurge, zoneRead),
			"cache_purge_policy_for_5_12": policyMap(cachePurgeResources, cachePurge, zoneRead),
		},
		"examples/demo": {
			"dns_token_permission_group_ids": map[string]string{
				"Zone > Zone > Read": zoneRead, "Zone:DNS:Edit": dnsWrite, "Cache Purge": cachePurge,
				"Account > Cloudflare Pages > Edit": id("account", "Pages Write"),
			},
			"zone_logs_write": map[string]string{"id": id("zone", "Logs Write"), "api_name": "Logs Write", "scope": "zone"},
			"catalog":         fmt.Sprintf("%d permission groups as of %s", c.Len(), c.AsOf()),
		},
		"examples/provider": {},
	}
}
