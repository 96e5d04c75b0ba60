package provider

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/plugintest"
)

// cliDiagnostic is a diagnostic as `terraform plan -json` prints it.
type cliDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	// Snippet.Context is the header of the block the diagnostic is at
	// (`output "name"`), when it is at one.
	Snippet *struct {
		Context *string `json:"context"`
	} `json:"snippet"`
}

// planDiagnostics runs `terraform plan -json` on config against this
// provider (and the others given, served beside it) and returns what
// Terraform reported. terraform-plugin-testing
// cannot assert warnings; this sees them as a user's terminal would. It
// fails the test when Terraform's exit status disagrees with what it
// printed, or when a plan without errors did not run to its summary: a
// test of warnings must not pass because Terraform never ran.
func planDiagnostics(t *testing.T, config string, others ...plugintest.Reattach) []cliDiagnostic {
	t.Helper()
	stdout, exit := runTerraform(t, config, others, "plan", "-json", "-input=false", "-lock=false", "-no-color")
	diags, completed := parsePlanJSON(stdout)
	checkExitStatus(t, "plan", exit, diags)
	if exit == 0 && !completed {
		t.Fatalf("terraform plan exited 0 but printed no change summary: the plan did not run to its end:\n%s", stdout)
	}
	return diags
}

// parsePlanJSON reads the diagnostics of `terraform plan -json`, and
// whether the plan reached its change summary.
func parsePlanJSON(stdout []byte) (diags []cliDiagnostic, completed bool) {
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var line struct {
			Type       string        `json:"type"`
			Diagnostic cliDiagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &line) != nil {
			continue
		}
		switch line.Type {
		case "diagnostic":
			diags = append(diags, line.Diagnostic)
		case "change_summary":
			completed = true
		}
	}
	return diags, completed
}

// checkExitStatus holds Terraform's exit status to its diagnostics: 1 with
// an error, 0 without one. Anything else means it did not do what the test
// thinks it did (a crash, a missing CLI, a flag it does not know).
func checkExitStatus(t *testing.T, command string, exit int, diags []cliDiagnostic) {
	t.Helper()
	errs := countErrors(diags)
	switch {
	case errs > 0 && exit != 1:
		t.Fatalf("terraform %s reported %d errors but exited %d", command, errs, exit)
	case errs == 0 && exit != 0:
		t.Fatalf("terraform %s exited %d without an error diagnostic: it did not run as this test expects", command, exit)
	}
}

// countErrors is how many of diags are errors.
func countErrors(diags []cliDiagnostic) int {
	n := 0
	for _, d := range diags {
		if d.Severity == "error" {
			n++
		}
	}
	return n
}

// validateDiagnostics runs `terraform validate -json` on config, as a user
// or a CI job would before any plan: variables and resources are unknown.
// Its "valid" flag and exit status must agree with the diagnostics.
func validateDiagnostics(t *testing.T, config string, others ...plugintest.Reattach) []cliDiagnostic {
	t.Helper()
	stdout, exit := runTerraform(t, config, others, "validate", "-json", "-no-color")
	var result struct {
		Valid       *bool           `json:"valid"`
		Diagnostics []cliDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(stdout, &result); err != nil || result.Valid == nil {
		t.Fatalf("terraform validate -json printed %q: %v", stdout, err)
	}
	checkExitStatus(t, "validate", exit, result.Diagnostics)
	if *result.Valid != (exit == 0) {
		t.Fatalf("terraform validate says valid=%t but exited %d", *result.Valid, exit)
	}
	return result.Diagnostics
}

// runTerraform runs the Terraform CLI on config against this provider,
// served in-process, and the others given (stand-ins, served by the
// caller), all attached through TF_REATTACH_PROVIDERS. It returns what the
// CLI printed on stdout and its exit status.
func runTerraform(t *testing.T, config string, others []plugintest.Reattach, args ...string) (stdout []byte, exit int) {
	t.Helper()
	terraform := terraformCLI(t)
	skipUnsupported(t, config)
	const address = "registry.terraform.io/cfperms/cfperms"
	served := plugintest.Serve(t, NewServer("test"), address)
	dir := t.TempDir()
	header := "terraform {\n  required_providers {\n    cfperms = { source = \"" + address + "\" }\n"
	if len(others) > 0 {
		header += "    cloudflare = { source = \"cloudflare/cloudflare\" }\n"
	}
	header += "  }\n}\n\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(header+config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(terraform, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), plugintest.Env(t, append(others, served)...), "TF_CLI_CONFIG_FILE=/dev/null", "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run() // a failed run still prints its diagnostics
	if stderr.Len() > 0 {
		t.Logf("terraform stderr: %s", stderr.String())
	}
	return out.Bytes(), exitStatus(t, err)
}

// exitStatus is a finished command's exit status; a command that could not
// be run, or was killed, fails the test.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit) && exit.Exited():
		return exit.ExitCode()
	}
	t.Fatalf("running terraform: %v", err)
	return -1
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

// expectErrors checks Terraform reported exactly one error per pattern, each
// matched against "summary: detail" with its line wrapping undone: one
// diagnostic per mistake, and no follow-on errors.
func expectErrors(t *testing.T, diags []cliDiagnostic, want ...string) {
	t.Helper()
	var errs []string
	for _, d := range diags {
		if d.Severity == "error" {
			errs = append(errs, d.Summary+": "+strings.Join(strings.Fields(d.Detail), " "))
		}
	}
	if os.Getenv("CFPERMS_SHOW_ERRORS") != "" {
		t.Logf("errors:\n%s", strings.Join(errs, "\n\n"))
	}
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(errs, "\n"), len(want))
	}
	for _, w := range want {
		re := regexp.MustCompile(w)
		n := 0
		for _, e := range errs {
			if re.MatchString(e) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d errors match %q among:\n%s", n, w, strings.Join(errs, "\n"))
		}
	}
}
