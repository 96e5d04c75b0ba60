package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// Compare says what a refresh changes, by id: a group whose id is new is
// added, one whose id is gone is removed, one whose id keeps its scope but
// not its name is renamed. An id that moves to another scope is a removal
// plus an addition, never a rename: a name in one scope must not start to
// mean a group of another.
func Compare(old, next Snapshot) Diff {
	var d Diff
	oldByID := make(map[string]Group, len(old.Groups))
	for _, g := range old.Groups {
		oldByID[g.ID] = g
	}
	nextByID := make(map[string]Group, len(next.Groups))
	for _, g := range next.Groups {
		nextByID[g.ID] = g
		was, ok := oldByID[g.ID]
		switch {
		case !ok || was.ScopeKey() != g.ScopeKey():
			d.Added = append(d.Added, g)
		case was.Name != g.Name:
			d.Renamed = append(d.Renamed, Rename{ID: g.ID, ScopeKey: g.ScopeKey(), From: was.Name, To: g.Name})
		}
	}
	for _, g := range old.Groups {
		if now, ok := nextByID[g.ID]; !ok || now.ScopeKey() != g.ScopeKey() {
			d.Removed = append(d.Removed, g)
		}
	}
	sortGroups(d.Added)
	sortGroups(d.Removed)
	sort.Slice(d.Renamed, func(i, j int) bool { return d.Renamed[i].From < d.Renamed[j].From })
	return d
}

// FormerNamesOf turns the renames of a refresh into former names dated with
// the refresh, so configurations that use the old name keep working.
func (d Diff) FormerNamesOf(asOf string) []FormerName {
	out := make([]FormerName, len(d.Renamed))
	for i, r := range d.Renamed {
		out[i] = FormerName{Name: r.From, Scope: ShortScope(r.ScopeKey), ID: r.ID, Since: asOf,
			Evidence: fmt.Sprintf("the catalog refresh of %s saw this id renamed %q", asOf, r.To)}
	}
	return out
}

// LostVocabulary lists the vocabulary entries (docs labels, dashboard names,
// former names) that resolved in old and no longer do in next, because a
// group they name is gone: a refresh must say so rather than leave a name
// that silently stops working.
func LostVocabulary(old, next Snapshot) []string {
	renames := Compare(old, next).FormerNamesOf(next.AsOf)
	before, after := New(old), build(next, nil, append(EmbeddedFormerNames(), renames...), nil)
	var lost []string
	for _, a := range before.aliases {
		if !after.hasAlias(a) {
			lost = append(lost, fmt.Sprintf("%s %q (%s) named %s", a.scope, a.name, strings.ReplaceAll(string(a.kind), "_", " "), strings.Join(a.targets, ", ")))
		}
	}
	return lost
}

func (c *Catalog) hasAlias(a alias) bool {
	for _, b := range c.aliases {
		if b.scope == a.scope && b.name == a.name {
			return true
		}
	}
	return false
}

// RefreshSummary is what a refresh changes, in Markdown, for the generator's
// output and the refresh pull request's body.
func RefreshSummary(old, next Snapshot) string {
	d := Compare(old, next)
	var b strings.Builder
	fmt.Fprintf(&b, "Catalog refresh: %s (%d groups) to %s (%d groups).\n\n", old.AsOf, len(old.Groups), next.AsOf, len(next.Groups))
	b.WriteString(scopeTable(old, next, d))
	writeGroups(&b, "Added", d.Added)
	writeGroups(&b, "Removed (configurations that use these will fail; check that Cloudflare really retired them)", d.Removed)
	if len(d.Renamed) > 0 {
		b.WriteString("\nRenamed (the old name is kept in former-names.tsv and still resolves, with a warning):\n")
		for _, r := range d.Renamed {
			fmt.Fprintf(&b, "- %s: %q is now %q (`%s`)\n", ShortScope(r.ScopeKey), r.From, r.To, r.ID)
		}
	}
	if lost := LostVocabulary(old, next); len(lost) > 0 {
		b.WriteString("\nVocabulary entries whose group is gone (they no longer resolve; update or remove them):\n")
		for _, l := range lost {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	if len(d.Added)+len(d.Removed)+len(d.Renamed) == 0 {
		b.WriteString("\nNo group was added, removed or renamed.\n")
	}
	return b.String()
}

func scopeTable(old, next Snapshot, d Diff) string {
	per := map[string]*[5]int{} // before, after, added, removed, renamed
	row := func(k string) *[5]int {
		if per[k] == nil {
			per[k] = &[5]int{}
		}
		return per[k]
	}
	for k, n := range old.Counts() {
		row(k)[0] = n
	}
	for k, n := range next.Counts() {
		row(k)[1] = n
	}
	for _, g := range d.Added {
		row(g.ScopeKey())[2]++
	}
	for _, g := range d.Removed {
		row(g.ScopeKey())[3]++
	}
	for _, r := range d.Renamed {
		row(r.ScopeKey)[4]++
	}
	keys := make([]string, 0, len(per))
	for k := range per {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("| scope | before | after | added | removed | renamed |\n|---|---:|---:|---:|---:|---:|\n")
	for _, k := range keys {
		r := per[k]
		fmt.Fprintf(&b, "| `%s` | %d | %d | %d | %d | %d |\n", k, r[0], r[1], r[2], r[3], r[4])
	}
	return b.String()
}

func writeGroups(b *strings.Builder, title string, groups []Group) {
	if len(groups) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s:\n", title)
	for _, g := range groups {
		fmt.Fprintf(b, "- %s: %q (`%s`)\n", ShortScope(g.ScopeKey()), g.Name, g.ID)
	}
}
