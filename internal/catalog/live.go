package catalog

import (
	"fmt"
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

// Merge builds the catalog of live mode: every group of the live list, plus
// the embedded groups it lacks (resolving with a warning, as Cloudflare may
// have retired them), with former names of renamed groups kept as aliases.
func Merge(embedded, live Snapshot) (*Catalog, Diff) {
	var diff Diff
	embeddedByID := make(map[string]Group, len(embedded.Groups))
	for _, g := range embedded.Groups {
		embeddedByID[g.ID] = g
	}
	liveByID := make(map[string]Group, len(live.Groups))
	groups := make([]Group, 0, len(live.Groups)+len(embedded.Groups))
	var extra []alias
	for _, g := range live.Groups {
		liveByID[g.ID] = g
		groups = append(groups, g)
		old, ok := embeddedByID[g.ID]
		switch {
		case !ok:
			diff.Added = append(diff.Added, g)
		case old.Name != g.Name:
			diff.Renamed = append(diff.Renamed, Rename{ID: g.ID, ScopeKey: g.ScopeKey(), From: old.Name, To: g.Name})
			for _, k := range g.ScopeKeys {
				extra = append(extra, alias{scope: ShortScope(k), name: old.Name, targets: []string{g.Name}, kind: MatchRenamed,
					note: fmt.Sprintf("Cloudflare's live list now calls this group %q", g.Name)})
			}
		}
	}
	removed := map[string]bool{}
	for _, g := range embedded.Groups {
		if _, ok := liveByID[g.ID]; !ok {
			diff.Removed = append(diff.Removed, g)
			groups = append(groups, g)
			removed[g.ID] = true
		}
	}
	for _, list := range [][]Group{diff.Added, diff.Removed} {
		sortGroups(list)
	}
	sort.Slice(diff.Renamed, func(i, j int) bool { return diff.Renamed[i].From < diff.Renamed[j].From })

	c := build(Snapshot{AsOf: live.AsOf, Source: live.Source, Groups: groups}, extra, formerNames())
	c.live = true
	c.retired = make(map[int]bool, len(removed))
	for id := range removed {
		c.retired[c.byID[id]] = true
	}
	return c, diff
}
