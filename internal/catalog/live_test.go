package catalog

import (
	"strings"
	"testing"
)

// liveSnapshot is the embedded catalog as Cloudflare might list it later:
// one group added, Browser Rendering renamed Browser Run, Billing Read gone.
func liveSnapshot(t *testing.T) (Snapshot, Snapshot) {
	t.Helper()
	embedded, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	live := Snapshot{AsOf: "2026-11-28", Source: "test"}
	for _, g := range embedded.Groups {
		switch g.Name {
		case "Billing Read":
			continue
		case "Browser Rendering Write":
			g.Name = "Browser Run Write"
		}
		live.Groups = append(live.Groups, g)
	}
	live.Groups = append(live.Groups, Group{ID: testUnknownID, Name: "Workers Secrets Write", ScopeKeys: []string{ScopeKeyAccount}})
	return embedded, live
}

func TestMerge(t *testing.T) {
	t.Parallel()
	embedded, live := liveSnapshot(t)
	c, diff := Merge(embedded, live)
	if !c.Live() || c.AsOf() != "2026-11-28" {
		t.Fatalf("Live %v AsOf %s", c.Live(), c.AsOf())
	}
	if len(diff.Added) != 1 || diff.Added[0].Name != "Workers Secrets Write" {
		t.Errorf("added %+v", diff.Added)
	}
	if len(diff.Removed) != 1 || diff.Removed[0].Name != "Billing Read" {
		t.Errorf("removed %+v", diff.Removed)
	}
	if len(diff.Renamed) != 1 || diff.Renamed[0].From != "Browser Rendering Write" || diff.Renamed[0].To != "Browser Run Write" {
		t.Errorf("renamed %+v", diff.Renamed)
	}

	// A new group resolves.
	m, err := c.Resolve("Workers Secrets Write", "")
	if err != nil || m.Warning() != "" {
		t.Fatalf("new group: %+v, %v", m, err)
	}
	// A renamed group resolves under both names; the old one warns.
	m, err = c.Resolve("Browser Run Write", "")
	if err != nil || m.Group.ID != idBrowserRenderingWrite || m.Warning() != "" {
		t.Fatalf("new name: %+v, %v, %q", m.Group, err, m.Warning())
	}
	m, err = c.Resolve("Browser Rendering Write", "")
	if err != nil || m.Group.ID != idBrowserRenderingWrite || !strings.Contains(m.Warning(), `former name of the account permission group "Browser Run Write"`) {
		t.Fatalf("old name: %+v, %v, %q", m.Group, err, m.Warning())
	}
	// A group gone from the live list still resolves, with a warning.
	m, err = c.Resolve("Billing Read", "")
	if err != nil || !strings.Contains(m.Warning(), "not in Cloudflare's live list") {
		t.Fatalf("removed group: %+v, %v, %q", m.Group, err, m.Warning())
	}
	m, err = c.Resolve(m.Group.ID, "")
	if err != nil || !strings.Contains(m.Warning(), "not in Cloudflare's live list") {
		t.Fatalf("removed group by id: %v, %q", err, m.Warning())
	}
	// The embedded catalog is untouched.
	if _, err := Default().Resolve("Workers Secrets Write", ""); err == nil {
		t.Fatal("the embedded catalog learned a live group")
	}
}
