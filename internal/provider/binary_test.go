package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The tests in this file run the provider the way users do: the real
// binary, built by `go build` and installed through a dev_overrides CLI
// configuration, started by Terraform as a separate process. Only then do
// TF_LOG, the environment and the process's own stderr behave as they will
// for a user; a provider served inside the test process shares the test's.

// providerSource is the address the built binary is installed under.
const providerSource = "cfperms/cfperms"

// cliHeader declares the provider at providerSource, for configurations
// (examples, docs blocks) that do not declare it themselves.
const cliHeader = "terraform {\n  required_providers {\n    cfperms = { source = \"" + providerSource + "\" }\n  }\n}\n\n"

// installedProvider builds the provider into a temporary directory and
// writes a CLI configuration whose dev_overrides install it from there, with
// no registry and no network. It returns the configuration's path.
func installedProvider(t *testing.T) string {
	t.Helper()
	terraformCLI(t) // skip before building when there is no CLI to run it
	bin := t.TempDir()
	build := exec.Command("go", "build", "-buildvcs=false", "-o", filepath.Join(bin, "terraform-provider-cfperms"), ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rc := filepath.Join(t.TempDir(), "terraformrc")
	config := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", providerSource, bin)
	if err := os.WriteFile(rc, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	return rc
}

// terraformCLI is the CLI the acceptance tests use, or a skip.
func terraformCLI(t *testing.T) string {
	t.Helper()
	if cli := os.Getenv("TF_ACC_TERRAFORM_PATH"); cli != "" {
		return cli
	}
	cli, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH")
	}
	return cli
}

// cliResult is what one run of the CLI printed, and its exit status.
type cliResult struct {
	stdout, stderr []byte
	exit           int
}

// runInstalled runs the CLI in dir against the installed provider (the CLI
// configuration rc), with env added to a cleaned environment: no TF_LOG,
// token or reattached provider of the caller's leaks into the run.
func runInstalled(t *testing.T, rc, dir string, env []string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(terraformCLI(t), args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_LOG") || strings.HasPrefix(name, "TF_CLI_") || name == "TF_REATTACH_PROVIDERS" || name == "CLOUDFLARE_API_TOKEN" {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return cliResult{stdout: stdout.Bytes(), stderr: stderr.Bytes(), exit: exitStatus(t, err)}
}

// writeConfig writes config as main.tf in a new directory and returns it.
func writeConfig(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// plannedRun is a plan as a user sees it: its diagnostics, and, read back
// from the saved plan, the outputs' values and the check blocks' results.
type plannedRun struct {
	diags   []cliDiagnostic
	outputs map[string]json.RawMessage
	// checks maps each checkable object (check blocks, variable
	// validations, conditions) to its status: pass, fail, error, unknown.
	checks map[string]string
	// checkBlocks counts the check blocks among them.
	checkBlocks int
}

// planInstalled plans the configuration in dir with the installed provider
// and reads the saved plan back with `terraform show -json`. A plan that
// fails is fatal, with its diagnostics.
func planInstalled(t *testing.T, rc, dir string, env ...string) plannedRun {
	t.Helper()
	res := runInstalled(t, rc, dir, env, "plan", "-json", "-input=false", "-lock=false", "-no-color", "-out=tfplan")
	diags, completed := parsePlanJSON(res.stdout)
	checkExitStatus(t, "plan", res.exit, diags)
	if res.exit != 0 || !completed {
		t.Fatalf("terraform plan failed (exit %d):\n%s\n%s", res.exit, describe(diags), res.stderr)
	}
	show := runInstalled(t, rc, dir, env, "show", "-json", "-no-color", "tfplan")
	if show.exit != 0 {
		t.Fatalf("terraform show -json exited %d: %s", show.exit, show.stderr)
	}
	var plan struct {
		PlannedValues struct {
			Outputs map[string]struct {
				Value json.RawMessage `json:"value"`
			} `json:"outputs"`
		} `json:"planned_values"`
		Checks []struct {
			Address struct {
				Kind      string `json:"kind"`
				ToDisplay string `json:"to_display"`
			} `json:"address"`
			Status string `json:"status"`
		} `json:"checks"`
	}
	if err := json.Unmarshal(show.stdout, &plan); err != nil {
		t.Fatalf("terraform show -json: %v", err)
	}
	run := plannedRun{diags: diags, outputs: map[string]json.RawMessage{}, checks: map[string]string{}}
	for name, o := range plan.PlannedValues.Outputs {
		run.outputs[name] = o.Value
	}
	for _, c := range plan.Checks {
		run.checks[c.Address.ToDisplay] = c.Status
		if c.Address.Kind == "check" {
			run.checkBlocks++
		}
	}
	return run
}

// describe lists diagnostics one a line, for failure messages.
func describe(diags []cliDiagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%s: %s: %s\n", d.Severity, d.Summary, strings.Join(strings.Fields(d.Detail), " "))
	}
	return b.String()
}

// devOverridesWarning is the warning Terraform prints for every run with a
// dev_overrides installation: expected here, and the only one allowed.
var devOverridesWarning = regexp.MustCompile(`(?i)provider development overrides are in effect`)

// unexpectedDiagnostics are the diagnostics other than Terraform's notice
// about dev_overrides: a failing check block is only a warning to
// Terraform, so a test that ignored warnings would let it pass.
func unexpectedDiagnostics(diags []cliDiagnostic) []cliDiagnostic {
	var out []cliDiagnostic
	for _, d := range diags {
		if d.Severity == "warning" && devOverridesWarning.MatchString(d.Summary) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// cliFeatures says what the CLI under test supports: provider-defined
// functions (Terraform 1.8, OpenTofu 1.7), check blocks (Terraform 1.5,
// every OpenTofu), and calling a function whose parameters allow unknown
// values while an argument is unknown (Terraform; OpenTofu, seen with
// 1.10.6, leaves the result unknown without calling the provider, so
// token_policy's names wait for plan there).
type cliFeatures struct {
	functions, checks, unknownArguments bool
	version                             string
}

var cliFeaturesOnce sync.Map // CLI path to cliFeatures

func features(t *testing.T) cliFeatures {
	t.Helper()
	cli := terraformCLI(t)
	if f, ok := cliFeaturesOnce.Load(cli); ok {
		return f.(cliFeatures) //nolint:forcetypeassert // only cliFeatures are stored
	}
	// The first line, "Terraform v1.11.4" or "OpenTofu v1.10.6", reads the
	// same in every version either CLI has had.
	cmd := exec.Command(cli, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s version: %v", cli, err)
	}
	m := regexp.MustCompile(`v(\d+)\.(\d+)\.`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("cannot read the CLI version from %q", out)
	}
	major, _ := strconv.Atoi(string(m[1]))
	minor, _ := strconv.Atoi(string(m[2]))
	version := strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
	// Every CLI the suite runs is 1.x: compare minor versions within it.
	atLeast := func(wantMinor int) bool { return major > 1 || major == 1 && minor >= wantMinor }
	f := cliFeatures{version: version, functions: atLeast(8), checks: atLeast(5), unknownArguments: atLeast(8)}
	if bytes.HasPrefix(out, []byte("OpenTofu")) {
		f.functions, f.checks, f.unknownArguments = atLeast(7), atLeast(6), false
	}
	cliFeaturesOnce.Store(cli, f)
	return f
}

// skipUnsupported skips a configuration the CLI under test cannot run.
// skipWithoutUnknownArguments skips a test of a function called while an
// argument is unknown, on a CLI that does not make such calls.
func skipWithoutUnknownArguments(t *testing.T) {
	t.Helper()
	if f := features(t); !f.unknownArguments {
		t.Skipf("%s does not call a provider function while an argument is unknown", f.version)
	}
}

func skipUnsupported(t *testing.T, config string) {
	t.Helper()
	f := features(t)
	if strings.Contains(config, "provider::cfperms::") && !f.functions {
		t.Skipf("provider-defined functions need Terraform 1.8 or OpenTofu 1.7; this CLI is %s", f.version)
	}
	if regexp.MustCompile(`(?m)^\s*check\s+"`).MatchString(config) && !f.checks {
		t.Skipf("check blocks need Terraform 1.5; this CLI is %s", f.version)
	}
}
