package catalog

import (
	"fmt"
	"strings"
)

// MatchUnknownID marks a well-formed permission group id this catalog lacks,
// passed through as is.
const MatchUnknownID MatchKind = "unknown_id"

// ResolvePermission is Resolve with the one rule every data source, function
// and policy applies to ids the catalog lacks. Cloudflare adds groups after
// any snapshot, so a well-formed id it does not know passes: the match has
// only Group.ID, Kind MatchUnknownID, and a Warning that says so. An id
// within two edits of a known one is a mistyped copy of it, and stays an
// error (ErrMistypedID) that names the id meant.
func (c *Catalog) ResolvePermission(input, scope string) (Match, error) {
	m, err := c.Resolve(input, scope)
	return c.passUnknownID(m, err)
}

// ResolveID is ResolvePermission for input that must be an id, such as an
// `id` argument: a name or a malformed id is an error that offers the id
// meant, when there is one.
func (c *Catalog) ResolveID(input, scope string) (Match, error) {
	if !IsID(input) {
		_, err := c.LookupID(input)
		return Match{}, err
	}
	return c.ResolvePermission(input, scope)
}

// passUnknownID turns the error for a well-formed unknown id into a match.
func (c *Catalog) passUnknownID(m Match, err error) (Match, error) {
	e := AsError(err)
	if e == nil || e.Kind != ErrUnknownID {
		return m, err
	}
	id := strings.TrimSpace(e.Input)
	return Match{Group: Group{ID: id}, ScopeKey: e.ScopeKey, Input: e.Input, Kind: MatchUnknownID, asOf: c.asOf}, nil
}

// Known reports whether the match is a group of the catalog, rather than an
// id passed through.
func (m Match) Known() bool { return m.Kind != MatchUnknownID }

// WarningSummary titles the diagnostic that carries Warning.
func (m Match) WarningSummary() string {
	if m.Kind == MatchUnknownID {
		return "Permission group id not in the catalog"
	}
	if m.nameWarning() == "" && m.retired {
		return "Permission group not in Cloudflare's live list"
	}
	if m.nameWarning() == "" && len(m.otherReadings) > 0 {
		return fmt.Sprintf("API name that is also another scope's name: resolved to the %s group", m.Scope())
	}
	return m.nameSummary()
}

// nameSummary titles a name warning with what was wrong and the name to
// write, so that Terraform, which folds warnings of the same summary into
// "and N more similar warnings", shows each distinct mistake on its own.
func (m Match) nameSummary() string {
	switch m.Kind {
	case MatchDocsLabel:
		return fmt.Sprintf("Docs label, not the API name: write %q", m.suggested())
	case MatchRenamed:
		if m.newer {
			return fmt.Sprintf("Newer name of %q", m.Group.Name)
		}
		return fmt.Sprintf("Former name: write %q", m.suggested())
	case MatchTranslated:
		return fmt.Sprintf("%s access word: write %q", m.translated.language, m.suggested())
	}
	return fmt.Sprintf("Not the API name: write %q", m.suggested())
}

func (m Match) unknownIDWarning() string {
	return fmt.Sprintf("%q is not a permission group id in this catalog (snapshot of %s); it is passed through unchecked, "+
		"as it may be a group Cloudflare added since. If it is not, check it against Cloudflare's List permission groups API.",
		m.Group.ID, m.asOf)
}
