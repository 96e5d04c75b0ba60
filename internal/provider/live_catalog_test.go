package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
)

const (
	liveToken  = "cfperms-test-token-9f8e7d6c5b4a"
	newGroupID = "00112233445566778899aabbccddeeff"
	// changedDNSID is the id DNS Write gets in the "changed-id" mode.
	changedDNSID = "ddddeeeeffff00001111222233334444"
)

// The group the fake live list renames, found through the resolver (so a
// real refresh that renames it changes nothing here), its embedded name
// and the name the fake gives it.
var (
	renamedID   = catalogtest.ID("account", "Browser Run Write")
	renamedFrom = catalogtest.Name(renamedID)
	renamedTo   = renamedFrom + " Renamed"
	removedName = catalogtest.Name(idBillingRead)
)

// fakeCloudflare serves the List permission groups endpoint on loopback,
// in Cloudflare's response shape: the embedded catalog as Cloudflare might
// list it later (one group added, one renamed, one removed), 100 a page.
type fakeCloudflare struct {
	*httptest.Server
	requests atomic.Int32
	// mode is one of "", "429-once", "500", "401", "403", "malformed",
	// "slow", "redirect" (to target), "echo" (a 401 echoing the token amid
	// escape sequences), "repeat" (ignoring paging), "truncated" (a tenth of
	// the groups), "changed-id" (DNS Write under changedDNSID).
	mode   string
	once   sync.Once
	groups []cfapi.PermissionGroup
	// target is where the "redirect" mode points, on another loopback port.
	target    *httptest.Server
	targetHit atomic.Int32
	// BaseURL is the server's URL with a path no other fake server has had:
	// live fetches are remembered per base URL for the life of the process,
	// and a closed server's port is soon another's.
	BaseURL   string
	userAgent atomic.Value
}

// fakeServers counts the fake servers started, for their BaseURL.
var fakeServers atomic.Int64

func newFakeCloudflare(t *testing.T, mode string) *fakeCloudflare {
	t.Helper()
	embedded, err := catalog.EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	var groups []cfapi.PermissionGroup
	for _, g := range embedded.Groups {
		switch g.ID {
		case idBillingRead:
			continue
		case renamedID:
			g.Name = renamedTo
		}
		groups = append(groups, cfapi.PermissionGroup{ID: g.ID, Name: g.Name, Scopes: g.ScopeKeys})
	}
	groups = append(groups, cfapi.PermissionGroup{ID: newGroupID, Name: "Workers Secrets Write", Scopes: []string{catalog.ScopeKeyAccount}})
	switch mode {
	case "truncated":
		groups = groups[:len(groups)/10]
	case "changed-id":
		for i, g := range groups {
			if g.ID == idDNSWrite {
				groups[i].ID = changedDNSID
			}
		}
	}

	f := &fakeCloudflare{mode: mode, groups: groups}
	if mode == "redirect" {
		f.target = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			f.targetHit.Add(1)
			_, _ = fmt.Fprint(w, `{"success":true,"result":[]}`)
		}))
		t.Cleanup(f.target.Close)
	}
	release := make(chan struct{})
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.requests.Add(1)
		f.userAgent.Store(r.UserAgent())
		switch f.mode {
		case "redirect":
			http.Redirect(w, r, f.target.URL+r.URL.RequestURI(), http.StatusFound)
			return
		case "echo":
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = fmt.Fprintf(w, `{"success":false,"errors":[{"code":9109,"message":"\u001b]0;pwned\u0007\u001b[2J%s is not a valid token\nError: forged \u202eline"}]}`, r.Header.Get("Authorization"))
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+liveToken {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":9109,"message":"Invalid access token"}]}`)
			return
		}
		switch f.mode {
		case "429-once":
			throttled := false
			f.once.Do(func() { throttled = true })
			if throttled {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
		case "500":
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":10001,"message":"internal error"}]}`)
			return
		case "401":
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":9109,"message":"Invalid access token"}]}`)
			return
		case "403":
			w.WriteHeader(http.StatusForbidden)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":9109,"message":"Unauthorized to access requested resource"}]}`)
			return
		case "malformed":
			_, _ = fmt.Fprint(w, `{"success":true,"result":[{"id":`)
			return
		case "slow":
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		const perPage = 100
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page < 1 || f.mode == "repeat" {
			page = 1
		}
		start, end := (page-1)*perPage, page*perPage
		start, end = min(start, len(groups)), min(end, len(groups))
		_ = json.NewEncoder(w).Encode(cfapi.Response{Success: true, Result: groups[start:end], ResultInfo: &cfapi.ResultInfo{
			Page: page, PerPage: perPage, Count: end - start, TotalCount: len(groups), TotalPages: (len(groups) + perPage - 1) / perPage,
		}})
	}))
	t.Cleanup(func() { close(release); f.Close() })
	f.BaseURL = fmt.Sprintf("%s/fake-%d/client/v4", f.URL, fakeServers.Add(1))
	return f
}

func (f *fakeCloudflare) providerBlock(extra string) string {
	return fmt.Sprintf("provider \"cfperms\" {\n  live_catalog = true\n  base_url     = %q\n  api_token    = %q\n%s\n}\n", f.BaseURL, liveToken, extra)
}

// providerBlockTokenFromEnv leaves the token to CLOUDFLARE_API_TOKEN.
func (f *fakeCloudflare) providerBlockTokenFromEnv() string {
	return fmt.Sprintf("provider \"cfperms\" {\n  live_catalog = true\n  base_url     = %q\n}\n", f.BaseURL)
}

// With live_catalog unset the provider makes no network call at all, even
// with a token and an API address configured.
func TestNoNetworkWithoutLiveCatalog(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "cfperms" {
  base_url  = %q
  api_token = %q
}
data "cfperms_permission_group" "test" { name = "DNS Write" }
data "cfperms_catalog" "all" {}`, srv.BaseURL, liveToken),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("source"), knownvalue.StringExact("embedded")),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("added"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
	if n := srv.requests.Load(); n != 0 {
		t.Fatalf("%d requests reached the API with live_catalog unset", n)
	}
}

func TestLiveCatalog(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: srv.providerBlock("") + `
data "cfperms_permission_group" "new" { name = "Workers Secrets Write" }
data "cfperms_permission_group" "renamed_new" { name = "` + renamedTo + `" }
data "cfperms_permission_group" "renamed_old" { name = "` + renamedFrom + `" }
data "cfperms_permission_group" "removed" { name = "` + removedName + `" }
data "cfperms_permission_groups" "mixed" { names = ["Workers Secrets Write", "DNS Write"] }
data "cfperms_catalog" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_permission_group.new", tfjsonpath.New("id"), knownvalue.StringExact(newGroupID)),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.renamed_new", tfjsonpath.New("id"), knownvalue.StringExact(renamedID)),
				// The live name is the group's API name now, matched exactly, not
				// a second name beside the old one.
				statecheck.ExpectKnownValue("data.cfperms_permission_group.renamed_new", tfjsonpath.New("api_name"), knownvalue.StringExact(renamedTo)),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.renamed_new", tfjsonpath.New("matched_by"), knownvalue.StringExact("exact")),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.renamed_old", tfjsonpath.New("api_name"), knownvalue.StringExact(renamedTo)),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.renamed_old", tfjsonpath.New("matched_by"), knownvalue.StringExact("renamed")),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.removed", tfjsonpath.New("id"), knownvalue.StringExact(idBillingRead)),
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.mixed", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(newGroupID), knownvalue.StringExact(idDNSWrite),
				})),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("source"), knownvalue.StringExact("live")),
				// The live list is authoritative: the retired group is in removed, not in the total.
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(srv.groups)))),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("added").AtSliceIndex(0).AtMapKey("api_name"), knownvalue.StringExact("Workers Secrets Write")),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("removed").AtSliceIndex(0).AtMapKey("api_name"), knownvalue.StringExact(removedName)),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("renamed"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(renamedID), "scope": knownvalue.StringExact("account"),
						"from": knownvalue.StringExact(renamedFrom), "to": knownvalue.StringExact(renamedTo),
					}),
				})),
			},
		}},
	})
	// 100 groups a page, fetched once per process.
	if n, pages := srv.requests.Load(), int32((len(srv.groups)+99)/100); n != pages {
		t.Fatalf("%d requests, want the %d pages once", n, pages)
	}
	if ua := srv.userAgent.Load(); ua != "terraform-provider-cfperms/test" {
		t.Fatalf("User-Agent %q, want the provider and its version", ua)
	}
}

func TestLiveCatalogRateLimitedOnce(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "429-once")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: srv.providerBlock("") + `data "cfperms_permission_group" "new" { name = "Workers Secrets Write" }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_permission_group.new", tfjsonpath.New("id"), knownvalue.StringExact(newGroupID)),
			},
		}},
	})
}

func TestLiveCatalogFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode, timeout, want string
	}{
		// The retries' waits leave time for a last answer: the 500 itself.
		{"500", "2s", `Cloudflare answered HTTP 500: internal error`},
		{"401", "", `HTTP 401: the API token is missing, malformed or revoked`},
		{"403", "", `HTTP 403: the token may not list permission groups \(it needs the "API Tokens Read" user permission`},
		{"malformed", "", `not a List permission groups JSON document`},
		{"slow", "1s", `no complete list of permission groups within 1s`},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			t.Parallel()
			srv := newFakeCloudflare(t, tt.mode)
			timeout := ""
			if tt.timeout != "" {
				timeout = fmt.Sprintf("  timeout = %q", tt.timeout)
			}
			// By default the embedded catalog takes over, with a warning.
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: srv.providerBlock(timeout) + `
data "cfperms_permission_group" "dns" { name = "DNS Write" }
data "cfperms_catalog" "all" {}`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.cfperms_permission_group.dns", tfjsonpath.New("id"), knownvalue.StringExact(idDNSWrite)),
						statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("source"), knownvalue.StringExact("embedded")),
					},
				}},
			})
			// Strict mode stops with the reason. A new server: fetches are
			// remembered for the life of the process.
			strict := newFakeCloudflare(t, tt.mode)
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      strict.providerBlock(timeout+"\n  live_catalog_strict = true") + `data "cfperms_permission_group" "dns" { name = "DNS Write" }`,
					ExpectError: errorPattern(tt.want),
				}},
			})
		})
	}
}

func TestLiveCatalogNeedsAToken(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "cfperms" {
  live_catalog        = true
  live_catalog_strict = true
  api_token           = ""
}
data "cfperms_permission_group" "dns" { name = "DNS Write" }`,
			ExpectError: errorPattern(`live_catalog needs an API token: set api_token or the CLOUDFLARE_API_TOKEN environment variable`),
		}},
	})
}

func TestInvalidTimeout(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      "provider \"cfperms\" {\n  timeout = \"soon\"\n}\ndata \"cfperms_permission_group\" \"dns\" { name = \"DNS Write\" }",
			ExpectError: errorPattern(`timeout must be a positive Go duration such as "30s"`),
		}},
	})
}

// The token must not reach logs, even at TF_LOG=trace, nor diagnostics. It
// comes from CLOUDFLARE_API_TOKEN here: the test harness logs the
// configuration it writes, so a token written in it would prove nothing.
func TestTokenNeverLogged(t *testing.T) { //nolint:paralleltest // t.Setenv: logging is configured per process
	logFile := filepath.Join(t.TempDir(), "terraform.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	t.Setenv("CLOUDFLARE_API_TOKEN", liveToken)
	srv := newFakeCloudflare(t, "")
	failing := newFakeCloudflare(t, "401")
	redirecting := newFakeCloudflare(t, "redirect")
	echoing := newFakeCloudflare(t, "echo")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: srv.providerBlockTokenFromEnv() + `data "cfperms_permission_group" "new" { name = "Workers Secrets Write" }`},
			{Config: failing.providerBlockTokenFromEnv() + `data "cfperms_permission_group" "dns" { name = "DNS Write" }`},
			{Config: redirecting.providerBlockTokenFromEnv() + `data "cfperms_permission_group" "dns" { name = "DNS Write" }`},
			{Config: echoing.providerBlockTokenFromEnv() + `data "cfperms_permission_group" "dns" { name = "DNS Write" }`},
		},
	})
	if redirecting.targetHit.Load() != 0 {
		t.Fatal("the redirect target was reached")
	}
	deadline := time.Now().Add(5 * time.Second)
	var logs []byte
	for time.Now().Before(deadline) {
		logs, _ = os.ReadFile(logFile)
		if len(logs) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(string(logs), "fetched the live list of permission groups") {
		t.Fatalf("the trace log (%d bytes) lacks the provider's own lines; the check below would prove nothing", len(logs))
	}
	if strings.Contains(string(logs), liveToken) {
		for _, line := range strings.Split(string(logs), "\n") {
			if strings.Contains(line, liveToken) {
				t.Log(line)
			}
		}
		t.Fatal("the API token appears in the TF_LOG=trace output")
	}
}

// The warnings of live mode, as Terraform shows them.
func TestLiveCatalogWarnings(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "")
	expectWarnings(t, planDiagnostics(t, srv.providerBlock("")+`
data "cfperms_permission_group" "removed" { name = "`+removedName+`" }
data "cfperms_permission_group" "renamed" { name = "`+renamedFrom+`" }`),
		`"`+removedName+`" (`+idBillingRead+`) is not in Cloudflare's live list of permission groups`,
		`"`+renamedFrom+`" is a former name of the account permission group "`+renamedTo+`"`)

	down := newFakeCloudflare(t, "500")
	expectWarnings(t, planDiagnostics(t, down.providerBlock(`  timeout = "1s"`)+`
data "cfperms_permission_group" "dns" { name = "DNS Write" }`),
		`Cloudflare answered HTTP 500: internal error`)
}

// expectTokenFree fails when any diagnostic holds the token or a character
// that could rewrite the terminal it is printed on.
func expectTokenFree(t *testing.T, diags []cliDiagnostic) {
	t.Helper()
	for _, d := range diags {
		text := d.Summary + "\n" + d.Detail
		if strings.Contains(text, liveToken) {
			t.Fatalf("the token is in the diagnostic %q: %q", d.Summary, d.Detail)
		}
		if strings.ContainsAny(text, "\x1b\x07\u202e") {
			t.Fatalf("control characters in the diagnostic %q: %q", d.Summary, d.Detail)
		}
	}
}

// expectWarningTitled finds the warning with a title and a detail holding want.
func expectWarningTitled(t *testing.T, diags []cliDiagnostic, summary, want string) {
	t.Helper()
	for _, d := range diags {
		if d.Severity == "warning" && d.Summary == summary && strings.Contains(d.Detail, want) {
			return
		}
	}
	t.Fatalf("no warning %q saying %q among %+v", summary, want, diags)
}

// A redirect ends live mode with the status and the target host; the
// target, on another loopback port, never hears from the provider.
func TestLiveCatalogRedirectKeepsTheToken(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "redirect")
	diags := planDiagnostics(t, srv.providerBlock("")+`data "cfperms_permission_group" "dns" { name = "DNS Write" }`)
	expectTokenFree(t, diags)
	expectWarningTitled(t, diags, "Live permission group list unavailable",
		"Cloudflare answered HTTP 302, a redirect to "+strings.TrimPrefix(srv.target.URL, "http://"))

	strict := newFakeCloudflare(t, "redirect")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      strict.providerBlock("  live_catalog_strict = true") + `data "cfperms_permission_group" "dns" { name = "DNS Write" }`,
			ExpectError: errorPattern(`HTTP 302, a redirect to ` + regexp.QuoteMeta(strings.TrimPrefix(strict.target.URL, "http://"))),
		}},
	})
	if n := srv.targetHit.Load() + strict.targetHit.Load(); n != 0 {
		t.Fatalf("the redirect target got %d requests", n)
	}
}

// A server that echoes the token amid escape sequences gets neither into
// the diagnostic.
func TestLiveCatalogServerEchoIsCleaned(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "echo")
	diags := planDiagnostics(t, srv.providerBlock("")+`data "cfperms_permission_group" "dns" { name = "DNS Write" }`)
	expectTokenFree(t, diags)
	expectWarningTitled(t, diags, "Live permission group list unavailable", "Bearer [redacted] is not a valid token Error: forged line")
}

// A server that ignores paging is asked twice, not a hundred times.
func TestLiveCatalogRepeatedPage(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "repeat")
	diags := planDiagnostics(t, srv.providerBlock("")+`data "cfperms_permission_group" "dns" { name = "DNS Write" }`)
	expectWarningTitled(t, diags, "Live permission group list unavailable", "page 2 of the list of permission groups repeats groups of earlier pages")
	if n := srv.requests.Load(); n != 2 {
		t.Fatalf("%d requests, want 2", n)
	}
}

// A live list that fails the sanity floors is not used, under a title that
// says why; strict mode stops.
func TestLiveCatalogTruncated(t *testing.T) {
	t.Parallel()
	embedded, err := catalog.EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	srv := newFakeCloudflare(t, "truncated")
	diags := planDiagnostics(t, srv.providerBlock("")+`
data "cfperms_permission_group" "dns" { name = "DNS Write" }
output "source" { value = data.cfperms_permission_group.dns.id }`)
	expectWarningTitled(t, diags, "Live permission group list looks truncated or wrong",
		fmt.Sprintf("the group count fell from %d to %d", len(embedded.Groups), len(srv.groups)))

	strict := newFakeCloudflare(t, "truncated")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      strict.providerBlock("  live_catalog_strict = true") + `data "cfperms_permission_group" "dns" { name = "DNS Write" }`,
			ExpectError: errorPattern(`Live permission group list looks truncated or wrong`),
		}},
	})
	fallback := newFakeCloudflare(t, "truncated")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fallback.providerBlock("") + `data "cfperms_catalog" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("source"), knownvalue.StringExact("embedded")),
			},
		}},
	})
}

// A group whose id changed resolves to its live id in every data source;
// the old id is a removal, the new one an addition, and filters and maps
// show the live group only.
func TestLiveCatalogChangedID(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "changed-id")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: srv.providerBlock("") + `
data "cfperms_permission_group" "dns" { name = "DNS Write" }
data "cfperms_permission_group" "dns_any" { name = "dns write" }
data "cfperms_permission_groups" "filtered" { name_regex = "^DNS Write$" }
data "cfperms_permission_groups" "listed" { names = ["DNS Write", "Zone > DNS > Edit"] }
data "cfperms_catalog" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cfperms_permission_group.dns", tfjsonpath.New("id"), knownvalue.StringExact(changedDNSID)),
				statecheck.ExpectKnownValue("data.cfperms_permission_group.dns_any", tfjsonpath.New("id"), knownvalue.StringExact(changedDNSID)),
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.filtered", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(changedDNSID)})),
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.filtered", tfjsonpath.New("by_name"),
					knownvalue.MapExact(map[string]knownvalue.Check{"DNS Write": knownvalue.StringExact(changedDNSID)})),
				statecheck.ExpectKnownValue("data.cfperms_permission_groups.listed", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(changedDNSID), knownvalue.StringExact(changedDNSID)})),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("zone").AtMapKey("DNS Write"), knownvalue.StringExact(changedDNSID)),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(srv.groups)))),
				// added and removed are sorted by scope key: the account groups
				// Workers Secrets Write and Billing Read come first.
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("added"), knownvalue.ListPartial(map[int]knownvalue.Check{
					1: knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(changedDNSID)}),
				})),
				statecheck.ExpectKnownValue("data.cfperms_catalog.all", tfjsonpath.New("removed"), knownvalue.ListPartial(map[int]knownvalue.Check{
					1: knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(idDNSWrite)}),
				})),
			},
		}},
	})
	// The old id still resolves, with a warning that names the new one.
	again := newFakeCloudflare(t, "changed-id")
	expectWarnings(t, planDiagnostics(t, again.providerBlock("")+`data "cfperms_permission_group" "old" { name = "`+idDNSWrite+`" }`),
		`"DNS Write" in zone scope under another id, `+changedDNSID)
}

// base_url is checked at plan, with or without live mode: a bearer token
// goes over https only (http to loopback hosts, for tests), and never with
// user info, a query or a fragment. live_catalog is off here, so no test
// case can send a request anywhere, even if the check failed.
func TestBaseURLValidated(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, url, want string
	}{
		{name: "cleartext", url: "http://api.cloudflare.com/client/v4", want: `uses http, which would send the API token in clear text`},
		{name: "user info", url: "https://me:pw@api.cloudflare.com/client/v4", want: `carries a user name or password`},
		{name: "query", url: "https://api.cloudflare.com/client/v4?debug=1", want: `has a query`},
		{name: "file", url: "file:///etc/passwd", want: `uses the scheme "file"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("provider \"cfperms\" {\n  base_url = %q\n}\ndata \"cfperms_permission_group\" \"dns\" { name = \"DNS Write\" }", tt.url),
					ExpectError: errorPattern(`(?s)Invalid base_url.*` + regexp.QuoteMeta(tt.want)),
				}},
			})
		})
	}
}
