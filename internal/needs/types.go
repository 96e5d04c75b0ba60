package needs

import (
	"fmt"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// TypeFormHelp says how a type is written in required_permissions.
const TypeFormHelp = "a Cloudflare provider type such as `cloudflare_dns_record`, `data.cloudflare_zone` for a data source, " +
	"and for a type that works at account and at zone level its level after an @: `cloudflare_logpush_job@zone`"

// TypeProblem is one type that required_permissions cannot answer for, at
// its index in the list.
type TypeProblem struct {
	Index   int
	Message string
}

// ForTypes is what a configuration needs that uses the types, each
// written as TypeFormHelp says (nil for a null element): resources written
// (or, with read, only read: a token for terraform plan), data sources
// read. Every type it cannot answer for is a problem, in the list's order,
// so no type is silently left uncovered.
func (t *Table) ForTypes(c *catalog.Catalog, list []*string, access Access) (Result, []TypeProblem) {
	var changes []Change
	var problems []TypeProblem
	types := make([]string, len(list))
	for i, e := range list {
		if e == nil {
			problems = append(problems, TypeProblem{Index: i, Message: nullType})
			continue
		}
		// Terraform types are lower case; spaces and capitals are slips,
		// read past as the access argument's are, and not echoed back.
		types[i] = strings.ToLower(strings.TrimSpace(*e))
		ch, msg := t.typeChange(c, types[i], access)
		if msg != "" {
			problems = append(problems, TypeProblem{Index: i, Message: msg})
			continue
		}
		changes = append(changes, ch)
	}
	r := t.Compute(c, changes)
	unknown := map[string]string{}
	for _, u := range r.Unknown {
		for _, a := range u.Addresses {
			unknown[a] = u.Why
		}
	}
	for i, written := range types {
		if why, ok := unknown[written]; ok && list[i] != nil {
			problems = append(problems, TypeProblem{Index: i, Message: noGroupFor(written, why)})
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].Index < problems[j].Index })
	return r, problems
}

// typeChange reads one written type into the change it stands for; its
// address is the type as written, so answers name what the user wrote.
func (t *Table) typeChange(c *catalog.Catalog, written string, access Access) (Change, string) {
	name, level, hasLevel := strings.Cut(strings.TrimSpace(written), "@")
	ch := Change{Address: written, Kind: KindResource, Access: access}
	if rest, ok := strings.CutPrefix(name, "data."); ok {
		name, ch.Kind, ch.Access = rest, KindDataSource, AccessRead
	}
	ch.Type = name
	e, ok := t.lookupChange(ch)
	if !ok {
		return ch, t.unknownType(written, ch)
	}
	switch {
	case len(e.Groups) == 0:
		return ch, noGroupFor(written, noCandidate(e, access, ""))
	case hasLevel && e.APIScope != APIScopeAccountOrZone:
		return ch, fmt.Sprintf("%s works at %s level only: write it without @%s.", name, scopeWord(e.APIScope), level)
	case hasLevel && level == APIScopeZone:
		ch.SetsZoneID = true
	case hasLevel && level == APIScopeAccount:
		ch.SetsAccountID = true
	case hasLevel:
		return ch, fmt.Sprintf("%q is not a level: write %s@account or %s@zone.", level, name, name)
	case e.APIScope == APIScopeAccountOrZone:
		return ch, t.levelAdvice(c, e, name, access)
	}
	return ch, ""
}

// levelAdvice asks for the level of a type that works at both, offering
// only the levels a group can be named at: advice to write a level that
// then fails is no advice.
func (t *Table) levelAdvice(c *catalog.Catalog, e Entry, name string, access Access) string {
	var levels []string
	for _, level := range []string{APIScopeAccount, APIScopeZone} {
		if t.Pick(c, e, access, level).Group.ID != "" {
			levels = append(levels, name+"@"+level)
		}
	}
	switch len(levels) {
	case 2:
		return fmt.Sprintf("%s works at account and at zone level: write %s or %s for the level your configuration uses.", name, levels[0], levels[1])
	case 1:
		return fmt.Sprintf("%s works at account and at zone level, and a group can be named only for %s: write that, or grant the other level's groups yourself.", name, levels[0])
	}
	return noGroupFor(name, "it works at account and at zone level, and the groups the Cloudflare provider lists for it name one at neither")
}

// unknownType words a type the table lacks, with the nearest it has.
func (t *Table) unknownType(written string, ch Change) string {
	what := "resource type"
	if ch.Kind == KindDataSource {
		what = "data source"
	}
	msg := fmt.Sprintf("%q is not a %s of the Cloudflare provider %s", written, what, t.ProviderVersion())
	if !strings.HasPrefix(ch.Type, "cloudflare_") {
		return msg + "; write " + TypeFormHelp + "."
	}
	if near := t.nearestType(ch); near != "" {
		if ch.Kind == KindDataSource {
			near = "data." + near
		}
		// A statement last: Terraform ends a function's error with a full
		// stop of its own, and "?." reads as a slip.
		return msg + fmt.Sprintf(". Did you mean %q? It is the nearest type the table has.", near)
	}
	return msg + "."
}

// nearestType is the type of the same kind a typo or two away, if one is.
func (t *Table) nearestType(ch Change) string {
	best, bestDistance := "", 4
	for _, k := range t.order {
		if k.kind != ch.Kind && (ch.Kind != KindDataSource || k.kind != KindListDataSource) {
			continue
		}
		if d := levenshtein.ComputeDistance(ch.Type, k.typ); d < bestDistance {
			best, bestDistance = k.typ, d
		}
	}
	return best
}

// ProblemLines words the problems of a types list, one line each, the
// list's own cap applied.
func ProblemLines(problems []TypeProblem) string {
	shown := problems[:min(len(problems), catalog.MaxListDiagnostics)]
	lines := make([]string, 0, len(shown)+1)
	for _, p := range shown {
		sep := ": "
		if p.Message == nullType {
			sep = " "
		}
		lines = append(lines, fmt.Sprintf("types[%d]%s%s", p.Index, sep, p.Message))
	}
	if len(problems) > len(shown) {
		lines = append(lines, catalog.MoreInList{List: "types", Total: len(problems)}.Line())
	}
	return strings.Join(lines, "\n")
}

// nullType is the problem of a null element.
const nullType = "is null: write " + TypeFormHelp + "."

// ParseAccess reads required_permissions' access argument: "" is write.
func ParseAccess(s string) (Access, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", string(AccessWrite):
		return AccessWrite, true
	case string(AccessRead):
		return AccessRead, true
	}
	return "", false
}

// AccessProblem words an access argument that is neither.
func AccessProblem(s string) string {
	return fmt.Sprintf("access %q is neither \"write\" (what applying needs: resources written, data sources read) nor \"read\" (what terraform plan needs: everything read).", s)
}

// noGroupFor says a written type has no group, why, and what to do.
func noGroupFor(written, why string) string {
	return fmt.Sprintf("no permission group can be named for %s: %s. Grant its groups yourself and leave it out of this list.", written, why)
}
