package provider

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// cliDiagnostic is a diagnostic as `terraform plan -json` prints it.
type cliDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
}

// planDiagnostics runs `terraform plan -json` on config against this
// provider, served in-process and attached through TF_REATTACH_PROVIDERS,
// and returns what Terraform reported. terraform-plugin-testing cannot
// assert warnings; this sees them as a user's terminal would.
func planDiagnostics(t *testing.T, config string) []cliDiagnostic {
	t.Helper()
	terraform := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if terraform == "" {
		var err error
		if terraform, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH")
		}
	}
	const address = "registry.terraform.io/cfperms/cfperms"
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	go func() {
		err := tf6server.Serve(address, providerserver.NewProtocol6(New("test")()),
			tf6server.WithDebug(ctx, reattach, closed),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithoutLogStderrOverride(),
			tf6server.WithLoggingSink(t))
		if err != nil {
			t.Errorf("serving the provider: %v", err)
		}
	}()
	var rc *plugin.ReattachConfig
	select {
	case rc = <-reattach:
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("the provider server did not start")
	}
	defer func() {
		cancel()
		<-closed
	}()
	reattachJSON, err := json.Marshal(map[string]any{address: map[string]any{
		"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
		"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	header := "terraform {\n  required_providers {\n    cfperms = { source = \"" + address + "\" }\n  }\n}\n\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(header+config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(terraform, "plan", "-json", "-input=false", "-lock=false", "-no-color")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattachJSON), "TF_CLI_CONFIG_FILE=/dev/null", "TF_IN_AUTOMATION=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // a failed plan still prints its diagnostics

	var diags []cliDiagnostic
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var line struct {
			Type       string        `json:"type"`
			Diagnostic cliDiagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Type == "diagnostic" {
			diags = append(diags, line.Diagnostic)
		}
	}
	if len(diags) == 0 && stderr.Len() > 0 {
		t.Logf("terraform stderr: %s", stderr.String())
	}
	return diags
}

// expectWarnings checks the plan succeeded with exactly the warnings wanted
// (substrings, in any order: Terraform reads data sources concurrently),
// ignoring Terraform's own notices.
func expectWarnings(t *testing.T, diags []cliDiagnostic, want ...string) {
	t.Helper()
	var warnings []string
	for _, d := range diags {
		switch {
		case d.Severity == "error":
			t.Fatalf("unexpected error: %s: %s", d.Summary, d.Detail)
		case d.Severity == "warning" && !strings.Contains(d.Summary, "overrides"):
			warnings = append(warnings, d.Detail)
		}
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings:\n%s\nwant %d", strings.Join(warnings, "\n"), len(want))
	}
	unmatched := append([]string(nil), warnings...)
	for _, w := range want {
		found := -1
		for i, got := range unmatched {
			if strings.Contains(got, w) {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("no warning contains %q among:\n%s", w, strings.Join(warnings, "\n"))
			continue
		}
		unmatched = append(unmatched[:found], unmatched[found+1:]...)
	}
}
