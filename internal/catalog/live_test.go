package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// Groups liveSnapshot renames and removes, found through the resolver so a
// real refresh that renames them changes nothing here.
var (
	idLiveRenamed = testID(ScopeKeyAccount, "Browser Run Write")
	idLiveRemoved = testID(ScopeKeyAccount, "Billing Read")
)

// liveRenamedName is the name the live list gives idLiveRenamed.
func liveRenamedName() string { return testName(idLiveRenamed) + " Renamed" }

// liveSnapshot is the embedded catalog as Cloudflare might list it later:
// one group added, one renamed, one gone.
func liveSnapshot(t *testing.T) (Snapshot, Snapshot) {
	t.Helper()
	embedded, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	live := Snapshot{AsOf: "2026-11-28", Source: "test"}
	for _, g := range embedded.Groups {
		switch g.ID {
		case idLiveRemoved:
			continue
		case idLiveRenamed:
			g.Name = liveRenamedName()
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
	if len(diff.Removed) != 1 || diff.Removed[0].Name != testName(idLiveRemoved) {
		t.Errorf("removed %+v", diff.Removed)
	}
	if len(diff.Renamed) != 1 || diff.Renamed[0].From != testName(idLiveRenamed) || diff.Renamed[0].To != liveRenamedName() {
		t.Errorf("renamed %+v", diff.Renamed)
	}

	// A new group resolves.
	m, err := c.Resolve("Workers Secrets Write", "")
	if err != nil || m.Warning() != "" {
		t.Fatalf("new group: %+v, %v", m, err)
	}
	// A renamed group resolves under both names; the old one warns.
	m, err = c.Resolve(liveRenamedName(), "")
	if err != nil || m.Group.ID != idLiveRenamed || m.Warning() != "" {
		t.Fatalf("new name: %+v, %v, %q", m.Group, err, m.Warning())
	}
	m, err = c.Resolve(testName(idLiveRenamed), "")
	if err != nil || m.Group.ID != idLiveRenamed || !strings.Contains(m.Warning(), fmt.Sprintf("former name of the account permission group %q", liveRenamedName())) {
		t.Fatalf("old name: %+v, %v, %q", m.Group, err, m.Warning())
	}
	// A group gone from the live list still resolves, with a warning
	// titled for what it is.
	m, err = c.Resolve(testName(idLiveRemoved), "")
	if err != nil || !strings.Contains(m.Warning(), "not in Cloudflare's live list") {
		t.Fatalf("removed group: %+v, %v, %q", m.Group, err, m.Warning())
	}
	if got := m.WarningSummary(); got != "Permission group not in Cloudflare's live list" {
		t.Fatalf("removed group: warning titled %q", got)
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

// liveWith is the embedded catalog as a live list after change, which gets
// the groups and the index of the zone group "DNS Write" in them.
func liveWith(t *testing.T, change func(groups []Group, dns int) []Group) (Snapshot, Snapshot, Group) {
	t.Helper()
	embedded, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	groups := make([]Group, len(embedded.Groups))
	copy(groups, embedded.Groups)
	dns := -1
	for i, g := range groups {
		if g.Name == "DNS Write" && g.ScopeKey() == ScopeKeyZone {
			dns = i
		}
	}
	if dns < 0 {
		t.Fatal("the embedded catalog has no zone group DNS Write")
	}
	old := groups[dns]
	return embedded, Snapshot{AsOf: "2026-12-01", Source: "test", Groups: change(groups, dns)}, old
}

const liveNewID = "feedfacefeedfacefeedfacefeedface"

// A group whose id changes is a removal plus an addition: the name means
// the live group in every form, the old id resolves with a warning naming
// the new one, and filters and listings show the live group only.
func TestMergeChangedID(t *testing.T) {
	t.Parallel()
	embedded, live, old := liveWith(t, func(groups []Group, dns int) []Group {
		groups[dns].ID = liveNewID
		return groups
	})
	c, diff := Merge(embedded, live)
	if len(diff.Added) != 1 || diff.Added[0].ID != liveNewID || len(diff.Removed) != 1 || diff.Removed[0].ID != old.ID || len(diff.Renamed) != 0 {
		t.Fatalf("want one removal and one addition, got %+v", diff)
	}
	for _, in := range []struct{ name, scope string }{
		{"DNS Write", ""}, {"DNS Write", "zone"}, {"dns write", ""}, {"Zone > DNS > Edit", ""}, {"DNS Edit", "zone"},
	} {
		m, err := c.Resolve(in.name, in.scope)
		if err != nil || m.Group.ID != liveNewID || m.Warning() != "" {
			t.Errorf("Resolve(%q, %q) = %s, %v, %q; want the live id %s without a warning", in.name, in.scope, m.Group.ID, err, m.Warning(), liveNewID)
		}
	}
	m, err := c.Resolve(old.ID, "")
	if err != nil || m.Group.ID != old.ID || !strings.Contains(m.Warning(), "not in Cloudflare's live list") ||
		!strings.Contains(m.Warning(), "under another id, "+liveNewID) {
		t.Fatalf("old id: %+v, %v, %q", m.Group, err, m.Warning())
	}
	listed := c.List(Filter{NameRegex: regexp.MustCompile(`^DNS Write$`)})
	if len(listed) != 1 || listed[0].ID != liveNewID {
		t.Fatalf("the filter returned %+v, want the live group only", listed)
	}
	if c.Len() != len(live.Groups) || c.Retired(liveNewID) || !c.Retired(old.ID) {
		t.Fatalf("Len %d, want the live list's %d", c.Len(), len(live.Groups))
	}
	for _, g := range c.Groups() {
		if g.ID == old.ID {
			t.Fatal("Groups lists the retired id")
		}
	}
}

// An id that moves to another scope under another name is a removal plus
// an addition, never an alias: its old name does not follow it there.
func TestMergeIDMovesScope(t *testing.T) {
	t.Parallel()
	embedded, live, old := liveWith(t, func(groups []Group, dns int) []Group {
		groups[dns].Name = "DNS Settings Write"
		groups[dns].ScopeKeys = []string{ScopeKeyAccount}
		return groups
	})
	c, diff := Merge(embedded, live)
	if len(diff.Renamed) != 0 || len(diff.Added) != 1 || len(diff.Removed) != 1 || diff.Removed[0].ScopeKey() != ScopeKeyZone {
		t.Fatalf("want a removal and an addition, got %+v", diff)
	}
	for _, scope := range []string{"", "account"} {
		if m, err := c.Resolve("DNS Write", scope); err == nil {
			t.Errorf("Resolve(%q, %q) reached %s (%s, %s): a moved id became an alias", "DNS Write", scope, m.Group.Name, m.Group.ID, m.ScopeKey)
		}
	}
	m, err := c.Resolve(old.ID, "")
	if err != nil || m.ScopeKey != ScopeKeyAccount || m.Group.Name != "DNS Settings Write" {
		t.Fatalf("the id resolves to %+v in %s, %v; want the live group", m.Group, m.ScopeKey, err)
	}
}

// A former name a live group now holds means that live group.
func TestMergeFormerNameTakenByALiveGroup(t *testing.T) {
	t.Parallel()
	embedded, live, old := liveWith(t, func(groups []Group, dns int) []Group {
		groups[dns].Name = "DNS Records Write"
		return append(groups, Group{ID: liveNewID, Name: "DNS Write", ScopeKeys: []string{ScopeKeyZone}})
	})
	c, diff := Merge(embedded, live)
	if len(diff.Renamed) != 1 || diff.Renamed[0].ID != old.ID {
		t.Fatalf("renamed %+v", diff.Renamed)
	}
	m, err := c.Resolve("DNS Write", "")
	if err != nil || m.Group.ID != liveNewID {
		t.Fatalf("Resolve(DNS Write) = %+v, %v; want the live group of that name", m.Group, err)
	}
	if m, err := c.Resolve("DNS Records Write", ""); err != nil || m.Group.ID != old.ID {
		t.Fatalf("the new name: %+v, %v", m.Group, err)
	}
}

// A retired group never makes a live name ambiguous, and a miss never
// suggests the same name twice.
func TestMergeRetiredNeverTies(t *testing.T) {
	t.Parallel()
	embedded, live, _ := liveWith(t, func(groups []Group, dns int) []Group {
		groups[dns].ID = liveNewID
		return groups
	})
	c, _ := Merge(embedded, live)
	_, err := c.Resolve("DNS Wirte", "zone")
	e := AsError(err)
	if e == nil || e.Kind != ErrUnknownName {
		t.Fatalf("want an unknown-name error, got %v", err)
	}
	seen := map[string]bool{}
	for _, s := range e.Suggestions {
		if seen[s.InputFor(ScopeKeyZone)] {
			t.Fatalf("the suggestion %q is offered twice: %s", s.InputFor(ScopeKeyZone), e.Error())
		}
		seen[s.InputFor(ScopeKeyZone)] = true
		if c.Retired(s.Group.ID) {
			t.Fatalf("a retired group is suggested: %s", e.Error())
		}
	}
	if !seen["DNS Write"] {
		t.Fatalf("the live DNS Write is not suggested: %s", e.Error())
	}
}

func TestCheckLiveFloors(t *testing.T) {
	t.Parallel()
	embedded, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckLiveFloors(embedded, embedded); err != nil {
		t.Fatalf("the embedded catalog fails its own floors: %v", err)
	}
	truncated := embedded
	truncated.Groups = embedded.Groups[:len(embedded.Groups)/10]
	err = CheckLiveFloors(embedded, truncated)
	var floor *LiveFloorError
	if !errors.As(err, &floor) || !strings.Contains(err.Error(), fmt.Sprintf("the group count fell from %d to %d", len(embedded.Groups), len(truncated.Groups))) {
		t.Fatalf("a truncated list passed: %v", err)
	}
	if !strings.Contains(floor.Summary(), "truncated") || !strings.Contains(err.Error(), "had") {
		t.Fatalf("summary %q, detail %q", floor.Summary(), err)
	}
}

// A live group named as another group's vocabulary entry means the live
// group: its API name outranks the other's alias.
func TestMergeAliasTakenByALiveGroup(t *testing.T) {
	t.Parallel()
	alias, ok := firstAlias(Default(), ScopeKeyZone)
	if !ok {
		t.Skip("the catalog has no zone vocabulary entry")
	}
	embedded, live, _ := liveWith(t, func(groups []Group, _ int) []Group {
		return append(groups, Group{ID: liveNewID, Name: alias.spelling, ScopeKeys: []string{ScopeKeyZone}})
	})
	c, _ := Merge(embedded, live)
	m, err := c.Resolve(alias.spelling, "zone")
	if err != nil || m.Group.ID != liveNewID {
		t.Fatalf("Resolve(%q) = %+v, %v; want the live group of that name, not %q's alias", alias.spelling, m.Group, err, Default().groups[alias.group].Name)
	}
}

// firstAlias is the first vocabulary entry (by spelling) of a group in scope.
func firstAlias(c *Catalog, scopeKey string) (ref, bool) {
	var best ref
	found := false
	for _, refs := range c.exact {
		for _, r := range refs {
			if r.kind != MatchExact && r.kind != MatchRenamed && r.scopeKey == scopeKey && (!found || r.spelling < best.spelling) {
				best, found = r, true
			}
		}
	}
	return best, found
}
