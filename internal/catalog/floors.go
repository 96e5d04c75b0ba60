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
	return problems
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
func (e *LiveFloorError) Summary() string { return "Live permission group list looks truncated" }

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
