package catalog

import (
	"fmt"
	"strings"
)

// Match is a resolved input.
type Match struct {
	Group Group
	// ScopeKey is the scope the input was resolved in (the group's own, for
	// groups listed in more than one).
	ScopeKey string
	Input    string
	Kind     MatchKind
	// Spelling is the API or vocabulary name the input matched.
	Spelling string
	// Note is the vocabulary entry's provenance, when one was used.
	Note  string
	newer bool
	// retired is set in live mode for a group Cloudflare's list no longer has.
	retired bool
	// asOf is the snapshot date a MatchUnknownID warning names.
	asOf string
}

// Scope is the short scope of the match.
func (m Match) Scope() string { return ShortScope(m.ScopeKey) }

// Warning is non-empty when the input works but should be changed: docs
// labels and renamed groups, and groups the live list no longer has.
func (m Match) Warning() string {
	msg := m.nameWarning()
	if m.retired {
		if msg != "" {
			msg += " "
		}
		msg += fmt.Sprintf("The %s permission group %q (%s) is not in Cloudflare's live list of permission groups: it may have been retired, and Cloudflare may refuse a token that holds it.",
			m.Scope(), m.Group.Name, m.Group.ID)
	}
	return msg
}

func (m Match) nameWarning() string {
	g := m.Group
	switch m.Kind {
	case MatchUnknownID:
		return m.unknownIDWarning()
	case MatchDocsLabel:
		return fmt.Sprintf("%q is a label from Cloudflare's docs, not an API name. It resolved to the %s permission group %q (%s). Write %q to match the API and the dashboard's token summary.",
			m.Input, m.Scope(), g.Name, g.ID, g.Name)
	case MatchRenamed:
		if m.newer {
			return fmt.Sprintf("%q is Cloudflare's newer name for the %s permission group %q (%s). This catalog predates the rename; the id is the same.",
				m.Input, m.Scope(), g.Name, g.ID)
		}
		return fmt.Sprintf("%q is a former name of the %s permission group %q (%s). Write %q instead.",
			m.Input, m.Scope(), g.Name, g.ID, g.Name)
	}
	return ""
}

// Resolve finds the one group an input means. scope may be "" (any scope), a
// short scope ("zone") or a scope key. Errors are *Error values that say what
// to write instead.
func (c *Catalog) Resolve(input, scope string) (Match, error) {
	scopeKey, err := c.ParseScope(scope)
	if err != nil {
		return Match{}, err
	}
	// Fast path: an input spelled exactly as a known name.
	if refs, ok := c.exact[input]; ok {
		if m, ok := c.pick(refs, scopeKey, input, false, false); ok {
			return m, nil
		}
	}
	if IsID(input) {
		m, err, _ := c.resolveID(input, input, scopeKey)
		return m, err
	}
	return c.resolveSlow(input, scopeKey)
}

// pick returns the match when refs name exactly one group in scope. Among
// several spellings of that group it prefers the one typed exactly, then a
// vocabulary entry (which explains itself), then the API name.
func (c *Catalog) pick(refs []ref, scopeKey, input string, qualified, swapped bool) (Match, bool) {
	best := -1
	rank := func(r ref) int {
		switch {
		case r.spelling == input:
			return 2
		case r.kind != MatchExact:
			return 1
		}
		return 0
	}
	for i, r := range refs {
		if scopeKey != "" && r.scopeKey != scopeKey {
			continue
		}
		if best >= 0 && r.group != refs[best].group {
			return Match{}, false
		}
		if best < 0 || rank(r) > rank(refs[best]) {
			best = i
		}
	}
	if best < 0 {
		return Match{}, false
	}
	r := refs[best]
	m := Match{Group: c.groups[r.group], ScopeKey: r.scopeKey, Input: input, Kind: r.kind, Spelling: r.spelling, Note: r.note, retired: c.retired[r.group]}
	switch {
	case r.kind == MatchRenamed:
		m.newer = r.newer && !c.live
	case r.kind != MatchExact:
	case qualified:
		m.Kind = MatchQualified
	case swapped:
		m.Kind = MatchDashboard
	case r.spelling != input:
		m.Kind = MatchCaseFolded
	}
	return m, true
}

// form is one way of reading the input, tried in order.
type form struct {
	name      string
	scopeKey  string // set by a qualified form
	qualified bool
	swapped   bool
}

// forms lists the readings of a normalised input, most literal first.
func forms(n string) []form {
	out := make([]form, 0, 8)
	add := func(f form) {
		for _, o := range out {
			if o.name == f.name && o.scopeKey == f.scopeKey {
				return
			}
		}
		out = append(out, f)
	}
	add(form{name: n})
	if j, ok := joinAccess(n); ok {
		add(form{name: j})
	}
	if key, rest, ok := splitQualified(n); ok {
		add(form{name: rest, scopeKey: key, qualified: true})
		if j, ok := joinAccess(rest); ok {
			add(form{name: j, scopeKey: key, qualified: true})
		}
	}
	for _, f := range append([]form(nil), out...) {
		if s, ok := swapEditWrite(f.name); ok {
			add(form{name: s, scopeKey: f.scopeKey, qualified: f.qualified, swapped: true})
		}
	}
	return out
}

func (c *Catalog) resolveSlow(input, scopeKey string) (Match, error) {
	trimmed := strings.TrimSpace(input)
	n := normalize(input)
	if trimmed == "" || n == "" {
		return Match{}, &Error{Kind: ErrBlank, Input: input, ScopeKey: scopeKey, AsOf: c.asOf}
	}
	if m, err, done := c.resolveID(input, trimmed, scopeKey); done {
		return m, err
	}

	var elsewhere []ref // hits outside the requested scope, for the hint
	conflict := ""
	for _, f := range forms(n) {
		effective := scopeKey
		if f.qualified {
			if scopeKey != "" && f.scopeKey != scopeKey {
				if _, ok := c.folded[f.name]; ok && conflict == "" {
					conflict = f.scopeKey
				}
				continue
			}
			effective = f.scopeKey
		}
		refs := c.folded[f.name]
		if len(refs) == 0 {
			continue
		}
		if m, ok := c.pick(refs, effective, input, f.qualified, f.swapped); ok {
			return m, nil
		}
		if cands := c.candidates(refs, effective); len(cands) > 1 {
			return Match{}, &Error{Kind: ErrAmbiguous, Input: input, ScopeKey: effective, Candidates: cands, AsOf: c.asOf}
		}
		if elsewhere == nil {
			elsewhere = refs
		}
	}
	if conflict != "" {
		return Match{}, &Error{Kind: ErrScopeConflict, Input: input, ScopeKey: scopeKey, QualifiedScopeKey: conflict, AsOf: c.asOf}
	}
	if elsewhere != nil {
		return Match{}, &Error{Kind: ErrWrongScope, Input: input, ScopeKey: scopeKey, OtherScopes: c.candidates(elsewhere, ""), AsOf: c.asOf}
	}
	return Match{}, &Error{Kind: ErrUnknownName, Input: input, ScopeKey: scopeKey, Suggestions: c.suggest(n, scopeKey), AsOf: c.asOf}
}

// resolveID handles inputs that are, or try to be, group ids.
func (c *Catalog) resolveID(input, trimmed, scopeKey string) (Match, error, bool) {
	if IsID(trimmed) {
		i, ok := c.byID[trimmed]
		if !ok {
			e := c.unknownID(input)
			e.ScopeKey = scopeKey
			return Match{}, e, true
		}
		g := c.groups[i]
		if !g.InScope(scopeKey) {
			return Match{}, &Error{Kind: ErrWrongScope, Input: input, ScopeKey: scopeKey, OtherScopes: []Candidate{c.candidate(i, g.ScopeKey())}, AsOf: c.asOf}, true
		}
		key := g.ScopeKey()
		if scopeKey != "" {
			key = scopeKey
		}
		return Match{Group: g, ScopeKey: key, Input: input, Kind: MatchID, Spelling: g.ID, retired: c.retired[i]}, nil, true
	}
	if looksLikeID(trimmed) {
		return Match{}, c.malformedID(input), true
	}
	return Match{}, nil, false
}

// LookupID is the reverse lookup for input that must be an id. A name or a
// mistyped id gets an error that offers the right id when there is one.
func (c *Catalog) LookupID(input string) (Group, error) {
	if IsID(input) {
		if i, ok := c.byID[input]; ok {
			return c.groups[i], nil
		}
		return Group{}, c.unknownID(input)
	}
	return Group{}, c.malformedID(input)
}

// unknownID is the error for a well-formed id the catalog lacks. Most such
// ids are groups newer than the catalog; one within two edits of a known id
// is a mistyped copy of it (ErrMistypedID), as random ids never come that close.
func (c *Catalog) unknownID(input string) *Error {
	e := &Error{Kind: ErrUnknownID, Input: input, AsOf: c.asOf}
	if i, ok := c.nearestID(strings.TrimSpace(input)); ok {
		e.Kind = ErrMistypedID
		e.Suggestions = []Candidate{c.candidate(i, c.groups[i].ScopeKey())}
	}
	return e
}

// maxIDEdits is how far a mistyped id may be from the one it copies.
const maxIDEdits = 2

// nearestID is the one known id within maxIDEdits of s, if there is one.
func (c *Catalog) nearestID(s string) (int, bool) {
	if len(s) < IDLength-maxIDEdits || len(s) > IDLength+maxIDEdits {
		return 0, false
	}
	best, found := 0, 0
	for i := range c.groups {
		if d := distance(s, c.groups[i].ID); d <= maxIDEdits {
			best = i
			found++
		}
	}
	return best, found == 1
}

func (c *Catalog) malformedID(input string) *Error {
	e := &Error{Kind: ErrMalformedID, Input: input, AsOf: c.asOf}
	fixed := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(input), "-", ""))
	if IsID(fixed) {
		e.FixedID = fixed
		if i, ok := c.byID[fixed]; ok {
			e.Suggestions = []Candidate{c.candidate(i, c.groups[i].ScopeKey())}
		}
		return e
	}
	if looksLikeID(strings.TrimSpace(input)) {
		if i, ok := c.nearestID(fixed); ok {
			e.FixedID = c.groups[i].ID
			e.Suggestions = []Candidate{c.candidate(i, c.groups[i].ScopeKey())}
		}
		return e
	}
	if m, err := c.Resolve(input, ""); err == nil {
		e.FixedID = m.Group.ID
		e.Suggestions = []Candidate{c.candidate(c.byID[m.Group.ID], m.ScopeKey)}
	}
	return e
}

// looksLikeID is true for strings that can only have been meant as an id:
// long runs of hex digits, perhaps with dashes, in upper case, or with a
// stray letter or two in an id-length string.
func looksLikeID(s string) bool {
	if len(s) < 16 {
		return false
	}
	digits, stray := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'a' && r <= 'f', r >= 'A' && r <= 'F', r == '-':
		case r >= 'g' && r <= 'z', r >= 'G' && r <= 'Z':
			stray++
		default:
			return false
		}
	}
	if stray > 0 && (stray > maxIDEdits || len(s) < IDLength-maxIDEdits) {
		return false
	}
	return digits > 0
}

// candidates lists the distinct groups refs name within scopeKey.
func (c *Catalog) candidates(refs []ref, scopeKey string) []Candidate {
	var out []Candidate
	seen := map[string]bool{}
	for _, r := range refs {
		if scopeKey != "" && r.scopeKey != scopeKey {
			continue
		}
		k := fmt.Sprint(r.group, r.scopeKey)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c.candidate(r.group, r.scopeKey))
	}
	return out
}

// Candidate is a group offered to the user, with an input that picks it.
type Candidate struct {
	Group    Group
	ScopeKey string
	// Name is an input that resolves to this group with no scope given.
	Name string
}

// Scope is the candidate's short scope.
func (cd Candidate) Scope() string { return ShortScope(cd.ScopeKey) }

// InputFor is what to write when scopeKey is already given: the API name
// within its own scope, otherwise the input that carries the scope along.
func (cd Candidate) InputFor(scopeKey string) string {
	if scopeKey != "" && scopeKey == cd.ScopeKey {
		return cd.Group.Name
	}
	return cd.Name
}

func (c *Catalog) candidate(i int, scopeKey string) Candidate {
	g := c.groups[i]
	cd := Candidate{Group: g, ScopeKey: scopeKey, Name: g.Name}
	if !c.picksAlone(g.Name, i) {
		cd.Name = ScopeTitle(scopeKey) + " > " + g.Name
	}
	return cd
}

// picksAlone reports whether name, with no scope, resolves to group i; it
// looks only at the indexes, so building an error never recurses.
func (c *Catalog) picksAlone(name string, i int) bool {
	refs := c.folded[normalize(name)]
	for _, r := range refs {
		if r.group != i {
			return false
		}
	}
	return len(refs) > 0
}
