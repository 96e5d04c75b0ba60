// Package cfpermscheck tests the cfperms-check GitHub Action: its script
// downloads a release archive from a server the test runs on loopback,
// checks it against the release's SHA256SUMS and runs it.
package cfpermscheck

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

const version = "1.2.3"

// release builds cfperms-check and lays out a release of it in a
// directory, as goreleaser names the files; tamper spoils its checksum.
func release(t *testing.T, tamper bool) string {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(t.TempDir(), "cfperms-check")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/cfperms-check")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	name := fmt.Sprintf("cfperms-check_%s_%s_%s.zip", version, runtime.GOOS, runtime.GOARCH)
	data := zipOf(t, bin)
	sum := sha256.Sum256(data)
	if tamper {
		sum[0] ^= 0xff
	}
	sums := hex.EncodeToString(sum[:]) + "  " + name + "\n"
	write(t, filepath.Join(dir, "v"+version, name), data)
	write(t, filepath.Join(dir, "v"+version, "terraform-provider-cfperms_"+version+"_SHA256SUMS"), []byte(sums))
	return dir
}

func zipOf(t *testing.T, bin string) []byte {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	zw := zip.NewWriter(&b)
	hdr := &zip.FileHeader{Name: "cfperms-check", Method: zip.Deflate}
	hdr.SetMode(0o755)
	f, err := zw.CreateHeader(hdr)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

func write(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// runAction runs run.sh as the action's step would, against a release
// served on loopback.
func runAction(t *testing.T, dir string, env ...string) (stdout string, status int, output string) {
	t.Helper()
	server := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(server.Close)
	ghOutput := filepath.Join(t.TempDir(), "output")
	cmd := exec.Command("bash", "run.sh")
	cmd.Env = append(os.Environ(), append([]string{"CFPERMS_RELEASE_URL=" + server.URL, "CFPERMS_VERSION=v" + version,
		"CFPERMS_OS=" + runtime.GOOS, "CFPERMS_ARCH=" + runtime.GOARCH, "GITHUB_OUTPUT=" + ghOutput}, env...)...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		status = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	written, _ := os.ReadFile(ghOutput)
	return out.String() + errOut.String(), status, string(written)
}

const plan = "../../internal/tokencheck/testdata/needs-plan.json"

func TestActionRunsTheRelease(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("the action's script needs curl")
	}
	dir := release(t, false)
	t.Run("needs", func(t *testing.T) {
		t.Parallel()
		out, status, output := runAction(t, dir, "CFPERMS_COMMAND=needs", "CFPERMS_FORMAT=json", "CFPERMS_PLAN="+plan)
		var doc struct{ Groups []struct{ ID string } }
		if err := json.Unmarshal([]byte(out), &doc); err != nil || status != 0 || len(doc.Groups) == 0 || output != "status=0\n" {
			t.Errorf("status %d, output %q, stdout:\n%s", status, output, out)
		}
	})
	t.Run("needs with a token that lacks groups", func(t *testing.T) {
		t.Parallel()
		out, status, output := runAction(t, dir, "CFPERMS_COMMAND=needs", "CFPERMS_PLAN="+plan, "CFPERMS_TOKEN=cloudflare_api_token.ci")
		if status != 1 || output != "status=1\n" || !regexp.MustCompile(`(?m)^::error title=cfperms%3A Token lacks`).MatchString(out) {
			t.Errorf("status %d, output %q, stdout:\n%s", status, output, out)
		}
	})
	t.Run("check", func(t *testing.T) {
		t.Parallel()
		out, status, _ := runAction(t, dir, "CFPERMS_PLAN="+plan)
		if status != 0 || !strings.Contains(out, "Checked 1 token in this plan") {
			t.Errorf("status %d, stdout:\n%s", status, out)
		}
	})
	t.Run("a token input is for needs", func(t *testing.T) {
		t.Parallel()
		out, status, _ := runAction(t, dir, "CFPERMS_PLAN="+plan, "CFPERMS_TOKEN=cloudflare_api_token.ci")
		if status != 2 || !strings.Contains(out, "the token and token-policies inputs are for command: needs") {
			t.Errorf("status %d, stdout:\n%s", status, out)
		}
	})
	t.Run("a branch has no release", func(t *testing.T) {
		t.Parallel()
		for _, ref := range []string{"main", "0123abc", "v1.2"} {
			out, status, _ := runAction(t, dir, "CFPERMS_PLAN="+plan, "CFPERMS_VERSION="+ref)
			if status != 2 || !strings.Contains(out, "is not a release version such as 1.5.0") {
				t.Errorf("%s: status %d, stdout:\n%s", ref, status, out)
			}
		}
	})
	t.Run("a bad command", func(t *testing.T) {
		t.Parallel()
		out, status, _ := runAction(t, dir, "CFPERMS_COMMAND=audit", "CFPERMS_PLAN="+plan)
		if status != 2 || !strings.Contains(out, `command "audit" is neither check nor needs`) {
			t.Errorf("status %d, stdout:\n%s", status, out)
		}
	})
}

// TestActionRefusesATamperedArchive: an archive that does not match the
// release's SHA256SUMS is never run.
func TestActionRefusesATamperedArchive(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("the action's script needs curl")
	}
	out, status, _ := runAction(t, release(t, true), "CFPERMS_PLAN="+plan)
	if status != 2 || !strings.Contains(out, "does not match the release's SHA256SUMS") {
		t.Errorf("status %d, stdout:\n%s", status, out)
	}
}

// TestActionInputsReachTheScript: every input of action.yml is handed to
// run.sh, and every variable run.sh reads is set by action.yml or the test.
func TestActionInputsReachTheScript(t *testing.T) {
	t.Parallel()
	action, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("run.sh")
	if err != nil {
		t.Fatal(err)
	}
	inputs := regexp.MustCompile(`(?m)^  ([a-z-]+):\n    description:`).FindAllStringSubmatch(strings.SplitN(string(action), "\noutputs:", 2)[0], -1)
	for _, m := range inputs {
		if !strings.Contains(string(action), "${{ inputs."+m[1]) {
			t.Errorf("input %s is not passed to the script", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`\$\{?(CFPERMS_[A-Z_]+)`).FindAllStringSubmatch(string(script), -1) {
		if m[1] != "CFPERMS_RELEASE_URL" && !strings.Contains(string(action), m[1]+":") {
			t.Errorf("run.sh reads %s, which action.yml does not set", m[1])
		}
	}
	if len(inputs) < 5 {
		t.Errorf("found %d inputs in action.yml", len(inputs))
	}
}
