package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixture = `{"success":true,"errors":[],"messages":[],"result":[
 {"id":"4755a26eedb94da69e1066d98aa820be","name":"DNS Write","description":"Grants write access to DNS","scopes":["com.cloudflare.api.account.zone"],"category":"dns_and_zones"},
 {"id":"7cf72faf220841aabcfdfab81c43c4f6","name":"Billing Read","description":"prose","scopes":["com.cloudflare.api.account"],"category":null},
 {"id":"0123456789abcdef0123456789abcdef","name":"Worker Secrets Read","description":"prose","scopes":["com.cloudflare.api.account.worker"]}
]}`

func TestGenerateFromFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	out := filepath.Join(dir, "groups.tsv")
	if err := os.WriteFile(in, []byte(fixture), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(out)
	text := string(first)
	for _, want := range []string{"# as_of: 2026-01-27", "# total: 3", "com.cloudflare.api.account.worker\t\tWorker Secrets Read", "4755a26eedb94da69e1066d98aa820be\tcom.cloudflare.api.account.zone\tdns_and_zones\tDNS Write", "\tcom.cloudflare.api.account\t\tBilling Read"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "prose") || strings.Contains(text, "Grants") {
		t.Error("descriptions leaked into the catalog")
	}
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(out)
	if string(first) != string(second) {
		t.Fatal("same input, different bytes")
	}
}

func TestGenerateRefusesShrink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	out := filepath.Join(dir, "groups.tsv")
	_ = os.WriteFile(in, []byte(fixture), 0o600)
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	smaller := strings.Replace(fixture, `,
 {"id":"0123456789abcdef0123456789abcdef","name":"Worker Secrets Read","description":"prose","scopes":["com.cloudflare.api.account.worker"]}`, "", 1)
	_ = os.WriteFile(in, []byte(smaller), 0o600)
	err := run([]string{"-in", in, "-out", out, "-as-of", "2026-02-01"})
	if err == nil || !strings.Contains(err.Error(), "com.cloudflare.api.account.worker had 1 groups and now has none") {
		t.Fatalf("want a refusal naming the vanished scope, got %v", err)
	}
	if data, _ := os.ReadFile(out); !strings.Contains(string(data), "2026-01-27") {
		t.Fatal("the committed catalog was overwritten")
	}
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-02-01", "-force"}); err != nil {
		t.Fatalf("-force did not write: %v", err)
	}
	// Success must mean written: the new date, and the vanished scope gone.
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "# as_of: 2026-02-01\n") || strings.Contains(string(data), "com.cloudflare.api.account.worker") {
		t.Fatalf("-force reported success, but the catalog holds the old snapshot:\n%s", data)
	}
}

func TestGenerateNeedsDateForFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	_ = os.WriteFile(in, []byte(fixture), 0o600)
	err := run([]string{"-in", in, "-out", filepath.Join(dir, "x.tsv")})
	if err == nil || !strings.Contains(err.Error(), "-as-of is required") {
		t.Fatalf("got %v", err)
	}
}

// The live path talks to a real HTTP server on loopback.
func TestGenerateLive(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" || r.URL.Path != "/accounts/acc/tokens/permission_groups" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		_, _ = fmt.Fprint(w, fixture)
	}))
	defer srv.Close()
	t.Setenv("CLOUDFLARE_API_TOKEN", "tok")
	out := filepath.Join(t.TempDir(), "groups.tsv")
	if err := run([]string{"-base-url", srv.URL, "-account-id", "acc", "-out", out, "-as-of", "2026-03-01"}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "# source: GET /accounts/{account_id}/tokens/permission_groups") {
		t.Fatalf("unexpected output:\n%s", data)
	}
}

// A refresh that renames a group keeps the old name as a former name, dated
// with the refresh, and says what changed.
func TestGenerateKeepsFormerNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	out := filepath.Join(dir, "groups.tsv")
	summary := filepath.Join(dir, "summary.md")
	_ = os.WriteFile(in, []byte(fixture), 0o600)
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(fixture, `"name":"Billing Read"`, `"name":"Billing Records Read"`, 1)
	_ = os.WriteFile(in, []byte(renamed), 0o600)
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-02-01", "-summary", summary}); err != nil {
		t.Fatal(err)
	}
	former, _ := os.ReadFile(filepath.Join(dir, "former-names.tsv"))
	if !strings.Contains(string(former), "Billing Read\taccount\t7cf72faf220841aabcfdfab81c43c4f6\t2026-02-01\t") {
		t.Fatalf("former names lack the old name:\n%s", former)
	}
	text, _ := os.ReadFile(summary)
	if !strings.Contains(string(text), `account: "Billing Read" is now "Billing Records Read"`) {
		t.Fatalf("summary lacks the rename:\n%s", text)
	}
	// The same refresh again adds no second row.
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-02-01"}); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(dir, "former-names.tsv"))
	if string(again) != string(former) {
		t.Fatalf("a repeated refresh changed former names:\n%s", again)
	}
}

// A response with a category that is not a key (here, a tab and a line
// that would be a row of its own) is refused whole, and the committed
// catalog and former names stay as they were, byte for byte.
func TestGenerateRefusesHostileCategory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	out := filepath.Join(dir, "groups.tsv")
	former := filepath.Join(dir, "former-names.tsv")
	_ = os.WriteFile(in, []byte(fixture), 0o600)
	if err := run([]string{"-in", in, "-out", out, "-former-names", former, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	catalogBefore, _ := os.ReadFile(out)
	formerBefore, _ := os.ReadFile(former)
	hostile := strings.Replace(fixture, `"name":"DNS Write","description":"Grants write access to DNS","scopes":["com.cloudflare.api.account.zone"],"category":"dns_and_zones"`,
		`"name":"DNS Edit","description":"x","scopes":["com.cloudflare.api.account.zone"],"category":"dns\t\nffffffffffffffffffffffffffffffff\tcom.cloudflare.api.user\t\tAll Of It"`, 1)
	_ = os.WriteFile(in, []byte(hostile), 0o600)
	err := run([]string{"-in", in, "-out", out, "-former-names", former, "-as-of", "2026-02-01"})
	if err == nil || !strings.Contains(err.Error(), "category") {
		t.Fatalf("want a refusal naming the category, got %v", err)
	}
	catalogAfter, _ := os.ReadFile(out)
	formerAfter, _ := os.ReadFile(former)
	if string(catalogAfter) != string(catalogBefore) || string(formerAfter) != string(formerBefore) {
		t.Fatal("a refused response changed the committed files")
	}
}

// TestGenerateChangesBothFilesOrNeither: when the former names cannot be
// written, the refreshed catalog is not left behind without them (a rerun
// would see no rename, and the old name would be lost).
func TestGenerateChangesBothFilesOrNeither(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	out := filepath.Join(dir, "groups.tsv")
	_ = os.WriteFile(in, []byte(fixture), 0o600)
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(out)
	renamed := strings.Replace(fixture, `"name":"Billing Read"`, `"name":"Billing Records Read"`, 1)
	_ = os.WriteFile(in, []byte(renamed), 0o600)
	unwritable := filepath.Join(dir, "no-such-dir", "former-names.tsv")
	err := run([]string{"-in", in, "-out", out, "-as-of", "2026-02-01", "-former-names", unwritable})
	if err == nil || !strings.Contains(err.Error(), "is as it was") {
		t.Fatalf("error %v, want the failed former names write, the catalog put back", err)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("the catalog changed although its former names could not be written")
	}
}
