package tokencheck_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

// sample is a state with one clean token, one with an error and a warning,
// and a for_each key holding a newline.
func sample(t *testing.T) tokencheck.Report {
	t.Helper()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	user := catalogtest.ID("user", "Memberships Read")
	scripts := catalogtest.ID("account", "Workers Scripts Write")
	state := `{"format_version":"1.0","values":{"root_module":{"resources":[
	 {"address":"cloudflare_api_token.ok","mode":"managed","type":"cloudflare_api_token","values":{"policies":[{"effect":"allow","permission_groups":[{"id":"` + dnsWrite + `"}],"resources":"{\"com.cloudflare.api.account.zone.*\":\"*\"}"}]}}],
	 "child_modules":[{"address":"module.m","resources":[
	 {"address":"module.m.cloudflare_account_token.t[\"a\nb\"]","mode":"managed","type":"cloudflare_account_token","values":{"policies":[
	   {"effect":"allow","permission_groups":[{"id":"` + user + `"},{"id":"` + scripts + `"}],"resources":{"com.cloudflare.api.account.*":"*"}}]}}]}]}}}`
	doc, err := tokencheck.Read(strings.NewReader(state))
	if err != nil {
		t.Fatal(err)
	}
	return tokencheck.Check(catalog.Default(), doc)
}

func render(t *testing.T, r tokencheck.Report, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := tokencheck.WriteReport(&b, r, format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteReportText(t *testing.T) {
	t.Parallel()
	r := sample(t)
	got := render(t, r, "text")
	loc := `module.m.cloudflare_account_token.t["a\u000ab"].policies[0]`
	want := loc + ": warning: " + r.Findings[0].Message + "\n" +
		loc + ": error: " + r.Findings[1].Message + "\n" +
		"Checked 2 tokens in this state against the embedded catalog (snapshot of " + catalogtest.AsOf() + "): 1 error, 1 warning, 0 skipped.\n"
	if got != want {
		t.Fatalf("text:\n%s\nwant:\n%s", got, want)
	}
	if r.Findings[0].Code != catalog.FindingAccountWildcard || r.Findings[1].Code != catalog.FindingUserInAccountToken {
		t.Fatalf("findings: %+v", r.Findings)
	}
}

// GitHub workflow commands: one line per finding, whatever the input holds;
// the title escapes the characters that end a property.
func TestWriteReportGitHub(t *testing.T) {
	t.Parallel()
	r := sample(t)
	lines := strings.Split(strings.TrimSuffix(render(t, r, "github"), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("lines: %q", lines)
	}
	prefixes := []string{
		`::warning title=cfperms%3A Every account in an account-owned token::module.m.cloudflare_account_token.t["a\u000ab"].policies[0]: "com.cloudflare.api.account.*" (every account)`,
		`::error title=cfperms%3A User scope in an account-owned token::module.m.cloudflare_account_token.t["a\u000ab"].policies[0]: permission_groups[0]: "Memberships Read"`,
		"Checked 2 tokens",
	}
	for i, p := range prefixes {
		if !strings.HasPrefix(lines[i], p) {
			t.Errorf("line %d:\n%s\nwant prefix:\n%s", i, lines[i], p)
		}
	}
}

func TestWriteReportJSON(t *testing.T) {
	t.Parallel()
	r := sample(t)
	var got struct {
		Catalog struct {
			AsOf string `json:"as_of"`
		} `json:"catalog"`
		Input    string           `json:"input"`
		Tokens   int              `json:"tokens"`
		Counts   map[string]int   `json:"counts"`
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(render(t, r, "json")), &got); err != nil {
		t.Fatal(err)
	}
	if got.Catalog.AsOf != catalogtest.AsOf() || got.Input != "state" || got.Tokens != 2 || got.Counts["errors"] != 1 || len(got.Findings) != 2 {
		t.Fatalf("json: %+v", got)
	}
	f := got.Findings[1]
	want := map[string]any{"address": "module.m.cloudflare_account_token.t[\"a\nb\"]", "attribute": "policies", "policy": 0.0,
		"subject": catalogtest.ID("user", "Memberships Read"), "name": "Memberships Read", "severity": "error", "code": "user_in_account_token", "message": r.Findings[1].Message}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("findings[1].%s = %v, want %v", k, f[k], v)
		}
	}
	if len(f) != len(want) {
		t.Errorf("findings[1] has fields %v", f)
	}
}

// A clean report still says what was checked, and JSON has an empty list.
func TestWriteReportClean(t *testing.T) {
	t.Parallel()
	doc, err := tokencheck.Read(strings.NewReader(`{"format_version":"1.0","values":{"root_module":{"resources":[
	 {"address":"cloudflare_api_token.ok","mode":"managed","type":"cloudflare_api_token","values":{"policy":[{"effect":"allow","permission_groups":["` +
		catalogtest.ID("zone", "DNS Write") + `"],"resources":{"com.cloudflare.api.account.zone.*":"*"}}]}}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	r := tokencheck.Check(catalog.Default(), doc)
	if got := render(t, r, "text"); got != "Checked 1 token in this state against the embedded catalog (snapshot of "+catalogtest.AsOf()+"): no findings.\n" {
		t.Fatalf("text: %q", got)
	}
	if got := render(t, r, "json"); !strings.Contains(got, `"findings": []`) {
		t.Fatalf("json: %s", got)
	}
	if err := tokencheck.WriteReport(&bytes.Buffer{}, r, "yaml"); err == nil || !strings.Contains(err.Error(), "text, json, github") {
		t.Fatalf("unknown format error = %v", err)
	}
}

// Printable escapes every rune unfit to show, the bidi override and the
// line separator among them, and leaves other text alone.
func TestPrintable(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"cloudflare_api_token.t[\"a\nb\"]": `cloudflare_api_token.t["a\u000ab"]`,
		"t[\"\u202Eevil\"]":                `t["\u202eevil"]`,
		"t[\"a\u2028::error::forged\"]":    `t["a\u2028::error::forged"]`,
		"t[\"zero\u200dwidth\"]":           `t["zero\u200dwidth"]`,
		"module.m.t[\"café\"]":             "module.m.t[\"café\"]",
	} {
		if got := catalog.Printable(in); got != want {
			t.Errorf("catalog.Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
