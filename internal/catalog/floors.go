package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// maxShrink is how much smaller a new snapshot may be before the generator
// refuses it: Cloudflare retires groups one by one, not by the dozen, so a
// big drop means a truncated or wrong response.
const maxShrink = 0.10

// CheckFloors compares a new snapshot with the committed one and explains
// why it should not replace it: a scope that disappeared, or too few groups.
func CheckFloors(old, next Snapshot) error {
	problems := floorProblems(old, next)
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("refusing to replace the catalog: %s", strings.Join(problems, "; "))
}

// floorProblems lists what makes next look like a truncated or wrong
// version of old.
func floorProblems(old, next Snapshot) []string {
	var problems []string
	oldCounts, newCounts := old.Counts(), next.Counts()
	var gone []string
	for k := range oldCounts {
		if newCounts[k] == 0 {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	for _, k := range gone {
		problems = append(problems, fmt.Sprintf("scope %s had %d groups and now has none", k, oldCounts[k]))
	}
	if floor := float64(len(old.Groups)) * (1 - maxShrink); float64(len(next.Groups)) < floor {
		problems = append(problems, fmt.Sprintf("the group count fell from %d to %d (more than %d%%)", len(old.Groups), len(next.Groups), int(maxShrink*100)))
	}
	if moved := movedNames(old, next); len(moved) > 0 {
		problems = append(problems, movedText(moved))
	}
	return problems
}

// movedNames lists the names that passed from one group to another group
// that both lists hold, in the same scope: DNS Read's id now called DNS
// Write and the other way round. Cloudflare renames a group or adds one; it
// does not hand an existing group's name to another existing group, and a
// list that does would resolve every configuration to the wrong ids.
func movedNames(old, next Snapshot) []string {
	oldIDs, nextIDs := idSet(old), idSet(next)
	holder := map[[2]string]string{} // scope key and name to id, in old
	for _, g := range old.Groups {
		for _, k := range g.ScopeKeys {
			holder[[2]string{k, g.Name}] = g.ID
		}
	}
	var moved []string
	for _, g := range next.Groups {
		for _, k := range g.ScopeKeys {
			was, ok := holder[[2]string{k, g.Name}]
			if ok && was != g.ID && oldIDs[g.ID] && nextIDs[was] {
				moved = append(moved, fmt.Sprintf("%q from %s to %s", g.Name, was, g.ID))
			}
		}
	}
	sort.Strings(moved)
	return moved
}

func idSet(s Snapshot) map[string]bool {
	ids := make(map[string]bool, len(s.Groups))
	for _, g := range s.Groups {
		ids[g.ID] = true
	}
	return ids
}

// movedText is the floor problem for names moved between groups, naming
// the first few.
func movedText(moved []string) string {
	const shown = 3
	text := "names moved between groups that both lists hold: " + strings.Join(moved[:min(len(moved), shown)], ", ")
	if len(moved) > shown {
		text += fmt.Sprintf(" and %d more", len(moved)-shown)
	}
	return text
}

// LiveFloorError is a live list that fails the generator's sanity floors
// against the embedded catalog: merged, it would retire a whole scope or
// dozens of groups at once, which is a truncated or wrong response far more
// often than what Cloudflare did.
type LiveFloorError struct {
	EmbeddedAsOf string
	Problems     []string
}

// Summary is the diagnostic title: what happened, not merely that the list
// is unavailable.
func (e *LiveFloorError) Summary() string {
	return "Live permission group list looks truncated or wrong"
}

func (e *LiveFloorError) Error() string {
	return fmt.Sprintf("Cloudflare's live list of permission groups was not used: next to the embedded catalog (snapshot of %s), %s. "+
		"That looks like a truncated or wrong response rather than groups Cloudflare retired",
		e.EmbeddedAsOf, strings.Join(e.Problems, "; "))
}

// CheckLiveFloors applies the generator's sanity floors to a live list.
func CheckLiveFloors(embedded, live Snapshot) error {
	problems := floorProblems(embedded, live)
	if len(problems) == 0 {
		return nil
	}
	return &LiveFloorError{EmbeddedAsOf: embedded.AsOf, Problems: problems}
}
