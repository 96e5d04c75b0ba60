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
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("refusing to replace the catalog: %s", strings.Join(problems, "; "))
}
