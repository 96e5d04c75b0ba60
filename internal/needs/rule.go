package needs

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// Access is what a change does with a type: write (create, update,
// delete, replace) or read (a data source, a refresh).
type Access string

// The two access classes.
const (
	AccessRead  Access = "read"
	AccessWrite Access = "write"
)

// Choice is the one group a type needs for an access in a scope, or why
// there is none.
type Choice struct {
	Group catalog.Group
	// Review says why no group is chosen; "" when Group is set.
	Review string
	// Evidence is an override's evidence, when one decided.
	Evidence string
}

// Pick is the rule, the one place that turns a type's accepted groups (a
// union over its API calls) into the one group a change needs:
//
//  1. a curated override for the type, access and scope, if any;
//  2. the accepted groups in the scope (scope "" for types with one API
//     scope; account or zone for a type that has both), that write for
//     write access, that read for read access, or when the type lists no
//     reading group, those that write (a Write group also reads);
//  3. one of them alone is the answer; of several, the one whose product
//     words match the type's best (cloudflare_page_rule: Page Rules Write,
//     not any of the zone groups the type lists); a tie, or no word in
//     common, needs review, never a guess.
//
// A group the catalog no longer has is no candidate.
func (t *Table) Pick(c *catalog.Catalog, e Entry, access Access, scope string) Choice {
	if scope == "" {
		scope = e.APIScope
	}
	if o, ok := t.overrides[overrideKey{e.Type, e.Kind, access, scope}]; ok {
		if g, ok := c.ByID(o.GroupID); ok && !c.Retired(o.GroupID) {
			return Choice{Group: g, Evidence: o.Evidence}
		}
	}
	cands := candidates(c, e, access, scope)
	switch len(cands) {
	case 0:
		return Choice{Review: noCandidate(e, access, scope)}
	case 1:
		return Choice{Group: cands[0]}
	}
	if access == AccessRead {
		if g, ok := t.readOfWrite(c, e, scope, cands); ok {
			return Choice{Group: g}
		}
	}
	return byProduct(e.Type, cands)
}

// readOfWrite is, of several reading candidates, the Read group of the
// product the type writes with (cloudflare_worker reads with Workers
// Scripts Read, not Workers Tail Read, because it writes with Workers
// Scripts Write); a data source asks the resource of its name.
func (t *Table) readOfWrite(c *catalog.Catalog, e Entry, scope string, cands []catalog.Group) (catalog.Group, bool) {
	writer, ok := t.Lookup(e.Type, KindResource)
	if !ok {
		writer = e
	}
	w := t.Pick(c, writer, AccessWrite, scope)
	stem, isWrite := strings.CutSuffix(w.Group.Name, " Write")
	if w.Review != "" || !isWrite {
		return catalog.Group{}, false
	}
	for _, g := range cands {
		if g.Name == stem+" Read" && g.ScopeKey() == w.Group.ScopeKey() {
			return g, true
		}
	}
	return catalog.Group{}, false
}

// candidates are the accepted groups of the access class in the scope.
func candidates(c *catalog.Catalog, e Entry, access Access, scope string) []catalog.Group {
	var writes, reads []catalog.Group
	for _, a := range e.Groups {
		g, ok := c.ByID(a.ID)
		if !ok || c.Retired(a.ID) || !inScope(g, scope) {
			continue
		}
		if a.Write {
			writes = appendNew(writes, g)
		} else {
			reads = appendNew(reads, g)
		}
	}
	if access == AccessRead && len(reads) > 0 {
		return reads
	}
	return writes
}

func appendNew(list []catalog.Group, g catalog.Group) []catalog.Group {
	for _, have := range list {
		if have.ID == g.ID {
			return list
		}
	}
	return append(list, g)
}

// inScope: a type with one API scope takes its groups in that scope; one
// whose scope is unknown takes any.
func inScope(g catalog.Group, scope string) bool {
	switch scope {
	case APIScopeAccount, APIScopeZone, APIScopeUser:
		return g.Scope() == scope
	}
	return true
}

func noCandidate(e Entry, access Access, scope string) string {
	switch {
	case len(e.Groups) == 0:
		return "the Cloudflare provider lists no accepted permissions for it"
	case access == AccessWrite:
		return fmt.Sprintf("none of the groups the Cloudflare provider lists for it can write at %s level", scopeWord(scope))
	}
	return fmt.Sprintf("none of the groups the Cloudflare provider lists for it is at %s level", scopeWord(scope))
}

func scopeWord(scope string) string {
	if scope == APIScopeAccountOrZone || scope == APIScopeUnknown || scope == "" {
		return "its"
	}
	return scope
}

// byProduct picks the candidate whose product words are most like the
// type's (Jaccard over stemmed words), or asks for review on a tie.
func byProduct(typ string, cands []catalog.Group) Choice {
	typeWords := wordSet(strings.Split(strings.TrimPrefix(typ, "cloudflare_"), "_"))
	best, bestScore, tie := -1, 0.0, false
	for i, g := range cands {
		s := jaccard(typeWords, wordSet(productWords(g.Name)))
		switch {
		case s > bestScore:
			best, bestScore, tie = i, s, false
		case s == bestScore && s > 0:
			tie = true
		}
	}
	if best < 0 || tie {
		names := make([]string, len(cands))
		for i, g := range cands {
			names[i] = g.Name
		}
		return Choice{Review: fmt.Sprintf("the Cloudflare provider lists %d groups for it and none matches the type's product alone (%s)",
			len(cands), strings.Join(names, ", "))}
	}
	return Choice{Group: cands[best]}
}

// accessWords end a group name and say nothing of its product.
var accessWords = map[string]bool{"read": true, "write": true, "edit": true, "admin": true, "purge": true, "revoke": true}

// productWords are a group name's words without its access word.
func productWords(name string) []string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if n := len(words); n > 1 && accessWords[words[n-1]] {
		words = words[:n-1]
	}
	return words
}

var stopWords = map[string]bool{"and": true, "the": true, "of": true, "for": true, "a": true}

// synonyms are the shortened words group names use for a type's word.
var synonyms = map[string]string{"application": "app", "certificate": "cert", "configuration": "config"}

// wordSet stems each word (a plural's "s"; a synonym) and drops stop words.
func wordSet(words []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		if stopWords[w] || w == "" {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s")
		}
		if s, ok := synonyms[w]; ok {
			w = s
		}
		out[w] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	union := len(a) + len(b) - common
	if union == 0 {
		return 0
	}
	return float64(common) / float64(union)
}
