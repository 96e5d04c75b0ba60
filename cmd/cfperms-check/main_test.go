package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

const testdata = "../../internal/tokencheck/testdata"

type result struct {
	status         int
	stdout, stderr string
}

// runWith runs the command with args, stdin and environment.
func runWith(t *testing.T, stdin io.Reader, env map[string]string, args ...string) result {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var stdout, stderr bytes.Buffer
	status := run(context.Background(), args, stdin, &stdout, &stderr, func(k string) string { return env[k] })
	if strings.Contains(stderr.String(), "goroutine") || strings.Contains(stderr.String(), "internal error") {
		t.Fatalf("cfperms-check crashed:\n%s", stderr.String())
	}
	return result{status: status, stdout: stdout.String(), stderr: stderr.String()}
}

func fixture(name string) string { return filepath.Join(testdata, name) }

func TestRunStatusAndFormats(t *testing.T) {
	t.Parallel()
	plan, err := os.ReadFile(fixture("v5-json-plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	clean := `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"cloudflare_api_token.ok","mode":"managed","type":"cloudflare_api_token",` +
		`"values":{"policies":[{"effect":"allow","permission_groups":[{"id":"` + catalogtest.ID("zone", "DNS Write") + `"}],"resources":"{\"com.cloudflare.api.account.zone.*\":\"*\"}"}]}}]}}}`
	tests := []struct {
		name   string
		args   []string
		stdin  string
		status int
		stdout string // regular expression
	}{
		{name: "a plan with errors, from a file", args: []string{fixture("v5-json-plan.json")}, status: exitFindings,
			stdout: `(?m)^cloudflare_api_token\.typo\.policies\[1\]: error: effect is "permit"; (?s:.*)\nChecked 8 tokens in this plan against the embedded catalog \(snapshot of ` +
				catalogtest.AsOfPattern() + `\): \d+ errors, \d+ warnings, 4 skipped\.\n\z`},
		{name: "from standard input", stdin: string(plan), status: exitFindings, stdout: `Checked 8 tokens in this plan`},
		{name: "dash is standard input, flags after the file", args: []string{"-", "-format", "github"}, stdin: string(plan), status: exitFindings,
			stdout: `(?m)^::error title=cfperms%3A Invalid policy effect::cloudflare_api_token\.typo\.policies\[1\]: effect is "permit"`},
		{name: "json", args: []string{"-format", "json", fixture("v4-state.json")}, status: exitFindings, stdout: `(?s)^\{\n  "catalog": \{.*"input": "state",\n  "tokens": 6,`},
		{name: "clean", stdin: clean, status: exitClean, stdout: `^Checked 1 token in this state against the embedded catalog \(snapshot of ` + catalogtest.AsOfPattern() + `\): no findings\.\n$`},
		{name: "warnings only", args: []string{"-format", "github"}, stdin: strings.Replace(clean, catalogtest.ID("zone", "DNS Write"), catalogtest.UnknownID, 1), status: exitClean,
			stdout: `^::warning title=cfperms%3A Permission group id not in the catalog::cloudflare_api_token\.ok\.policies\[0\]: permission_groups\[0\]: "` + catalogtest.UnknownID + `" is not a permission group id in this catalog \(snapshot of ` + catalogtest.AsOfPattern() + `\)`},
		{name: "help", args: []string{"-h"}, status: exitClean, stdout: `^$`},
		{name: "version", args: []string{"-version"}, status: exitClean, stdout: `^cfperms-check \S+\n$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runWith(t, strings.NewReader(tt.stdin), nil, tt.args...)
			if r.status != tt.status || !regexp.MustCompile(tt.stdout).MatchString(r.stdout) {
				t.Fatalf("status %d (want %d), stdout:\n%s\nwant match: %s\nstderr:\n%s", r.status, tt.status, r.stdout, tt.stdout, r.stderr)
			}
		})
	}
}

// Input that cannot be checked: status 2, one clear line on stderr,
// nothing on stdout, never a stack trace.
func TestRunBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		stdin  string
		stderr string // regular expression
	}{
		{name: "missing file", args: []string{"nope.json"}, stderr: `^cfperms-check: cannot read nope\.json: no such file or directory\n$`},
		{name: "a directory", args: []string{testdata}, stderr: `^cfperms-check: .*testdata: reading the input: .*is a directory`},
		{name: "empty standard input", stderr: `^cfperms-check: the input is empty\. Pass the output of .terraform show -json PLANFILE.`},
		{name: "human plan", args: []string{fixture("bad/human-plan.txt")}, stderr: `^cfperms-check: \S+human-plan\.txt: the input is not JSON`},
		{name: "plan log", args: []string{fixture("bad/plan-log.jsonl")}, stderr: `the input is the log of .terraform plan -json.`},
		{name: "no format version", args: []string{fixture("bad/no-format-version.json")}, stderr: `it has no format_version`},
		{name: "wrong shape", args: []string{fixture("bad/wrong-shape.json")}, stderr: `resource_changes is a string where a list belongs\.\n$`},
		{name: "truncated", args: []string{fixture("bad/truncated.json")}, stderr: `the input is not JSON \(it ends too soon\)`},
		{name: "format 2", args: []string{fixture("bad/format-2.json")}, stderr: `format_version is "2\.0"`},
		{name: "saved plan file", stdin: "PK\x03\x04binary", stderr: `a saved plan file, not its JSON`},
		{name: "two files", args: []string{"a.json", "b.json"}, stderr: `^cfperms-check: one input file at most, got 2: a\.json b\.json\n$`},
		{name: "unknown format", args: []string{"-format", "sarif"}, stderr: `^cfperms-check: -format "sarif" is not one of text, json, github\n$`},
		{name: "unknown flag", args: []string{"-strict"}, stderr: `^flag provided but not defined: -strict\nUsage: cfperms-check`},
		{name: "live flags without live", args: []string{"-account-id", "x"}, stderr: `-account-id and -base-url are for -live`},
		{name: "live without a token", args: []string{"-live", fixture("v4-state.json")}, stderr: `^cfperms-check: -live needs a Cloudflare API token in CLOUDFLARE_API_TOKEN`},
		{name: "bad timeout", args: []string{"-timeout", "0s"}, stderr: `-timeout must be positive`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runWith(t, strings.NewReader(tt.stdin), nil, tt.args...)
			if r.status != exitBadInput || r.stdout != "" || !regexp.MustCompile(tt.stderr).MatchString(r.stderr) {
				t.Fatalf("status %d, stdout %q, stderr:\n%s\nwant match: %s", r.status, r.stdout, r.stderr, tt.stderr)
			}
		})
	}
}

func TestBaseURLProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want string // "" for accepted
	}{
		{url: cfapi.DefaultBaseURL},
		{url: "http://127.0.0.1:8080/client/v4"},
		{url: "http://[::1]:8080"},
		{url: "http://localhost:8080"},
		{url: "http://api.cloudflare.com/client/v4", want: `-base-url "http://api.cloudflare.com/client/v4" uses http, which would send the API token in clear text`},
		{url: "ftp://api.cloudflare.com", want: `-base-url "ftp://api.cloudflare.com" uses the scheme "ftp"`},
		{url: "https://user:pass@api.cloudflare.com", want: "carries a user name or password"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			t.Parallel()
			err := baseURLProblem(tt.url)
			if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("baseURLProblem(%q) = %v, want %q", tt.url, err, tt.want)
			}
		})
	}
}

// findingsOf decodes the findings of -format json.
func findingsOf(t *testing.T, stdout string) []tokencheck.Finding {
	t.Helper()
	var report struct {
		Findings []tokencheck.Finding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("-format json: %v\n%s", err, stdout)
	}
	return report.Findings
}

// TestRunScenarioFromTerraform checks the JSON the Terraform CLI prints in
// this test, for a plan and for the state, and finds what the checker
// finds in it.
func TestRunScenarioFromTerraform(t *testing.T) {
	t.Parallel()
	state, plan := tokenchecktest.RunScenario(t, tokenchecktest.V5Map)
	for name, data := range map[string][]byte{"state": state, "plan": plan} {
		doc, err := tokencheck.Read(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want := tokencheck.Check(catalog.Default(), doc).Findings
		r := runWith(t, bytes.NewReader(data), nil, "-format", "json")
		got := findingsOf(t, r.stdout)
		if r.status != exitFindings || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: status %d, findings:\n%v\nwant:\n%v", name, r.status, got, want)
		}
	}
}

// stateOf is a state holding one token per case.
func stateOf(t *testing.T, cases []tokenchecktest.Case) []byte {
	t.Helper()
	resources := make([]any, len(cases))
	for i, c := range cases {
		resources[i] = map[string]any{"address": c.Type() + "." + c.Name, "mode": "managed", "type": c.Type(), "name": c.Name,
			"values": map[string]any{"name": c.Name, "policies": c.Policies}}
	}
	data, err := json.Marshal(map[string]any{"format_version": "1.0", "values": map[string]any{"root_module": map[string]any{"resources": resources}}})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Every kind of finding comes through the command with the catalog's text,
// severity, code, subject and group name.
func TestRunEveryFindingKind(t *testing.T) {
	t.Parallel()
	cases := tokenchecktest.Cases()
	r := runWith(t, bytes.NewReader(stateOf(t, cases)), nil, "-format", "json")
	got := map[string][]catalog.TokenFinding{}
	for _, f := range findingsOf(t, r.stdout) {
		got[f.Address] = append(got[f.Address], f.TokenFinding)
	}
	for _, c := range cases {
		want := catalog.Default().CheckTokenPolicies(c.Policies, c.Kind)
		if g := got[c.Type()+"."+c.Name]; fmt.Sprintf("%+v", g) != fmt.Sprintf("%+v", want) {
			t.Errorf("%s:\n%+v\nwant:\n%+v", c.Name, g, want)
		}
	}
	if r.status != exitFindings {
		t.Errorf("status %d", r.status)
	}
}

// liveServer serves the embedded catalog less its first group, plus a group
// newer than it, to the test token only, and counts requests.
func liveServer(t *testing.T, newer cfapi.PermissionGroup, requests *atomic.Int32) *httptest.Server {
	t.Helper()
	snap, err := catalog.EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	result := []cfapi.PermissionGroup{newer}
	for _, g := range snap.Groups[1:] {
		result = append(result, cfapi.PermissionGroup{ID: g.ID, Name: g.Name, Scopes: g.ScopeKeys, Category: g.Category})
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.Header.Get("Authorization") != "Bearer test-token" || r.URL.Path != "/accounts/"+strings.Repeat("a", 32)+"/tokens/permission_groups" {
			w.WriteHeader(http.StatusForbidden)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":9109,"message":"Unauthorized\u001b[2J to access requested resource"}]}`)
			return
		}
		_ = json.NewEncoder(w).Encode(cfapi.Response{Success: true, Result: result})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// With -live a group newer than the embedded catalog is known; without it,
// its id is a warning naming the catalog's date.
func TestRunLive(t *testing.T) {
	t.Parallel()
	newer := cfapi.PermissionGroup{ID: strings.Repeat("e7", 16), Name: "Newer Than The Catalog Read", Scopes: []string{catalog.ScopeKeyAccount}}
	var requests atomic.Int32
	srv := liveServer(t, newer, &requests)
	state := stateOf(t, []tokenchecktest.Case{{Name: "newer", Policies: []any{map[string]any{"effect": "allow",
		"permission_groups": []any{map[string]any{"id": newer.ID}}, "resources": map[string]any{"com.cloudflare.api.account." + strings.Repeat("a", 32): "*"}}}}})
	account := []string{"-account-id", strings.Repeat("a", 32), "-base-url", srv.URL}

	embedded := runWith(t, bytes.NewReader(state), nil)
	if embedded.status != exitClean || !strings.Contains(embedded.stdout, `"`+newer.ID+`" is not a permission group id in this catalog (snapshot of `+catalogtest.AsOf()+`)`) {
		t.Fatalf("embedded: status %d\n%s", embedded.status, embedded.stdout)
	}
	live := runWith(t, bytes.NewReader(state), map[string]string{"CLOUDFLARE_API_TOKEN": "test-token"}, append([]string{"-live"}, account...)...)
	if live.status != exitClean || !strings.Contains(live.stdout, "against Cloudflare's live list of permission groups (fetched ") ||
		!strings.HasSuffix(live.stdout, "): no findings.\n") || !strings.Contains(live.stderr, "1 newer than the embedded catalog") ||
		!strings.Contains(live.stderr, fmt.Sprintf("live list has %d groups", catalogtest.Total())) || !strings.Contains(live.stderr, "1 of its groups no longer listed") {
		t.Fatalf("live: status %d\nstdout: %s\nstderr: %s", live.status, live.stdout, live.stderr)
	}
	denied := runWith(t, bytes.NewReader(state), map[string]string{"CLOUDFLARE_API_TOKEN": "wrong"}, append([]string{"-live", "-timeout", "5s"}, account...)...)
	if denied.status != exitBadInput || !strings.Contains(denied.stderr, "cannot fetch Cloudflare's live list of permission groups: Cloudflare answered HTTP 403") ||
		strings.ContainsRune(denied.stderr, '\x1b') || strings.Contains(denied.stderr, "wrong") {
		t.Fatalf("denied: status %d\nstderr: %q", denied.status, denied.stderr)
	}
	if requests.Load() != 2 {
		t.Errorf("%d requests to the test server, want 2 (only -live runs ask)", requests.Load())
	}
}

// Run with nothing piped in (a terminal, or /dev/null as here), the command
// says what to pass instead of waiting for input.
func TestRunWithoutInput(t *testing.T) {
	t.Parallel()
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer func() { _ = devNull.Close() }()
	r := runWith(t, devNull, nil)
	if r.status != exitBadInput || !strings.HasPrefix(r.stderr, "cfperms-check: no input: name a file, or pipe the output of `terraform show -json PLANFILE`") {
		t.Fatalf("status %d, stderr %q", r.status, r.stderr)
	}
}
