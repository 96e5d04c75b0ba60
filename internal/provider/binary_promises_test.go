package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBinaryNeverLogsTheToken proves "never written to logs, diagnostics or
// state" for the real provider binary under TF_LOG=trace, where Terraform
// copies everything the provider process writes to its stderr into the log.
// The token is given in the provider block, in CLOUDFLARE_API_TOKEN, and in
// both; the server succeeds, refuses the token, echoes it back, and
// redirects. The log must hold the provider's own lines, or the check
// would prove nothing.
func TestBinaryNeverLogsTheToken(t *testing.T) {
	t.Parallel()
	rc := installedProvider(t)
	tests := []struct {
		name, mode       string
		inConfig, inEnv  bool
		wantProviderLine string // a line of the provider's own in the log
	}{
		{name: "token in the provider block", inConfig: true, wantProviderLine: "fetched the live list of permission groups"},
		{name: "token in CLOUDFLARE_API_TOKEN", inEnv: true, wantProviderLine: "fetched the live list of permission groups"},
		{name: "token in both", inConfig: true, inEnv: true, wantProviderLine: "fetched the live list of permission groups"},
		{name: "token refused", mode: "401", inConfig: true, inEnv: true},
		{name: "token echoed by the server", mode: "echo", inConfig: true, inEnv: true},
		{name: "redirect", mode: "redirect", inConfig: true, inEnv: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newFakeCloudflare(t, tt.mode)
			provider := fmt.Sprintf("provider \"cfperms\" {\n  live_catalog = true\n  base_url     = %q\n", srv.BaseURL)
			if tt.inConfig {
				provider += fmt.Sprintf("  api_token    = %q\n", liveToken)
			}
			provider += "}\n"
			name := "DNS Write"
			if tt.mode == "" {
				name = "Workers Secrets Write" // only the live list has it
			}
			dir := writeConfig(t, cliHeader+provider+fmt.Sprintf(`
data "cfperms_permission_group" "g" { name = %q }

output "id" { value = data.cfperms_permission_group.g.id }
`, name))
			logFile := filepath.Join(dir, "trace.log")
			env := []string{"TF_LOG=trace", "TF_LOG_PATH=" + logFile}
			if tt.inEnv {
				env = append(env, "CLOUDFLARE_API_TOKEN="+liveToken)
			}
			res := runInstalled(t, rc, dir, env, "plan", "-input=false", "-lock=false", "-no-color")
			if res.exit != 0 {
				t.Fatalf("terraform plan exited %d:\n%s\n%s", res.exit, res.stdout, res.stderr)
			}
			if srv.requests.Load() == 0 {
				t.Fatal("the provider never called the server: live mode did not run, so the token was never used")
			}
			logs, err := os.ReadFile(logFile)
			if err != nil {
				t.Fatal(err)
			}
			if !providerLogLine.Match(logs) {
				t.Fatalf("the trace log (%d bytes) holds nothing from the provider process; the check below would prove nothing", len(logs))
			}
			if tt.wantProviderLine != "" && !strings.Contains(string(logs), tt.wantProviderLine) {
				t.Fatalf("the trace log lacks the provider's line %q", tt.wantProviderLine)
			}
			for what, text := range map[string][]byte{"stdout": res.stdout, "stderr": res.stderr, "the TF_LOG=trace file": logs} {
				if i := strings.Index(string(text), liveToken); i >= 0 {
					start, end := max(0, i-200), min(len(text), i+len(liveToken)+50)
					t.Errorf("the API token appears in %s: ...%s...", what, text[start:end])
				}
			}
		})
	}
}

// providerLogLine marks what Terraform's log took from the provider
// process: "provider.terraform-provider-cfperms" ("plugin." in older CLIs).
var providerLogLine = regexp.MustCompile(`(provider|plugin)\.terraform-provider-cfperms`)

// TestBinaryOfflineWithTokenInEnvironment proves "Offline is the default"
// for the user most likely to break it: one with the Cloudflare provider's
// own CLOUDFLARE_API_TOKEN set. With live_catalog unset or false, the real
// binary makes no request, even to a base_url it was given (a loopback
// server that counts requests, so nothing can reach Cloudflare by
// accident), and the catalog says it is the embedded one.
func TestBinaryOfflineWithTokenInEnvironment(t *testing.T) {
	t.Parallel()
	rc := installedProvider(t)
	for name, liveSetting := range map[string]string{"live_catalog unset": "", "live_catalog = false": "  live_catalog = false\n"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := newFakeCloudflare(t, "")
			dir := writeConfig(t, cliHeader+fmt.Sprintf("provider \"cfperms\" {\n%s  base_url = %q\n}\n", liveSetting, srv.BaseURL)+`
data "cfperms_catalog" "all" {}
data "cfperms_permission_group" "dns" { name = "DNS Write" }

output "source" { value = data.cfperms_catalog.all.source }
output "dns" { value = data.cfperms_permission_group.dns.id }
`)
			run := planInstalled(t, rc, dir, "CLOUDFLARE_API_TOKEN="+liveToken)
			if n := srv.requests.Load(); n != 0 {
				t.Fatalf("%d requests reached the API with %s and CLOUDFLARE_API_TOKEN set", n, name)
			}
			var source, dns string
			_ = json.Unmarshal(run.outputs["source"], &source)
			_ = json.Unmarshal(run.outputs["dns"], &dns)
			if source != "embedded" || dns != idDNSWrite {
				t.Fatalf("outputs source=%q dns=%q; want the embedded catalog's %s", source, dns, idDNSWrite)
			}
			if d := unexpectedDiagnostics(run.diags); len(d) > 0 {
				t.Fatalf("unexpected diagnostics:\n%s", describe(d))
			}
		})
	}
}
