package needs

import (
	"sort"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// Change is one resource instance of a plan or state, as much of it as the
// needs of a token depend on.
type Change struct {
	Address string
	// Type is the Terraform type, such as cloudflare_dns_record.
	Type string
	// Kind is the type's namespace; a data source is looked up as a data
	// source and then as a list data source.
	Kind Kind
	// Access is what the change does: write for create, update, delete and
	// replace, read for a data source or a refresh.
	Access Access
	// SetsAccountID and SetsZoneID say which of the two the change sets (a
	// value, or one known only after apply): a type that works at account
	// and at zone level is at the level of the one it sets.
	SetsAccountID, SetsZoneID bool
	// AccountID and ZoneID are the change's own, when the plan knows them.
	AccountID, ZoneID string
}

// ActionsAccess is the access a plan's actions need: any create, update or
// delete writes; a read or no-op only reads (the refresh, or a data
// source); forget reads (the plan refreshes what it forgets).
func ActionsAccess(actions []string) Access {
	for _, a := range actions {
		switch a {
		case "create", "update", "delete":
			return AccessWrite
		}
	}
	return AccessRead
}

// Need is one group a token needs, and the addresses that need it.
type Need struct {
	Group catalog.Group
	For   []string
	// Accounts and Zones are the resource keys the plan knows for the
	// changes that need the group, sorted.
	Accounts, Zones []string
	// UnknownAccount and UnknownZone say a change that needs the group
	// sets an account or zone id the plan knows only after apply: its key
	// is none of Accounts or Zones.
	UnknownAccount, UnknownZone bool
}

// Unknown is a type the table cannot answer for, with its addresses.
type Unknown struct {
	Type      string
	Addresses []string
	// Why says what is missing, for people.
	Why string
}

// Result is what a plan needs.
type Result struct {
	Groups  []Need
	Unknown []Unknown
	// Changes counts the changes of Cloudflare types considered.
	Changes int
}

// Compute picks a group for every change and merges them: one entry per
// group, and a Read group dropped where the Write group of the same
// product is needed too (a Write group also reads).
func (t *Table) Compute(c *catalog.Catalog, changes []Change) Result {
	m := merger{needs: map[string]*needDraft{}, unknown: map[string]*Unknown{}}
	for _, ch := range changes {
		m.changes++
		e, ok := t.lookupChange(ch)
		if !ok {
			m.addUnknown(ch, notInTable(ch))
			continue
		}
		scope, why := changeScope(e, ch)
		if why != "" {
			m.addUnknown(ch, why)
			continue
		}
		choice := t.Pick(c, e, ch.Access, scope)
		if choice.Review != "" {
			m.addUnknown(ch, choice.Review)
			continue
		}
		m.addNeed(choice.Group, ch)
	}
	return m.result(c)
}

func (t *Table) lookupChange(ch Change) (Entry, bool) {
	if e, ok := t.Lookup(ch.Type, ch.Kind); ok || ch.Kind != KindDataSource {
		return e, ok
	}
	return t.Lookup(ch.Type, KindListDataSource)
}

// changeScope is the level a change of a type with both is made at.
func changeScope(e Entry, ch Change) (scope, why string) {
	switch {
	case e.APIScope != APIScopeAccountOrZone:
		return "", ""
	case ch.SetsZoneID:
		return APIScopeZone, ""
	case ch.SetsAccountID:
		return APIScopeAccount, ""
	}
	return "", "it works at account or zone level and sets neither account_id nor zone_id, so its level is not known"
}

func notInTable(ch Change) string {
	return "the table of the Cloudflare provider's accepted permissions has no " + string(ch.Kind) + " " + ch.Type
}

type needDraft struct {
	group           catalog.Group
	for_            map[string]bool
	accounts, zones map[string]bool
	unknownAccount  bool
	unknownZone     bool
}

type merger struct {
	needs   map[string]*needDraft
	unknown map[string]*Unknown
	changes int
}

func (m *merger) addNeed(g catalog.Group, ch Change) {
	d := m.needs[g.ID]
	if d == nil {
		d = &needDraft{group: g, for_: map[string]bool{}, accounts: map[string]bool{}, zones: map[string]bool{}}
		m.needs[g.ID] = d
	}
	d.for_[ch.Address] = true
	if ch.AccountID != "" {
		d.accounts[ch.AccountID] = true
	}
	if ch.ZoneID != "" {
		d.zones[ch.ZoneID] = true
	}
	d.unknownAccount = d.unknownAccount || ch.SetsAccountID && ch.AccountID == ""
	d.unknownZone = d.unknownZone || ch.SetsZoneID && ch.ZoneID == ""
}

func (m *merger) addUnknown(ch Change, why string) {
	u := m.unknown[ch.Type]
	if u == nil {
		u = &Unknown{Type: ch.Type, Why: why}
		m.unknown[ch.Type] = u
	}
	u.Addresses = append(u.Addresses, ch.Address)
}

// result folds each Read group into its Write counterpart and sorts.
func (m *merger) result(c *catalog.Catalog) Result {
	r := Result{Changes: m.changes, Groups: []Need{}, Unknown: []Unknown{}}
	for id, d := range m.needs {
		if w, ok := writeCounterpart(c, d.group); ok {
			if into := m.needs[w.ID]; into != nil {
				mergeInto(into, d)
				delete(m.needs, id)
			}
		}
	}
	for _, d := range m.needs {
		r.Groups = append(r.Groups, Need{Group: d.group, For: sortedKeys(d.for_), Accounts: sortedKeys(d.accounts), Zones: sortedKeys(d.zones),
			UnknownAccount: d.unknownAccount, UnknownZone: d.unknownZone})
	}
	sort.Slice(r.Groups, func(i, j int) bool { return needLess(r.Groups[i].Group, r.Groups[j].Group) })
	for _, u := range m.unknown {
		sort.Strings(u.Addresses)
		r.Unknown = append(r.Unknown, *u)
	}
	sort.Slice(r.Unknown, func(i, j int) bool { return r.Unknown[i].Type < r.Unknown[j].Type })
	return r
}

func mergeInto(into, from *needDraft) {
	into.unknownAccount = into.unknownAccount || from.unknownAccount
	into.unknownZone = into.unknownZone || from.unknownZone
	for k := range from.for_ {
		into.for_[k] = true
	}
	for k := range from.accounts {
		into.accounts[k] = true
	}
	for k := range from.zones {
		into.zones[k] = true
	}
}

// writeCounterpart is the Write group of a Read group's product, in its
// scope: "DNS Read" is covered by "DNS Write".
func writeCounterpart(c *catalog.Catalog, g catalog.Group) (catalog.Group, bool) {
	stem, ok := strings.CutSuffix(g.Name, " Read")
	if !ok {
		return catalog.Group{}, false
	}
	for _, w := range c.List(catalog.Filter{ScopeKey: g.ScopeKey(), Access: catalog.AccessWrite}) {
		if w.Name == stem+" Write" {
			return w, true
		}
	}
	return catalog.Group{}, false
}

// scopeOrder sorts groups account first, then zone, user and the rest.
var scopeOrder = map[string]int{catalog.ScopeKeyAccount: 0, catalog.ScopeKeyZone: 1, catalog.ScopeKeyUser: 2}

func needLess(a, b catalog.Group) bool {
	oa, ok := scopeOrder[a.ScopeKey()]
	if !ok {
		oa = len(scopeOrder)
	}
	ob, ok := scopeOrder[b.ScopeKey()]
	if !ok {
		ob = len(scopeOrder)
	}
	if oa != ob {
		return oa < ob
	}
	if a.ScopeKey() != b.ScopeKey() {
		return a.ScopeKey() < b.ScopeKey()
	}
	return a.Name < b.Name
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
