package catalog

import (
	"fmt"
	"slices"
	"sort"
)

// Rename is a group whose id the live list gives another name.
type Rename struct {
	ID, ScopeKey, From, To string
}

// Diff is what a live list changes compared to the embedded catalog.
type Diff struct {
	Added   []Group // in the live list only
	Removed []Group // in the embedded catalog only
	Renamed []Rename
}

// Merge builds the catalog of live mode. The live list is authoritative:
// every group of it, under its live name and scope, plus the embedded
// groups it lacks, which resolve only with a warning and never tie with or
// outrank a live group (see preferLive). A group whose id changed is a
// removal plus an addition, as is an id that moved to another scope, which
// is never an alias: its old name in its old scope means nothing now. A
// group renamed in its own scope keeps its former name as an alias, unless
// a live group now has that name.
func Merge(embedded, live Snapshot) (*Catalog, Diff) {
	var diff Diff
	embeddedByID := make(map[string]Group, len(embedded.Groups))
	for _, g := range embedded.Groups {
		embeddedByID[g.ID] = g
	}
	liveByID := make(map[string]Group, len(live.Groups))
	liveNames := make(map[string]string, len(live.Groups)) // scope key + "\x00" + name -> id
	for _, g := range live.Groups {
		liveByID[g.ID] = g
		for _, k := range g.ScopeKeys {
			liveNames[k+"\x00"+g.Name] = g.ID
		}
	}
	groups := make([]Group, 0, len(live.Groups)+len(embedded.Groups))
	var extra []alias
	for _, g := range live.Groups {
		groups = append(groups, g)
		old, ok := embeddedByID[g.ID]
		switch {
		case !ok:
			diff.Added = append(diff.Added, g)
		case !sameScopes(old, g):
			diff.Removed = append(diff.Removed, old)
			diff.Added = append(diff.Added, g)
		case old.Name != g.Name:
			diff.Renamed = append(diff.Renamed, Rename{ID: g.ID, ScopeKey: g.ScopeKey(), From: old.Name, To: g.Name})
			for _, k := range g.ScopeKeys {
				if _, taken := liveNames[k+"\x00"+old.Name]; taken {
					continue
				}
				extra = append(extra, alias{scope: ShortScope(k), name: old.Name, targets: []string{g.Name}, kind: MatchRenamed,
					note: fmt.Sprintf("Cloudflare's live list now calls this group %q", g.Name)})
			}
		}
	}
	retired := map[string]bool{}
	for _, g := range embedded.Groups {
		if _, ok := liveByID[g.ID]; !ok {
			diff.Removed = append(diff.Removed, g)
			groups = append(groups, g)
			retired[g.ID] = true
		}
	}
	for _, list := range [][]Group{diff.Added, diff.Removed} {
		sortGroups(list)
	}
	sort.Slice(diff.Renamed, func(i, j int) bool { return diff.Renamed[i].From < diff.Renamed[j].From })

	c := build(Snapshot{AsOf: live.AsOf, Source: live.Source, Groups: groups}, extra, formerNames(), retired)
	c.live = true
	c.successor = map[int]int{}
	for i := range c.retired {
		g := c.groups[i]
		if id, ok := liveNames[g.ScopeKey()+"\x00"+g.Name]; ok {
			c.successor[i] = c.byID[id]
		}
	}
	return c, diff
}

// sameScopes reports whether two versions of a group list the same scopes.
func sameScopes(a, b Group) bool {
	x, y := slices.Clone(a.ScopeKeys), slices.Clone(b.ScopeKeys)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
