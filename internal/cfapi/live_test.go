package cfapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// liveServer serves the embedded catalog's groups plus one newer group.
func liveServer(t *testing.T, extra PermissionGroup) *httptest.Server {
	t.Helper()
	snap, err := catalog.EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	result := []PermissionGroup{extra}
	for _, g := range snap.Groups {
		result = append(result, PermissionGroup{ID: g.ID, Name: g.Name, Scopes: g.ScopeKeys, Category: g.Category})
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(Response{Success: true, Result: result})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLiveCatalog(t *testing.T) {
	t.Parallel()
	newer := PermissionGroup{ID: strings.Repeat("ab", 16), Name: "Newer Than The Catalog Read", Scopes: []string{catalog.ScopeKeyAccount}}
	srv := liveServer(t, newer)
	c, diff, err := LiveCatalog(context.Background(), &Client{BaseURL: srv.URL, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Live() || len(diff.Added) != 1 || diff.Added[0].ID != newer.ID || len(diff.Removed) != 0 {
		t.Fatalf("live %v, diff %+v", c.Live(), diff)
	}
	if g, ok := c.ByID(newer.ID); !ok || g.Name != newer.Name {
		t.Fatalf("the newer group is not in the merged catalog: %+v", g)
	}
}

func TestLiveCatalogUnusableList(t *testing.T) {
	t.Parallel()
	srv := liveServer(t, PermissionGroup{ID: "not-an-id", Name: "Broken", Scopes: []string{catalog.ScopeKeyAccount}})
	_, _, err := LiveCatalog(context.Background(), &Client{BaseURL: srv.URL, Token: "t"})
	if err == nil || !strings.Contains(err.Error(), "not usable") {
		t.Fatalf("err = %v", err)
	}
}

// A list that echoes the token in a group's name is refused, without the
// token in the error: the name would reach plan output and state.
func TestLiveCatalogEchoingTheToken(t *testing.T) {
	t.Parallel()
	const token = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"
	srv := liveServer(t, PermissionGroup{ID: strings.Repeat("cd", 16), Name: "Echo " + token + " Read", Scopes: []string{catalog.ScopeKeyAccount}})
	_, _, err := LiveCatalog(context.Background(), &Client{BaseURL: srv.URL, Token: token})
	if err == nil || !strings.Contains(err.Error(), "holds the API token itself") || strings.Contains(err.Error(), token) {
		t.Fatalf("err = %v", err)
	}
}
