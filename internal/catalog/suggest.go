package catalog

import (
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
)

// suggestEntry is one name suggestions can be drawn from, with its words
// read once: its access word and the words that name the product.
type suggestEntry struct {
	folded   string
	hist     histogram
	group    int
	scopeKey string
	access   string   // "read", "write" (for Write and Edit) or ""
	words    []string // product words: no access word, no filler
	masks    []uint32 // letterMask of each word
	mask     uint32   // letterMask of the whole name
	// scoped is set when the first word is a scope word ("Zone DNS
	// Settings"): it may match the input, but is not extra when it does not.
	scoped bool
	alias  bool // a vocabulary or former name, not the API name
	// purposeFrom is the index of the first word after "for", or
	// len(words): those words say what another product is for.
	purposeFrom int
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

// boundedDistance is the edit distance of a and b when it is at most limit,
// and limit+1 when it is more. Suggestions compare the input with every
// word and name of a scope but care only about close ones, so it computes
// only the diagonal band of width 2*limit+1, stops once a whole row is over
// the limit, and allocates nothing: ComputeDistance's full table and rune
// conversion made a miss cost 300 µs. Non-ASCII and very long input takes
// the general path.
func boundedDistance(a, b string, limit int) int {
	big := limit + 1
	if len(b) >= maxBandedLen || limit >= maxBandedLen || !isASCII(a) || !isASCII(b) {
		return min(distance(a, b), big)
	}
	if diff := len(a) - len(b); diff > limit || -diff > limit {
		return big
	}
	// Two rows of bytes on the stack: every value is at most big, which
	// is at most maxBandedLen.
	var rows [2 * maxBandedLen]uint8
	prev, cur := rows[:len(b)+1], rows[maxBandedLen:maxBandedLen+len(b)+1]
	capped := uint8(big)
	for j := range prev {
		prev[j] = uint8(min(j, big))
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[lo-1] = capped
		if lo == 1 {
			cur[0] = uint8(min(i, big))
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1, capped)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < len(b) {
			cur[hi+1] = capped // outside the band: what the next row reads there
		}
		if rowMin >= capped {
			return big
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

// maxBandedLen bounds the strings boundedDistance handles on the stack; no
// permission name comes near it.
const maxBandedLen = 128

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func (c *Catalog) buildSuggestions() {
	c.suggestible = map[string][]suggestEntry{}
	for key, refs := range c.folded {
		h := histogramOf(key)
		access, words, scoped := nameWords(key)
		masks := letterMasks(words)
		for _, r := range refs {
			if c.retired[r.group] {
				continue // live mode: the live list is what to suggest from
			}
			e := suggestEntry{folded: key, hist: h, group: r.group, scopeKey: r.scopeKey, access: access, words: words, masks: masks, mask: letterMask(key), scoped: scoped, alias: r.kind != MatchExact, purposeFrom: purposeFrom(key)}
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
	c.buildHomes()
}

// suggest offers the names a miss most likely meant, and says whether the
// first is a plain misspelling. It looks in scopeKey first and across all
// scopes when that finds nothing; a misspelling of a name in another scope
// goes first when the scope's best lacks one of the input's product words
// ("Workers Scrpts Write" in
// zone scope is the account's Workers Scripts Write, not the zone's Workers
// Routes Write: a typo and a wrong scope are two mistakes, not one).
func (c *Catalog) suggest(n, scopeKey string) (out []Candidate, typo bool, h *home) {
	in, inBest, inHome := c.suggestRanked(n, scopeKey)
	if scopeKey == "" || len(in) > 0 && (inBest.missing == 0 || inBest.isTypo()) {
		return in, inBest.isTypo(), inHome // nothing elsewhere can do better
	}
	all, allBest, allHome := c.suggestRanked(n, "")
	switch {
	case len(in) == 0:
		return all, allBest.isTypo(), allHome
	case all[0].ScopeKey != scopeKey && inBest.missing > 0 && (allBest.isTypo() || 0 < allBest.missing && allBest.missing < inBest.missing):
		// A misspelt word that another scope's name holds, which no name
		// here does: two mistakes, a typo and a scope.
		out = append([]Candidate{all[0]}, in...)
		return out[:min(len(out), maxSuggestions)], allBest.isTypo(), nil
	}
	return in, inBest.isTypo(), inHome
}

// isTypo: the name is a plain misspelling of the input, every product
// word of which it holds.
func (s scored) isTypo() bool { return s.entry != nil && s.typo && s.missing == 0 }

// maxSuggestInput bounds the work on pasted garbage: no permission name is
// anywhere near this long.
const maxSuggestInput = 200

// suggestIn ranks the names of a scope by what the input's words mean, then
// by spelling: first the names that hold every word the input names a
// product with (R2 and KV read as the products they are short for), then
// those whose access agrees, then those with the fewest words the input did
// not ask for, then edit distance. A name that shares no product word with
// the input is offered only for a plain misspelling, and never when a name
// that does share them exists: a different product first is worse than
// nothing.
func (c *Catalog) suggestIn(n, scopeKey string) []Candidate {
	out, _, _ := c.suggestRanked(n, scopeKey)
	return out
}

// suggestRanked is suggestIn with the rank of the best name, and the home
// of the product the input named when the names offered are the home's.
// A product with no group of its own is read as its home's words; when
// more words follow it, only if no name holds all the input's words.
func (c *Catalog) suggestRanked(n, scopeKey string) ([]Candidate, scored, *home) {
	if len(n) > maxSuggestInput {
		return nil, scored{}, nil
	}
	c.suggestOnce.Do(c.buildSuggestions)
	q := c.newQuery(n, scopeKey)
	h, exact := c.homeFor(q.words)
	if h == nil || !exact {
		out, best := c.rank(q)
		if h == nil || len(out) > 0 && best.missing == 0 {
			return out, best, nil
		}
	}
	q.words, q.masks, q.home = h.covering, letterMasks(h.covering), true
	if key := ScopeKey(h.Scope); h.Scope != "" {
		if scopeKey != "" && scopeKey != key {
			return nil, scored{}, nil // the product is another scope's
		}
		q.scopeKey = key
	}
	out, best := c.rank(q)
	if len(out) == 0 || best.missing > 0 {
		return nil, scored{}, nil // the home has no group here: another scope may
	}
	best.typo = false // the input is no misspelling of the home's name
	return out, best, h
}

// rank scores every name of the query's scope and keeps the best few.
func (c *Catalog) rank(q query) ([]Candidate, scored) {
	var best []scored
	fewestMissing := 10
	entries := c.suggestible[q.scopeKey]
	for i := range entries {
		if s, ok := q.score(&entries[i]); ok {
			best = append(best, s)
			fewestMissing = min(fewestMissing, s.missing)
		}
	}
	// Only names that lack as few of the input's words as the best one can
	// be offered (see topCandidates), so only they need their distance.
	for i := range best {
		if best[i].pending && best[i].missing == fewestMissing {
			best[i].distance = q.distance(best[i].entry, q.limit+4)
			best[i].typo = best[i].distance <= q.limit
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].less(best[j]) })
	out := c.topCandidates(best, q.home)
	if len(out) == 0 {
		return nil, scored{}
	}
	return out, best[0]
}

// scored is one name's rank for a query; lower fields rank first.
type scored struct {
	entry   *suggestEntry // into the catalog's suggestible names, never copied
	missing int           // tenths of the input's product words the name lacks
	access  int           // 0 same access or none asked, 1 the name has none, 2 another
	extra   int           // words of the name the input did not ask for
	// other is 1 when such a word makes the name another product: it comes
	// before the input's first word ("AI Gateway" is not "Gateway") or
	// after "for" ("Firewall for AI"), where "Firewall Services" is a part
	// of "Firewall".
	other    int
	alias    int  // 1 for a vocabulary name: the API name goes first
	distance int  // edit distance to the nearest reading of the input
	typo     bool // within the edit distance of a plain misspelling
	// pending is set while the distance of a name that shares the input's
	// words is still to be computed; it ranks as far as can be until then.
	pending bool
}

func (s scored) less(o scored) bool {
	switch {
	case s.missing != o.missing:
		return s.missing < o.missing
	case s.access != o.access:
		return s.access < o.access
	case s.extra != o.extra:
		return s.extra < o.extra
	case s.other != o.other:
		return s.other < o.other
	case s.alias != o.alias:
		return s.alias < o.alias
	case s.distance != o.distance:
		return s.distance < o.distance
	}
	return len(s.entry.folded) < len(o.entry.folded) // the shorter, plainer name
}

// topCandidates keeps the best few, and only those as good as the best in
// product words: a name that lacks a word the best one has is another
// product. When the best is a plain misspelling, only as close misspellings
// join it, so the answer stays short. For a home, only the home's own
// groups of the access asked for are offered: its other groups are other
// parts of the home, not the product the input named.
func (c *Catalog) topCandidates(best []scored, home bool) []Candidate {
	var out []Candidate
	seen := map[int]bool{}
	for _, s := range best {
		if s.missing > best[0].missing || s.distance > best[0].distance+3 && s.missing > 0 {
			break
		}
		if best[0].typo && best[0].missing == 0 && (!s.typo || s.distance > best[0].distance+1) {
			continue
		}
		if seen[s.entry.group] || home && (s.extra != best[0].extra || s.access != best[0].access) {
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

// query is an input read for suggestions.
type query struct {
	readings []form
	hists    []histogram
	rmasks   []uint32 // letterMask of each reading
	limit    int      // the edit distance a plain misspelling may have
	access   string   // the access the input asks for, or ""
	words    []string // the input's product words, shorthands expanded
	masks    []uint32 // letterMask of each word
	scopeKey string
	home     bool // words are the home of a product with no group of its own
	// latin is set when a product word holds a letter a-z: a name in
	// another script is no misspelling of an English name, however few
	// edits apart ("ログ write" and "d1 write").
	latin bool
}

func (c *Catalog) newQuery(n, scopeKey string) query {
	q := query{readings: c.forms(n), limit: max(2, len(n)/4), scopeKey: scopeKey}
	q.hists = make([]histogram, len(q.readings))
	q.rmasks = make([]uint32, len(q.readings))
	for i, f := range q.readings {
		q.hists[i] = histogramOf(f.name)
		q.rmasks[i] = letterMask(f.name)
	}
	q.access, q.words = inputWords(n)
	q.masks = letterMasks(q.words)
	q.latin = hasLatin(q.words)
	return q
}

// hasLatin: some word holds a letter a-z.
func hasLatin(words []string) bool {
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0 {
			return true
		}
	}
	return false
}

// score ranks one name; ok is false when the name is no suggestion at all.
func (q query) score(e *suggestEntry) (scored, bool) {
	s := scored{entry: e}
	matched := 0.0
	used := make([]bool, len(e.words))
	for wi, w := range q.words {
		best, at := 0.0, -1
		for i, ew := range e.words {
			if m := wordMatch(w, ew, q.masks[wi], e.masks[i]); m > best {
				best, at = m, i
			}
		}
		if at >= 0 {
			used[at] = true
		}
		matched += best
	}
	if len(q.words) > 0 {
		s.missing = int((1 - matched/float64(len(q.words))) * 10)
	}
	first := slices.Index(used, true)
	for i, u := range used {
		if !u && (i > 0 || !e.scoped) {
			s.extra++
			if i < first || i >= e.purposeFrom {
				s.other = 1
			}
		}
	}
	if e.alias {
		s.alias = 1
	}
	s.access = accessRank(q.access, e.access)
	// A name that shares the input's product words is a suggestion ranked
	// by its distance, up to limit+4, which suggestIn computes only for the
	// names that can win. Any other is a suggestion only as a plain
	// misspelling, so its distance matters only up to the limit, and a far
	// name is ruled out cheaply (most names are far).
	if len(q.words) > 0 && s.missing <= 5 {
		s.distance, s.pending = q.limit+4, true
		return s, true
	}
	if !q.latin {
		return s, false
	}
	s.distance = q.distance(e, q.limit+1)
	s.typo = s.distance <= q.limit
	return s, s.typo
}

// distance is the edit distance from the nearest reading of the input to
// the name, or ceiling when it is that far or further.
func (q query) distance(e *suggestEntry, ceiling int) int {
	score := ceiling
	for i, f := range q.readings {
		if f.qualified && (q.scopeKey != "" && f.scopeKey != q.scopeKey || f.scopeKey != e.scopeKey) {
			continue
		}
		if diff := len(f.name) - len(e.folded); diff >= score || -diff >= score {
			continue
		}
		if bits.OnesCount32(q.rmasks[i]&^e.mask) >= score || bits.OnesCount32(e.mask&^q.rmasks[i]) >= score {
			continue
		}
		if q.hists[i].lowerBound(&e.hist) >= score {
			continue
		}
		if d := boundedDistance(f.name, e.folded, score-1); d < score {
			score = d
		}
	}
	return score
}

func accessRank(asked, has string) int {
	switch {
	case asked == "" || asked == has:
		return 0
	case has == "":
		return 1
	}
	return 2
}

// wordMatch is how well an input word names a word of a group's name: 1
// for the word itself, less for a plural, a prefix or a misspelling. wm and
// em are the words' letter masks.
func wordMatch(w, ew string, wm, em uint32) float64 {
	switch {
	case w == ew:
		return 1
	case len(w) >= 3 && len(ew) >= 3 && (strings.HasPrefix(ew, w) || strings.HasPrefix(w, ew)):
		return 0.8
	}
	// A misspelling: one edit in four letters or more, two in seven.
	limit := 0
	switch {
	case len(w) >= 7:
		limit = 2
	case len(w) >= 4:
		limit = 1
	}
	// Each kind of letter one word has and the other lacks costs an edit:
	// a bound that rules out most pairs before any distance is computed
	// (this runs for every word of every name of the scope).
	if limit == 0 || bits.OnesCount32(wm&^em) > limit || bits.OnesCount32(em&^wm) > limit {
		return 0
	}
	if boundedDistance(w, ew, limit) <= limit {
		return 0.8
	}
	return 0
}

// letterMask has a bit for each letter a word holds: one per letter a-z,
// and six more shared by every other byte. The classes partition the
// bytes, so a class in one word and not in the other costs at least one
// edit.
func letterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		} else {
			m |= 1 << (26 + c%6)
		}
	}
	return m
}

func letterMasks(words []string) []uint32 {
	out := make([]uint32, len(words))
	for i, w := range words {
		out[i] = letterMask(w)
	}
	return out
}

// productShorthands are the short names people use for products whose
// groups spell them out.
var productShorthands = map[string][]string{
	"r2": {"workers", "r2", "storage"},
	"kv": {"workers", "kv", "storage"},
	// Group names shorten the word: "Access: Apps Write".
	"applications": {"apps"},
	"application":  {"apps"},
}

// fillerWords carry no product meaning in a group's name.
var fillerWords = map[string]bool{"and": true, "for": true, "of": true, "the": true, "cloudflare": true, "cf": true}

// nameWords splits a normalised group name into its access and its product
// words, dropping filler, and says whether the first word is a scope word.
func nameWords(n string) (access string, words []string, scoped bool) {
	all := splitWords(n)
	if len(all) > 1 {
		if a, ok := accessOf(all[len(all)-1], false); ok {
			access, all = a, all[:len(all)-1]
		}
	}
	for _, w := range all {
		if !fillerWords[w] {
			words = append(words, w)
		}
	}
	return access, words, len(words) > 1 && plainScopeWords[words[0]]
}

// purposeFrom counts the product words of a name before its "for" ("Firewall
// for AI Write": 1), or all of them when it has none.
func purposeFrom(n string) int {
	count := 0
	for _, w := range splitWords(n) {
		if w == "for" && count > 0 {
			return count
		}
		if !fillerWords[w] {
			count++
		}
	}
	return count
}

// plainScopeWords are the scope words that name no product (unlike "r2").
var plainScopeWords = map[string]bool{"zone": true, "account": true, "user": true}

// inputWords reads an input as nameWords does, more forgivingly: the access
// word may come first or be misspelt, and shorthands are expanded. An input
// that is only a scope word keeps it ("zone raed" asks for Zone Read).
func inputWords(n string) (access string, words []string) {
	all := splitWords(n)
	if len(all) > 1 {
		if a, ok := accessOf(all[len(all)-1], true); ok {
			access, all = a, all[:len(all)-1]
		} else if a, ok := accessOf(all[0], false); ok {
			access, all = a, all[1:]
		}
	}
	if len(all) > 1 && plainScopeWords[all[0]] {
		all = all[1:]
	}
	// Filler goes before the product is read: "Cloudflare Workers" names
	// the Workers product as "Workers" does.
	if kept := slices.DeleteFunc(slices.Clone(all), func(w string) bool { return fillerWords[w] }); len(kept) > 0 {
		all = kept
	}
	if len(all) == 1 && (all[0] == "workers" || all[0] == "worker") {
		all = []string{"workers", "scripts"} // the Workers product's own permission
	}
	seen := map[string]bool{}
	for _, w := range all {
		expanded, ok := productShorthands[w]
		if !ok {
			expanded = []string{w}
		}
		for _, x := range expanded {
			if !fillerWords[x] && !seen[x] {
				seen[x] = true
				words = append(words, x)
			}
		}
	}
	return access, words
}

func splitWords(n string) []string {
	return strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || isSeparator(r) })
}

// accessOf reads an access word; with fuzzy set, a misspelling of one too
// ("wirte", "raed").
func accessOf(w string, fuzzy bool) (string, bool) {
	switch w {
	case "read":
		return "read", true
	case "write", "edit":
		return "write", true
	}
	if !fuzzy || len(w) < 3 {
		return "", false
	}
	for _, a := range []string{"read", "write", "edit"} {
		if distance(w, a) <= 2 && w[0] == a[0] {
			a, _ = accessOf(a, false)
			return a, true
		}
	}
	return "", false
}
