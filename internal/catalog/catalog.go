// Package catalog knows every Cloudflare API token permission group and the
// names people use for them, and resolves those names to groups offline.
//
// It is plain Go: the provider, its validators and functions are adapters
// over it, so one place decides what a name means and how a miss is worded.
package catalog

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

//go:embed groups.tsv
var embeddedTSV []byte

// MatchKind says how an input reached its group.
type MatchKind string

const (
	MatchExact      MatchKind = "exact"       // the API name as written
	MatchID         MatchKind = "id"          // a raw permission group id
	MatchCaseFolded MatchKind = "case_folded" // the API name up to case, spacing or URL-encoding
	MatchDashboard  MatchKind = "dashboard"   // the dashboard's "Edit" spelling
	MatchQualified  MatchKind = "qualified"   // "Zone > DNS > Edit" and its relatives
	MatchDocsLabel  MatchKind = "docs_label"  // a product label from Cloudflare's docs
	MatchRenamed    MatchKind = "renamed"     // a name the group had before or after this snapshot
	MatchTranslated MatchKind = "translated"  // the dashboard's access word in another language ("DNS: Bearbeiten")
)

// MatchKinds lists every kind, for docs.
var MatchKinds = []MatchKind{MatchExact, MatchID, MatchCaseFolded, MatchDashboard, MatchQualified, MatchDocsLabel, MatchRenamed, MatchTranslated}

// ref is one way a folded name points at a group.
type ref struct {
	group    int    // index into Catalog.groups
	scopeKey string // the scope this name is valid in
	spelling string // the name as the API or vocabulary spells it
	kind     MatchKind
	note     string
	newer    bool // the vocabulary entry is a name newer than the snapshot
}

// Catalog is an immutable, indexed set of permission groups plus vocabulary.
type Catalog struct {
	asOf   string
	source string
	groups []Group
	byID   map[string]int
	// byScope lists group indexes per scope key, sorted by name.
	byScope map[string][]int
	// folded maps a normalised name to every group it may mean.
	folded map[string][]ref
	// exact maps each known spelling to the same refs as its folded form, so
	// an input spelled exactly right resolves with one map lookup and no
	// allocation, and can never disagree with the slow path.
	exact map[string][]ref
	// suggestible holds, per scope key, the names suggestions are drawn from;
	// built on the first miss, since most processes never have one.
	suggestOnce sync.Once
	suggestible map[string][]suggestEntry
	homes       []home // products with no group of their own, built with suggestible
	// live is set for a catalog merged with Cloudflare's live list; retired
	// marks the groups that list no longer has, and successor the live group
	// of the same name and scope that took a retired one's place.
	live      bool
	retired   map[int]bool
	successor map[int]int
	// categories holds the category keys of the groups.
	categories map[string]bool
	// aliases is the vocabulary this catalog was built with: the curated
	// entries, former names and any extra (live renames) whose targets exist.
	aliases []alias
}

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
)

// Default returns the catalog embedded in this build. It is parsed on first
// use and panics only if the committed data is corrupt, which tests forbid.
func Default() *Catalog {
	defaultOnce.Do(func() {
		snap, err := ParseTSV(embeddedTSV)
		if err != nil {
			panic(fmt.Sprintf("catalog: embedded groups.tsv is corrupt: %v", err))
		}
		defaultCatalog = New(snap)
	})
	return defaultCatalog
}

// EmbeddedAsOf is the embedded snapshot's date, read from the file's header
// without loading the catalog: schema descriptions need only the date, and
// Terraform asks for schemas in processes that resolve nothing.
func EmbeddedAsOf() string {
	const key = "\n# as_of: "
	data := embeddedTSV
	i := bytes.Index(data, []byte(key))
	if i < 0 {
		return ""
	}
	rest := data[i+len(key):]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	return string(rest)
}

// EmbeddedSnapshot returns the snapshot this build embeds.
func EmbeddedSnapshot() (Snapshot, error) { return ParseTSV(embeddedTSV) }

// New indexes a snapshot together with the curated vocabulary. Vocabulary
// entries whose targets the snapshot lacks are left out, so a newer or older
// snapshot never makes an alias point at the wrong group.
func New(snap Snapshot) *Catalog { return build(snap, nil, formerNames(), nil) }

// build indexes a snapshot with the vocabulary, the former names and any
// extra aliases. Groups whose ids are in retired (live mode: gone from the
// live list) are indexed too, but never become the target of an alias when
// a live group has the same name in the same scope.
func build(snap Snapshot, extra []alias, former []FormerName, retired map[string]bool) *Catalog {
	groups := make([]Group, len(snap.Groups))
	copy(groups, snap.Groups)
	sortGroups(groups)
	c := &Catalog{
		asOf:    snap.AsOf,
		source:  snap.Source,
		groups:  groups,
		byID:    make(map[string]int, len(groups)),
		byScope: map[string][]int{},
		folded:  make(map[string][]ref, len(groups)+len(vocabulary)),
	}
	nameIndex := map[string]int{} // scopeKey + "\x00" + API name
	c.categories = map[string]bool{}
	for i, g := range groups {
		c.byID[g.ID] = i
		if g.Category != "" {
			c.categories[g.Category] = true
		}
		if retired[g.ID] {
			if c.retired == nil {
				c.retired = map[int]bool{}
			}
			c.retired[i] = true
		}
		for _, k := range g.ScopeKeys {
			c.byScope[k] = append(c.byScope[k], i)
			if _, taken := nameIndex[k+"\x00"+g.Name]; !taken || !retired[g.ID] {
				nameIndex[k+"\x00"+g.Name] = i
			}
			c.add(ref{group: i, scopeKey: k, spelling: g.Name, kind: MatchExact})
		}
	}
	indexFormerNames(nameIndex, groups, former)
	candidates := append(append(append([]alias(nil), vocabulary...), formerAliases(groups, former)...), extra...)
	for _, a := range candidates {
		key := ScopeKey(a.scope)
		var idx []int
		for _, t := range a.targets {
			if i, ok := nameIndex[key+"\x00"+t]; ok {
				idx = append(idx, i)
			}
		}
		if len(idx) != len(a.targets) {
			continue
		}
		c.aliases = append(c.aliases, a)
		for _, i := range idx {
			c.add(ref{group: i, scopeKey: key, spelling: a.name, kind: a.kind, note: a.note, newer: a.newer})
		}
	}
	c.exact = make(map[string][]ref, len(c.folded)*2)
	for _, refs := range c.folded {
		for _, r := range refs {
			c.exact[r.spelling] = refs
		}
	}
	return c
}

func (c *Catalog) add(r ref) {
	key := normalize(r.spelling)
	for _, existing := range c.folded[key] {
		if existing.group == r.group && existing.scopeKey == r.scopeKey && existing.spelling == r.spelling {
			return
		}
	}
	c.folded[key] = append(c.folded[key], r)
}

// Live reports whether the catalog was merged with Cloudflare's live list.
func (c *Catalog) Live() bool { return c.live }

// AsOf is the date of the snapshot the catalog was built from.
func (c *Catalog) AsOf() string { return c.asOf }

// Source says where the snapshot came from.
func (c *Catalog) Source() string { return c.source }

// Len is the number of groups. In live mode the live list is
// authoritative: groups it no longer has are left out of Len, Counts,
// Groups and List, and only resolve, with a warning.
func (c *Catalog) Len() int { return len(c.groups) - len(c.retired) }

// Counts returns the number of groups per scope key.
func (c *Catalog) Counts() map[string]int {
	out := make(map[string]int, len(c.byScope))
	for k, v := range c.byScope {
		n := 0
		for _, i := range v {
			if !c.retired[i] {
				n++
			}
		}
		if n > 0 {
			out[k] = n
		}
	}
	return out
}

// Groups returns every group, sorted by scope key then name.
func (c *Catalog) Groups() []Group {
	out := make([]Group, 0, c.Len())
	for i, g := range c.groups {
		if !c.retired[i] {
			out = append(out, g)
		}
	}
	return out
}

// Retired reports whether, in live mode, the group of the id is one the
// live list no longer has.
func (c *Catalog) Retired(id string) bool {
	i, ok := c.byID[id]
	return ok && c.retired[i]
}

// ByID is the reverse lookup: the group with that id, if the catalog has it.
func (c *Catalog) ByID(id string) (Group, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Group{}, false
	}
	return c.groups[i], true
}

// Filter selects groups; zero fields select everything.
type Filter struct {
	ScopeKey  string
	Access    Access
	Category  string // a category key, such as "developer_platform"
	NameRegex *regexp.Regexp
}

// List returns the groups matching f, sorted by name, then scope, then id.
func (c *Catalog) List(f Filter) []Group {
	var out []Group
	for i, g := range c.groups {
		if c.retired[i] || !g.InScope(f.ScopeKey) {
			continue
		}
		if f.Access != "" && g.Access() != f.Access {
			continue
		}
		if f.Category != "" && g.Category != f.Category {
			continue
		}
		if f.NameRegex != nil && !f.NameRegex.MatchString(g.Name) {
			continue
		}
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ScopeKey() < out[j].ScopeKey()
	})
	return out
}

// ParseAccess accepts "read", "write" or "other" in any case.
func ParseAccess(s string) (Access, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "read":
		return AccessRead, true
	case "write":
		return AccessWrite, true
	case "other":
		return AccessOther, true
	}
	return "", false
}

// Alias is a name other than the API name that resolves to a group.
type Alias struct {
	Name string
	Kind MatchKind
	Note string
	// Ambiguous is true when the name fits other groups too and so, on its
	// own, resolves to none of them.
	Ambiguous bool
}

// Aliases lists the vocabulary names of a group in a scope, for docs.
func (c *Catalog) Aliases(id, scopeKey string) []Alias {
	i, ok := c.byID[id]
	if !ok {
		return nil
	}
	var out []Alias
	for _, a := range c.aliases {
		if ScopeKey(a.scope) != scopeKey {
			continue
		}
		for _, t := range a.targets {
			if t == c.groups[i].Name {
				out = append(out, Alias{Name: a.name, Kind: a.kind, Note: a.note, Ambiguous: len(a.targets) > 1})
			}
		}
	}
	return out
}

// DashboardName is how the dashboard spells a group: its product label
// where the docs give one, with "Edit" where the API says "Write".
func (c *Catalog) DashboardName(id, scopeKey string) string {
	g, ok := c.ByID(id)
	if !ok {
		return ""
	}
	name := g.Name
	for _, a := range c.Aliases(id, scopeKey) {
		if a.Kind == MatchDocsLabel && !a.Ambiguous {
			name = a.Name
		}
	}
	if head, ok := strings.CutSuffix(name, " Write"); ok {
		return head + " Edit"
	}
	return name
}
