package provider

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/cloudflaretest"
	"github.com/cfperms/terraform-provider-cfperms/internal/plugintest"
)

// createsToken finds a Cloudflare token resource in a configuration,
// commented out or not: a commented-out one is a block a user would
// uncomment, and noCommentedTokens refuses it.
var createsToken = regexp.MustCompile(`(?m)^[\s#]*resource\s+"cloudflare_(api|account)_token"`)

// cloudflareVersion is the version constraint a configuration declares for
// the Cloudflare provider in required_providers.
var cloudflareVersion = regexp.MustCompile(`(?m)^\s*cloudflare\s*=\s*\{[^}]*\bversion\s*=\s*"([^"]+)"`)

// withCloudflare runs check once for a configuration that creates no
// Cloudflare token, and otherwise once per Cloudflare release line its
// version constraint admits, with that line's stand-in attached through
// the environment check is given. A configuration that creates a token
// must say which Cloudflare provider it is written for, as a user's must:
// the wiring differs between 4, 5.0 to 5.12 and 5.13 and later.
func withCloudflare(t *testing.T, config string, check func(t *testing.T, env []string)) {
	t.Helper()
	if !createsToken.MatchString(config) {
		check(t, nil)
		return
	}
	m := cloudflareVersion.FindStringSubmatch(config)
	if m == nil {
		t.Fatalf("the configuration creates a Cloudflare token but declares no version constraint for the Cloudflare provider in required_providers:\n%s", config)
	}
	releases, err := cloudflaretest.Matching(m[1])
	if err != nil {
		t.Fatalf("the Cloudflare provider's version constraint: %v", err)
	}
	for _, r := range releases {
		t.Run("cloudflare "+r.Name, func(t *testing.T) {
			check(t, []string{plugintest.Env(t, cloudflaretest.Serve(t, r))})
		})
	}
}

// validateInstalled runs `terraform validate` in dir with the installed
// provider, as a user or CI job would before any plan, and fails on any
// diagnostic but the dev_overrides notice.
func validateInstalled(t *testing.T, rc, dir string, env ...string) {
	t.Helper()
	res := runInstalled(t, rc, dir, env, "validate", "-json", "-no-color")
	var result struct {
		Diagnostics []cliDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(res.stdout, &result); err != nil {
		t.Fatalf("terraform validate -json printed %q (%s): %v", res.stdout, res.stderr, err)
	}
	checkExitStatus(t, "validate", res.exit, result.Diagnostics)
	if d := unexpectedDiagnostics(result.Diagnostics); len(d) > 0 {
		t.Fatalf("terraform validate reported:\n%s", describe(d))
	}
}
