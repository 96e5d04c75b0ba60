package needs

import (
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// Comparison is a token's groups against what a plan needs.
type Comparison struct {
	// Missing are the needs the token grants no group for.
	Missing []Need
	// Unused are the token's groups that no need is met by: a token
	// broader than the plan. A group the catalog lacks has only its ID.
	Unused []catalog.Group
	// Covered maps an unused Read group's id to the needed Write group of
	// its product: the plan needs the product, only not that group.
	Covered map[string]catalog.Group
	// Named maps a value that is a group's name, not an id, to the group
	// it names: Cloudflare takes only ids, so it grants nothing. A need it
	// would meet is not also Missing: one mistake, one finding.
	Named map[string]catalog.Group
	// Complete is false when part of the token's policies is unknown or
	// unreadable, so a need reported missing may yet be granted.
	Complete bool
}

// Compare checks the groups a token grants (ids from its allow policies)
// against the needs. A need is met by its own group, or a Read need by the
// Write group of its product.
func Compare(c *catalog.Catalog, r Result, granted []string, complete bool) Comparison {
	have := map[string]bool{}
	for _, id := range granted {
		have[id] = true
	}
	used := map[string]bool{}
	out := Comparison{Complete: complete, Missing: []Need{}, Unused: []catalog.Group{}, Covered: map[string]catalog.Group{}}
	needed := map[string]bool{}
	for _, n := range r.Groups {
		needed[n.Group.ID] = true
	}
	out.Named = namedGroups(c, granted)
	namedIDs := map[string]bool{}
	for _, g := range out.Named {
		namedIDs[g.ID] = true
	}
	for _, n := range r.Groups {
		by, ok := metBy(c, n.Group, have)
		if ok {
			used[by] = true
			continue
		}
		// A need the token names a group for, by name where the id belongs,
		// is that one mistake: the Named finding says it, with the id.
		if _, named := metBy(c, n.Group, namedIDs); !named {
			out.Missing = append(out.Missing, n)
		}
	}
	seen := map[string]bool{}
	for _, id := range granted {
		if used[id] || seen[id] {
			continue
		}
		seen[id] = true
		g, ok := c.ByID(id)
		if !ok {
			g = catalog.Group{ID: id}
		}
		out.Unused = append(out.Unused, g)
		if w, ok := writeCounterpart(c, g); ok && needed[w.ID] {
			out.Covered[id] = w
		}
	}
	return out
}

// namedGroups maps each granted value that is a group's name, not an id,
// to the group it names: Cloudflare takes only ids.
func namedGroups(c *catalog.Catalog, granted []string) map[string]catalog.Group {
	out := map[string]catalog.Group{}
	for _, v := range granted {
		if !catalog.IsID(v) {
			if m, err := c.Resolve(v, ""); err == nil {
				out[v] = m.Group
			}
		}
	}
	return out
}

// metBy is the granted group that meets a need, if any.
func metBy(c *catalog.Catalog, need catalog.Group, have map[string]bool) (string, bool) {
	if have[need.ID] {
		return need.ID, true
	}
	if w, ok := writeCounterpart(c, need); ok && have[w.ID] {
		return w.ID, true
	}
	return "", false
}
