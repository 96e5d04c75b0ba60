package catalog

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Match is a resolved input.
type Match struct {
	Group Group
	// ScopeKey is the scope the input was resolved in (the group's own, for
	// groups listed in more than one).
	ScopeKey string
	Input    string
	Kind     MatchKind
	newer    bool
	// retired is set in live mode for a group Cloudflare's list no longer
	// has; successor is the live group of the same name and scope, if any.
	retired   bool
	successor *Group
	// translated is the foreign access word the input used.
	translated *foreignAccess
	// otherReadings are the groups the input would also fit in other
	// scopes, when its exact API name decided it.
	otherReadings []Candidate
	// asOf is the snapshot date a MatchUnknownID warning names.
	asOf string
	// writeAs is what a name warning tells the user to write: the API
	// name, or "Zone > Logs Write" where the API name alone is ambiguous.
	writeAs string
}

// namedUnderScope: the API name is the reading with its scope's word in
// front ("Domain Page Shield Read" for "page shield read" in zone), as the
// dashboard files it under the scope without the word.
func namedUnderScope(apiName, reading, scopeKey string) bool {
	for _, w := range scopeNameWords[scopeKey] {
		if normalize(apiName) == w+" "+reading {
			return true
		}
	}
	return false
}

// suggested is the name a warning tells the user to write instead.
func (m Match) suggested() string {
	if m.writeAs != "" {
		return m.writeAs
	}
	return m.Group.Name
}

// Scope is the short scope of the match.
func (m Match) Scope() string { return ShortScope(m.ScopeKey) }

// Warning is non-empty when the input works but should be changed or
// checked: docs labels, former names, foreign access words, an API name that
// also fits another scope's group, and groups the live list no longer has.
func (m Match) Warning() string {
	var parts []string
	for _, p := range []string{m.nameWarning(), m.otherReadingsWarning()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if m.retired {
		parts = append(parts, fmt.Sprintf("The %s permission group %q (%s) is not in Cloudflare's live list of permission groups: it may have been retired, and Cloudflare may refuse a token that holds it.",
			m.Scope(), m.Group.Name, m.Group.ID))
		if s := m.successor; s != nil {
			parts = append(parts, fmt.Sprintf("The live list has %q in %s scope under another id, %s: write that id, or the name, instead.", s.Name, m.Scope(), s.ID))
		}
	}
	return strings.Join(parts, " ")
}

// retiredMatch fills in what live mode knows about the match's group.
func (c *Catalog) retiredMatch(m Match, i int) Match {
	if !c.retired[i] {
		return m
	}
	m.retired = true
	if s, ok := c.successor[i]; ok {
		g := c.groups[s]
		m.successor = &g
	}
	return m
}

// preferLive applies, in a live catalog, the rule that the live list is
// authoritative when refs name more than one group in scope: a live group's
// API name outranks an alias of another group (a renamed group's former
// name, a vocabulary entry), and any live group outranks one the live list
// no longer has. Refs of outranked groups are dropped, so they never tie
// (an ambiguity offering the same name twice) or win. Elsewhere refs are
// returned as they are, without allocating.
func (c *Catalog) preferLive(refs []ref, scopeKey string) []ref {
	if !c.live || len(refs) < 2 {
		return refs
	}
	inScope := func(r ref) bool { return scopeKey == "" || r.scopeKey == scopeKey }
	rank := func(r ref) int {
		switch {
		case c.retired[r.group]:
			return 0
		case r.kind == MatchExact:
			return 2
		}
		return 1
	}
	groupRank := func(g int) int {
		best := -1
		for _, r := range refs {
			if r.group == g && inScope(r) {
				best = max(best, rank(r))
			}
		}
		return best
	}
	top, first, several := -1, -1, false
	for _, r := range refs {
		if !inScope(r) {
			continue
		}
		top = max(top, rank(r))
		if first < 0 {
			first = r.group
		} else if r.group != first {
			several = true
		}
	}
	if !several {
		return refs
	}
	out := make([]ref, 0, len(refs))
	for _, r := range refs {
		if !inScope(r) || groupRank(r.group) == top {
			out = append(out, r)
		}
	}
	return out
}

// otherReadingsWarning names the groups an exact API name also fits as
// another scope's label or former name, and how to ask for each.
func (m Match) otherReadingsWarning() string {
	if len(m.otherReadings) == 0 {
		return ""
	}
	var others []string
	for _, o := range m.otherReadings {
		others = append(others, fmt.Sprintf("%s permission group %q (%s): for that one, write %q or set the scope to %q",
			withArticle(o.Scope()), o.Group.Name, o.Group.ID, o.Name, o.Scope()))
	}
	return fmt.Sprintf("%q is the API name of %s permission group, so it resolved to %q (%s). It is also another name of %s.",
		m.Input, withArticle(m.Scope()), m.Group.Name, m.Group.ID, strings.Join(others, "; and of "))
}

func (m Match) nameWarning() string {
	g := m.Group
	switch m.Kind {
	case MatchUnknownID:
		return m.unknownIDWarning()
	case MatchDocsLabel:
		return fmt.Sprintf("%q is a label from Cloudflare's docs, not an API name. It resolved to the %s permission group %q (%s). Write %q to match the API and the dashboard's token summary.",
			m.Input, m.Scope(), g.Name, g.ID, m.suggested())
	case MatchRenamed:
		if m.newer {
			return fmt.Sprintf("%q is Cloudflare's newer name for the %s permission group %q (%s). This catalog predates the rename; the id is the same.",
				m.Input, m.Scope(), g.Name, g.ID)
		}
		return fmt.Sprintf("%q is a former name of the %s permission group %q (%s). Write %q instead.",
			m.Input, m.Scope(), g.Name, g.ID, m.suggested())
	case MatchTranslated:
		what := "the API name"
		if m.suggested() != g.Name {
			what = "the API name with its scope (the name alone is another scope's too)"
		}
		return fmt.Sprintf("%q uses the %s dashboard's word for %q. It resolved to the %s permission group %q (%s); write %q, %s, so the configuration reads the same everywhere.",
			m.Input, m.translated.language, accessTitle(m.translated.english), m.Scope(), g.Name, g.ID, m.suggested(), what)
	}
	return ""
}

// accessTitle is an access word as the English dashboard shows it.
func accessTitle(word string) string {
	if word == "" {
		return ""
	}
	return strings.ToUpper(word[:1]) + word[1:]
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
		if r, ok := c.pickRef(refs, scopeKey, input); ok {
			return c.matchOf(r, input, &form{}), nil
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
func (c *Catalog) pick(refs []ref, scopeKey, input string, f form) (Match, bool) {
	r, ok := c.pickRef(refs, scopeKey, input)
	if !ok {
		return Match{}, false
	}
	return c.matchOf(r, input, &f), true
}

// pickRef is pick's choice of ref, before a match is built from it.
func (c *Catalog) pickRef(refs []ref, scopeKey, input string) (ref, bool) {
	refs = c.preferLive(refs, scopeKey)
	best := -1
	rank := func(r ref) int {
		switch {
		case spelledAs(input, r.spelling):
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
			return ref{}, false
		}
		if best < 0 || rank(r) > rank(refs[best]) {
			best = i
		}
	}
	if best < 0 {
		return ref{}, false
	}
	return refs[best], true
}

// spelledAs reports whether the input is the spelling, as it is or after a
// scope prefix or path ("Zone > Managed headers Read" is the API name
// "Managed headers Read", not its docs label "Managed Headers Read").
func spelledAs(input, spelling string) bool {
	head, ok := strings.CutSuffix(input, spelling)
	if !ok {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(head)
	return head == "" || last == ' ' || last == '>' || isSeparator(last)
}

// matchOf builds the match of one ref read through form f, and says how it
// matched: a vocabulary entry keeps its kind (a docs label in the
// dashboard's Edit spelling is the dashboard's own name, so it is
// "dashboard" and warns of nothing); an API name is qualified, dashboard or
// case-folded by how the input reached it.
func (c *Catalog) matchOf(r ref, input string, f *form) Match {
	m := Match{Group: c.groups[r.group], ScopeKey: r.scopeKey, Input: input, Kind: r.kind}
	if c.retired[r.group] {
		m = c.retiredMatch(m, r.group)
	}
	switch {
	case r.kind == MatchRenamed:
		m.newer = r.newer && !c.live
	case r.kind == MatchDocsLabel && f.swapped:
		m.Kind = MatchDashboard
	case r.kind == MatchDocsLabel && f.qualified && namedUnderScope(m.Group.Name, f.name, r.scopeKey):
		m.Kind = MatchQualified // "All zones > Page Shield: Read": the dashboard's own form
	case r.kind != MatchExact:
	case f.kind != "":
		m.Kind = f.kind
	case f.qualified:
		m.Kind = MatchQualified
	case f.swapped:
		m.Kind = MatchDashboard
	case r.spelling != input:
		m.Kind = MatchCaseFolded
	}
	if f.translated != nil && (r.kind == MatchExact || m.Kind == MatchDashboard) {
		m.Kind, m.translated = MatchTranslated, f.translated
	}
	if m.Kind == MatchDocsLabel || m.Kind == MatchRenamed || m.Kind == MatchTranslated {
		m.writeAs = c.candidate(r.group, r.scopeKey).Name // only warnings need it
	}
	return m
}

// form is one way of reading the input, tried in order.
type form struct {
	name      string
	scopeKey  string // set by a qualified form
	qualified bool
	swapped   bool
	// category is the category key a path's heading named; the group must
	// be filed under it (when the catalog knows the group's category).
	category string
	// kind is how a rule reading matched, for API names ("" lets matchOf decide).
	kind MatchKind
	// translated is the foreign access word the reading replaced.
	translated *foreignAccess
}

// forms lists the readings of a normalised input: the literal ones first,
// then those of the rules in readings.go. Suggestions weigh them all.
func (c *Catalog) forms(n string) []form {
	return append(literalForms(n), c.ruleForms(n)...)
}

// literalForms are the readings of the name as written: the name itself,
// its access word after a separator, its scope prefix, Edit for Write.
func literalForms(n string) []form {
	var set formSet
	expand(form{name: n}, set.add)
	return set.forms
}

// ruleForms are the readings of the rules in readings.go, each expanded
// the same way. They are built only when no literal reading resolves, so a
// name spelled as the API or the dashboard spells it never pays for them.
func (c *Catalog) ruleForms(n string) []form {
	var set formSet
	for _, r := range c.ruleReadings(n) {
		expand(r, set.add)
	}
	return set.forms
}

// formSet collects readings, each (name, scope) once.
type formSet struct {
	forms []form
	seen  map[[2]string]bool
}

func (s *formSet) add(f form) {
	if s.seen == nil {
		s.seen = map[[2]string]bool{}
	}
	if k := [2]string{f.name, f.scopeKey}; !s.seen[k] {
		s.seen[k] = true
		s.forms = append(s.forms, f)
	}
}

// expand adds a reading with its access word joined, its scope prefix read
// (unless it has a scope), and the other spelling of Edit and Write.
func expand(f form, add func(form)) {
	start := []form{f}
	if j, ok := joinAccess(f.name); ok {
		start = append(start, with(f, j))
	}
	if f.scopeKey == "" {
		if key, rest, ok := splitQualified(f.name); ok {
			q := with(f, rest)
			q.scopeKey, q.qualified = key, true
			start = append(start, q)
			if j, ok := joinAccess(rest); ok {
				start = append(start, with(q, j))
			}
		}
	}
	for _, s := range start {
		add(s)
	}
	for _, s := range start {
		if sw, ok := swapEditWrite(s.name); ok {
			w := with(s, sw)
			w.swapped = true
			add(w)
		}
	}
}

// with is f read as another name.
func with(f form, name string) form {
	f.name = name
	return f
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
	var miss missTrace
	for i, f := range literalForms(n) {
		if m, err, done := c.tryForm(f, i == 0, input, scopeKey, &miss); done {
			return m, err
		}
	}
	for _, f := range c.ruleForms(n) {
		if m, err, done := c.tryForm(f, false, input, scopeKey, &miss); done {
			return m, err
		}
	}
	return Match{}, c.missError(input, n, scopeKey, miss)
}

// missTrace remembers, while readings fail, what the error should say.
type missTrace struct {
	elsewhere   []ref       // hits outside the scope asked for, for the hint
	prefixScope string      // the scope a qualified reading named, when its hit was elsewhere
	conflict    string      // a qualified reading naming a scope other than the one asked for
	conflicting []Candidate // the groups it names there
	// literal is set when elsewhere came from the input as written: a name
	// of another scope ("Zone Read" asked for in account) is that, whatever
	// a scope word in it could also be read as.
	literal bool
}

// tryForm resolves one reading. done is set when it decided the answer.
func (c *Catalog) tryForm(f form, literal bool, input, scopeKey string, miss *missTrace) (m Match, err error, done bool) {
	effective := scopeKey
	if f.qualified {
		if scopeKey != "" && f.scopeKey != scopeKey {
			if refs, ok := c.folded[f.name]; ok && miss.conflict == "" {
				miss.conflict, miss.conflicting = f.scopeKey, c.candidates(refs, f.scopeKey)
			}
			return Match{}, nil, false
		}
		effective = f.scopeKey
	}
	refs := c.folded[f.name]
	if len(refs) == 0 {
		return Match{}, nil, false
	}
	if m, ok := c.pick(refs, effective, input, f); ok {
		if err := c.checkCategory(m, f, input); err != nil {
			return Match{}, err, true
		}
		return m, nil, true
	}
	if cands := c.candidates(refs, effective); len(cands) > 1 {
		if literal && effective == "" {
			if m, ok := c.pickAPIName(refs, input, f, cands); ok {
				return m, nil, true
			}
		}
		return Match{}, &Error{Kind: ErrAmbiguous, Input: input, ScopeKey: effective, Candidates: cands, AsOf: c.asOf}, true
	}
	if miss.elsewhere == nil {
		miss.elsewhere, miss.literal = refs, literal
		if f.qualified && scopeKey == "" {
			miss.prefixScope = f.scopeKey
		}
	}
	return Match{}, nil, false
}

// pickAPIName settles a name that is one group's exact API name and, in
// another scope, another group's label or former name: the API name wins,
// and the match carries the other reading for its warning.
func (c *Catalog) pickAPIName(refs []ref, input string, f form, cands []Candidate) (Match, bool) {
	var api []ref
	for _, r := range refs {
		if r.kind == MatchExact {
			api = append(api, r)
		}
	}
	if len(api) == 0 {
		return Match{}, false
	}
	for _, r := range api[1:] {
		if r.group != api[0].group {
			return Match{}, false
		}
	}
	m := c.matchOf(api[0], input, &f)
	for _, cd := range cands {
		if cd.Group.ID != m.Group.ID {
			m.otherReadings = append(m.otherReadings, cd)
		}
	}
	return m, true
}

// checkCategory holds a path's heading to the group's category, when the
// catalog knows it: a heading that files the permission elsewhere is a
// mistake worth naming, not a detail to drop.
func (c *Catalog) checkCategory(m Match, f form, input string) error {
	if f.category == "" || m.Group.Category == "" || m.Group.Category == f.category {
		return nil
	}
	return &Error{Kind: ErrCategoryMismatch, Input: input, ScopeKey: m.ScopeKey, Category: f.category,
		Candidates: []Candidate{c.candidate(c.byID[m.Group.ID], m.ScopeKey)}, AsOf: c.asOf}
}

// missError is the error for an input no reading resolved.
func (c *Catalog) missError(input, n, scopeKey string, miss missTrace) error {
	switch {
	case miss.conflict != "" && !miss.literal:
		return &Error{Kind: ErrScopeConflict, Input: input, ScopeKey: scopeKey, QualifiedScopeKey: miss.conflict, Candidates: miss.conflicting, AsOf: c.asOf}
	case miss.elsewhere != nil && miss.prefixScope != "":
		// The scope came from the name itself: offer the other scope's group,
		// and the names of the named scope that come close.
		return &Error{Kind: ErrWrongScope, Input: input, ScopeKey: scopeKey, QualifiedScopeKey: miss.prefixScope,
			OtherScopes: c.candidates(miss.elsewhere, ""), Suggestions: c.suggestIn(n, miss.prefixScope), AsOf: c.asOf}
	case miss.elsewhere != nil:
		return &Error{Kind: ErrWrongScope, Input: input, ScopeKey: scopeKey, OtherScopes: c.candidates(miss.elsewhere, ""),
			Counterpart: c.counterpart(n, scopeKey), AsOf: c.asOf}
	}
	if e := c.severalError(input, scopeKey); e != nil {
		return e
	}
	if c.namesOnlyALevel(n) {
		// Any "did you mean" would be a guess at the product.
		return &Error{Kind: ErrUnknownName, Input: input, ScopeKey: scopeKey, NoProduct: true, AsOf: c.asOf, Live: c.live}
	}
	return c.unknownNameError(input, n, scopeKey)
}

// unknownNameError is the error for a name no group has, with the names it
// comes close to, or what else can be said.
func (c *Catalog) unknownNameError(input, n, scopeKey string) *Error {
	prefer := scopeKey
	if prefer == "" {
		// The scope a path names is where to look first, as the scope
		// argument is: "zone > load balancing > edit" is a zone's group.
		prefer = c.namedScope(n)
	}
	// A path's selector and heading name no product: its permission is
	// what to come close to ("all zones > durable objects: edit"). So it is
	// when the first parts cannot be read ("acme corp > logs: edit").
	permission := pathPermission(n)
	var suggestions []Candidate
	var typo bool
	var h *home
	if permission != n {
		suggestions, typo, h = c.suggest(permission, prefer)
	}
	if len(suggestions) == 0 {
		suggestions, typo, h = c.suggest(n, prefer)
	}
	e := &Error{Kind: ErrUnknownName, Input: input, ScopeKey: scopeKey, Suggestions: suggestions, Typo: typo, AsOf: c.asOf, Live: c.live}
	if len(suggestions) == 0 {
		_, words := inputWords(translatedLevel(permission))
		e.Untranslated = len(words) > 0 && !hasLatin(words)
	}
	if h != nil {
		e.Home = &h.ProductHome
	}
	return e
}

// namedScope is the scope an input's own prefix or selector names, or "".
func (c *Catalog) namedScope(n string) string {
	if key, _, _, ok := c.resourcePath(n); ok && key != "" {
		return key
	}
	key, _, _ := splitQualified(n)
	return key
}

// pathPermission is the permission with its level at the end of a path
// ("logs: edit" of "acme corp > logs: edit"), or n when it is no path.
func pathPermission(n string) string {
	if _, p := untitledPermission(pathSegments(n)); p != "" {
		return p
	}
	return n
}

// translatedLevel is n with a level of another language in English.
func translatedLevel(n string) string {
	if v, _, ok := translateAccess(n); ok {
		return v
	}
	return n
}

// counterpart is the group of the scope asked for that the API names as
// the input with the scope's word in front ("Account Analytics Read" for
// "analytics read" in account), if there is one.
func (c *Catalog) counterpart(n, scopeKey string) *Candidate {
	for _, w := range scopeNameWords[scopeKey] {
		for _, r := range c.folded[w+" "+n] {
			if r.scopeKey == scopeKey && r.kind == MatchExact {
				cd := c.candidate(r.group, scopeKey)
				return &cd
			}
		}
	}
	return nil
}

// namesOnlyALevel: the input is an access level alone ("edit", "lesen"),
// or a path whose every other part is a selector or a heading ("entire
// account > developer platform > edit").
func (c *Catalog) namesOnlyALevel(n string) bool {
	segments := pathSegments(n)
	if len(segments) == 0 {
		segments = []string{n}
	}
	for i, s := range segments[:len(segments)-1] {
		// A selector comes first; after it, only headings ("account >
		// domains > read" names the Domains product).
		if _, heading := c.headingKey(s); !heading && (i > 0 || selectorNounScope(s) == "" && !looksLikeDomain(s)) {
			return false
		}
	}
	return isLevel(strings.Trim(segments[len(segments)-1], " :"))
}

// isLevel: an access level, as any dashboard language writes it.
func isLevel(s string) bool {
	if v, ok := simplifyLevel(s); ok {
		s = v
	}
	if accessWords[s] {
		return true
	}
	for _, f := range foreignAccessWords {
		if s == f.word {
			return true
		}
	}
	return false
}

// severalError is the error for an input that lists permissions, as the
// token's summary does ("All zones - Zone:Read, DNS:Edit"): every part
// resolves on its own, or with the first part's selector before it.
func (c *Catalog) severalError(input, scopeKey string) *Error {
	parts := strings.FieldsFunc(input, func(r rune) bool { return r == ',' || r == ';' || r == '，' || r == '、' || r == '；' })
	if len(parts) < 2 || len(parts) > MaxPolicyGroups {
		return nil
	}
	selector := "" // "All zones -" of "All zones - Zone:Read"
	if i := strings.LastIndexAny(parts[0], ">-–—"); i > 0 {
		_, size := utf8.DecodeRuneInString(parts[0][i:])
		selector = parts[0][:i+size]
	}
	var found []Candidate
	for _, p := range parts {
		readings := []string{p}
		if selector != "" {
			readings = append(readings, selector+" "+p)
		}
		m, ok := c.resolvesAs(scopeKey, readings...)
		if !ok {
			return nil // not a list of permissions: the miss is the input's own
		}
		found = append(found, c.candidate(c.byID[m.Group.ID], m.ScopeKey))
	}
	return &Error{Kind: ErrSeveral, Input: input, ScopeKey: scopeKey, Candidates: found, AsOf: c.asOf}
}

// resolvesAs is the match of the first of the readings that resolves.
func (c *Catalog) resolvesAs(scopeKey string, readings ...string) (Match, bool) {
	for _, r := range readings {
		if m, err := c.Resolve(r, scopeKey); err == nil {
			return m, true
		}
	}
	return Match{}, false
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
		return c.retiredMatch(Match{Group: g, ScopeKey: key, Input: input, Kind: MatchID}, i), nil, true
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
	hs := histogramOf(s)
	for i := range c.groups {
		// The histogram bound rules out nearly every id without Levenshtein:
		// a plan checker looks up thousands of ids.
		if hg := histogramOf(c.groups[i].ID); hs.lowerBound(&hg) > maxIDEdits {
			continue
		}
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
	refs = c.preferLive(refs, scopeKey)
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
	refs := c.preferLive(c.folded[normalize(name)], "")
	for _, r := range refs {
		if r.group != i {
			return false
		}
	}
	return len(refs) > 0
}
