package catalog

import (
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
)

// suggestEntry is one name suggestions can be drawn from.
type suggestEntry struct {
	folded   string
	hist     histogram
	group    int
	scopeKey string
}

// histogram counts characters by bucket. Half the L1 distance of two
// histograms is a lower bound of the edit distance (one edit moves at most
// two counts), so most names are ruled out without running Levenshtein.
type histogram [32]uint8

func histogramOf(s string) histogram {
	var h histogram
	for i := 0; i < len(s); i++ {
		b := s[i] & 31
		if h[b] < 255 {
			h[b]++
		}
	}
	return h
}

func (h *histogram) lowerBound(o *histogram) int {
	sum := 0
	for i := range h {
		d := int(h[i]) - int(o[i])
		if d < 0 {
			d = -d
		}
		sum += d
	}
	return (sum + 1) / 2
}

// maxSuggestions is how many "did you mean" names an error offers.
const maxSuggestions = 3

func distance(a, b string) int { return levenshtein.ComputeDistance(a, b) }

func (c *Catalog) buildSuggestions() {
	c.suggestible = map[string][]suggestEntry{}
	for key, refs := range c.folded {
		h := histogramOf(key)
		for _, r := range refs {
			if c.retired[r.group] {
				continue // live mode: the live list is what to suggest from
			}
			e := suggestEntry{folded: key, hist: h, group: r.group, scopeKey: r.scopeKey}
			c.suggestible[r.scopeKey] = append(c.suggestible[r.scopeKey], e)
			c.suggestible[""] = append(c.suggestible[""], e)
		}
	}
	for k := range c.suggestible {
		entries := c.suggestible[k]
		sort.Slice(entries, func(i, j int) bool {
			if entries[i].folded != entries[j].folded {
				return entries[i].folded < entries[j].folded
			}
			return entries[i].group < entries[j].group
		})
	}
}

// suggest ranks names close to a normalised input: edit distance to every
// reading of the input (so "Workers Script Edit" finds "Workers Scripts
// Write"), with names that contain every word of the input counted as close.
// It looks in scopeKey first and across all scopes when that finds nothing.
func (c *Catalog) suggest(n, scopeKey string) []Candidate {
	if out := c.suggestIn(n, scopeKey); len(out) > 0 || scopeKey == "" {
		return out
	}
	return c.suggestIn(n, "")
}

// maxSuggestInput bounds the work on pasted garbage: no permission name is
// anywhere near this long.
const maxSuggestInput = 200

func (c *Catalog) suggestIn(n, scopeKey string) []Candidate {
	if len(n) > maxSuggestInput {
		return nil
	}
	c.suggestOnce.Do(c.buildSuggestions)
	readings := forms(n)
	hists := make([]histogram, len(readings))
	for i, f := range readings {
		hists[i] = histogramOf(f.name)
	}
	limit := max(2, len(n)/4)
	words := strings.Fields(n)

	type scored struct {
		entry suggestEntry
		score int
	}
	var best []scored
	for _, e := range c.suggestible[scopeKey] {
		score := limit + 1
		for i, f := range readings {
			if f.qualified && scopeKey != "" && f.scopeKey != scopeKey {
				continue
			}
			if f.qualified && f.scopeKey != e.scopeKey {
				continue
			}
			if diff := len(f.name) - len(e.folded); diff >= score || -diff >= score {
				continue
			}
			if hists[i].lowerBound(&e.hist) >= score {
				continue
			}
			if d := distance(f.name, e.folded); d < score {
				score = d
			}
		}
		if score > limit && len(words) > 0 && containsWords(e.folded, words) {
			score = limit
		}
		if score <= limit {
			best = append(best, scored{e, score})
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score < best[j].score })

	var out []Candidate
	seen := map[int]bool{}
	for _, s := range best {
		// Far worse than the best guess is noise, not help.
		if s.score > best[0].score+2 {
			break
		}
		if seen[s.entry.group] {
			continue
		}
		seen[s.entry.group] = true
		out = append(out, c.candidate(s.entry.group, s.entry.scopeKey))
		if len(out) == maxSuggestions {
			break
		}
	}
	return out
}

func containsWords(name string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(name, w) {
			return false
		}
	}
	return true
}
