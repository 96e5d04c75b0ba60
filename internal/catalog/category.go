package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// CategoryLabel is the heading the dashboard's token page shows for a
// category key. The rule reads the key as words: "_and_" becomes " & ",
// acronyms are upper case, every other word is capitalised
// ("dns_and_zones" is "DNS & Zones"). It reproduces every heading seen in
// pasted token-page paths but one, which is listed in categoryHeadings; a key
// Cloudflare adds later gets a label by the same rule.
func CategoryLabel(key string) string {
	if label, ok := categoryHeadings[key]; ok {
		return label
	}
	if key == "" {
		return ""
	}
	words := strings.Split(key, "_")
	for i, w := range words {
		switch {
		case w == "and":
			words[i] = "&"
		case categoryAcronyms[w]:
			words[i] = strings.ToUpper(w)
		case w != "":
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// categoryHeadings holds the headings the rule cannot derive, as seen on the
// dashboard: the one heading that joins two product names with a slash.
var categoryHeadings = map[string]string{
	"cloudflare_one_and_zero_trust": "Cloudflare One / Zero Trust",
}

// categoryAcronyms are the words of category keys written in capitals.
var categoryAcronyms = map[string]bool{"ai": true, "api": true, "dns": true, "ssl": true, "tls": true, "waf": true}

// Category is one category key of the catalog with its dashboard heading.
type Category struct {
	Key   string
	Label string
	Count int
}

// Categories lists the catalog's category keys, sorted by label, with how
// many groups each has. Groups without a category are not counted.
func (c *Catalog) Categories() []Category {
	counts := map[string]int{}
	for _, g := range c.groups {
		if g.Category != "" {
			counts[g.Category]++
		}
	}
	out := make([]Category, 0, len(counts))
	for k, n := range counts {
		out = append(out, Category{Key: k, Label: CategoryLabel(k), Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Label) < strings.ToLower(out[j].Label) })
	return out
}

// HasCategory reports whether any group of the catalog has the key.
func (c *Catalog) HasCategory(key string) bool { return c.categories[key] }

// ParseCategory accepts a category key of the catalog, in any case, and
// returns it as the API spells it. "" means any category.
func (c *Catalog) ParseCategory(input string) (string, *CategoryError) {
	if input == "" {
		return "", nil
	}
	key := categoryKeyReplacer.Replace(strings.ToLower(strings.TrimSpace(input)))
	if c.HasCategory(key) {
		return key, nil
	}
	return "", &CategoryError{Input: input, Suggestion: c.suggestCategory(key), Known: c.Categories(), AsOf: c.asOf}
}

// categoryKeyReplacer reads "developer-platform" as the key it means.
var categoryKeyReplacer = strings.NewReplacer("-", "_")

// suggestCategory maps a heading ("DNS & Zones") or a near miss of a key to
// the key meant.
func (c *Catalog) suggestCategory(s string) string {
	best, bestDist := "", 3
	for _, cat := range c.Categories() {
		if strings.EqualFold(s, cat.Label) || normalize(s) == normalize(cat.Label) {
			return cat.Key
		}
		if d := distance(s, cat.Key); d < bestDist {
			best, bestDist = cat.Key, d
		}
	}
	return best
}

// CategoryError is a category filter the catalog has no groups for.
type CategoryError struct {
	Input      string
	Suggestion string
	Known      []Category
	AsOf       string
}

// Summary is a short title for a diagnostic.
func (e *CategoryError) Summary() string { return "Unknown category" }

func (e *CategoryError) Error() string {
	msg := fmt.Sprintf("%q is not a category key of this catalog (%s).", e.Input, e.AsOf)
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" Did you mean %q?", e.Suggestion)
	}
	keys := make([]string, len(e.Known))
	for i, k := range e.Known {
		keys[i] = fmt.Sprintf("%s (%s)", k.Key, k.Label)
	}
	return msg + " Category keys: " + strings.Join(keys, ", ") + "."
}
