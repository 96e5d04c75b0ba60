package tokenchecktest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cfperms/terraform-provider-cfperms/internal/plugintest"
)

// Address is where a Workspace serves the stand-in: the Cloudflare
// provider's own, spelled out so OpenTofu does not assume its registry.
const Address = "registry.terraform.io/cloudflare/cloudflare"

// Header declares the stand-in; every module of a configuration needs it.
const Header = "terraform {\n  required_providers {\n    cloudflare = { source = \"" + Address + "\" }\n  }\n}\n\n"

// Workspace is a directory in which the Terraform CLI (TF_ACC_TERRAFORM_PATH,
// or terraform on PATH) runs against the stand-in, served in-process and
// attached through TF_REATTACH_PROVIDERS: no registry, no network.
type Workspace struct {
	t         *testing.T
	Dir       string
	terraform string
	env       []string
}

// NewWorkspace serves a stand-in of the given shape for the life of the
// test and returns an empty directory to run Terraform in. It skips the test
// when there is no Terraform CLI.
func NewWorkspace(t *testing.T, shape Shape) *Workspace {
	t.Helper()
	terraform := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if terraform == "" {
		var err error
		if terraform, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH")
		}
	}
	skipOldCLI(t, terraform)
	reattach := serve(t, shape)
	return &Workspace{t: t, Dir: t.TempDir(), terraform: terraform, env: append(os.Environ(),
		reattach, "TF_CLI_CONFIG_FILE=/dev/null", "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")}
}

// serve starts the stand-in and returns its TF_REATTACH_PROVIDERS setting.
func serve(t *testing.T, shape Shape) string {
	t.Helper()
	return plugintest.Env(t, plugintest.Serve(t, providerserver.NewProtocol6(NewProvider(shape)), Address))
}

// Write puts a file (main.tf, modules/x/main.tf...) in the workspace.
func (w *Workspace) Write(name, content string) {
	w.t.Helper()
	file := filepath.Join(w.Dir, name)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// Run runs the CLI with args and returns its standard output; a failure
// ends the test unless allowFailure is set.
func (w *Workspace) Run(allowFailure bool, args ...string) []byte {
	w.t.Helper()
	cmd := exec.Command(w.terraform, args...)
	cmd.Dir = w.Dir
	cmd.Env = w.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && !allowFailure {
		w.t.Fatalf("terraform %v: %v\n%s\n%s", args, err, stdout.String(), stderr.String())
	}
	return stdout.Bytes()
}

// Init runs terraform init (it installs local modules; the stand-in needs
// no installing).
func (w *Workspace) Init() { w.Run(false, "init", "-input=false", "-no-color") }

// Apply applies the configuration, with extra arguments such as
// -replace=ADDRESS; with allowFailure a failed apply (a stuck deletion) is
// not the end of the test.
func (w *Workspace) Apply(allowFailure bool, args ...string) {
	w.Run(allowFailure, append([]string{"apply", "-auto-approve", "-input=false", "-lock=false", "-no-color"}, args...)...)
}

// PlanJSON saves a plan and returns `terraform show -json` of it.
func (w *Workspace) PlanJSON() []byte {
	w.Run(false, "plan", "-out=tfplan", "-input=false", "-lock=false", "-no-color")
	return w.Run(false, "show", "-json", "-no-color", "tfplan")
}

// StateJSON returns `terraform show -json` of the state.
func (w *Workspace) StateJSON() []byte {
	return w.Run(false, "show", "-json", "-no-color")
}

// skipOldCLI skips on CLIs the scenario does not cover: Terraform before 1.1
// (its show -json is format 0.2 and orders v4 policy blocks, a set, its own
// way) and OpenTofu before 1.8 (whose show cannot load a reattached
// provider's schema). The checker still reads their JSON; the committed
// fixtures and the newer CLIs cover the shapes.
func skipOldCLI(t *testing.T, terraform string) {
	t.Helper()
	out, err := exec.Command(terraform, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", terraform, err)
	}
	m := regexp.MustCompile(`v(\d+)\.(\d+)`).FindSubmatch(out)
	if m == nil {
		return
	}
	major, _ := strconv.Atoi(string(m[1]))
	minor, _ := strconv.Atoi(string(m[2]))
	tofu := bytes.HasPrefix(out, []byte("OpenTofu"))
	if major == 1 && (!tofu && minor < 1 || tofu && minor < 8) {
		t.Skipf("the CLI scenario needs Terraform 1.1+ or OpenTofu 1.8+; this is %s", bytes.TrimSpace(bytes.SplitN(out, []byte("\n"), 2)[0]))
	}
}
