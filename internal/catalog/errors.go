package catalog

import (
	"errors"
	"fmt"
	"strings"
)

// ErrorKind classifies why an input did not resolve.
type ErrorKind int

const (
	ErrBlank            ErrorKind = iota + 1 // empty or white space
	ErrBlankScope                            // a scope of only white space
	ErrUnknownScope                          // not a scope word or key
	ErrUnknownName                           // no group by that name anywhere asked
	ErrWrongScope                            // the name or id exists, in another scope
	ErrAmbiguous                             // several groups fit
	ErrScopeConflict                         // "Zone > ..." with scope = account
	ErrMalformedID                           // meant as an id, but not 32 lower-case hex
	ErrUnknownID                             // a well-formed id the catalog lacks
	ErrCategoryMismatch                      // a path's heading is not the group's category
	ErrMistypedID                            // a well-formed id within two edits of a known one
	ErrSeveral                               // a list of permissions in one input
)

// Error is a resolution failure a caller can render as is (Error, Summary)
// or take apart (the fields).
type Error struct {
	Kind              ErrorKind
	Input             string
	ScopeKey          string // the scope asked for, "" for any
	QualifiedScopeKey string // the scope a qualified input named
	Suggestions       []Candidate
	OtherScopes       []Candidate
	Candidates        []Candidate
	ScopeSuggestion   string
	FixedID           string
	AsOf              string
	// Category is the category key a path's heading named.
	Category string
	// Live is set when the catalog is Cloudflare's live list.
	Live bool
	// Typo is set when the first suggestion is a plain misspelling of the
	// input; other suggestions may be near misses of a group newer than
	// the catalog, so the text says how old the catalog is.
	Typo bool
	// Home is set when the input named a product with no group of its
	// own and the suggestions are the groups that cover it.
	Home *ProductHome
	// Counterpart, for a name of another scope, is the group of the scope
	// asked for that the API names with that scope's word in front.
	Counterpart *Candidate
	// Untranslated is set when the product is named in another script
	// than the API's and nothing comes close: the name must be English.
	Untranslated bool
	// NoProduct is set when the input names an access level and nothing
	// else ("Edit"), so no name can be suggested.
	NoProduct bool
}

// DependsOnCatalog is the live-mode rule, in one place: whether a newer list
// of permission groups could make the error go away. A name or id this
// catalog lacks, or knows only in another scope or in several, may be
// settled by groups Cloudflare added since; so may a full scope key this
// catalog has never seen. Everything else (blank names, malformed and
// mistyped ids, conflicting scopes, misplaced headings) is a mistake
// whatever the list says. In live mode, validation leaves the first kind to
// the read, which checks against the live list.
func (e *Error) DependsOnCatalog() bool {
	switch e.Kind {
	case ErrUnknownName, ErrUnknownID, ErrWrongScope, ErrAmbiguous:
		return true
	case ErrUnknownScope:
		return strings.HasPrefix(strings.TrimSpace(e.Input), "com.cloudflare.")
	}
	return false
}

// Summary is a short title for a diagnostic.
func (e *Error) Summary() string {
	switch e.Kind {
	case ErrBlank:
		return "Empty permission group name"
	case ErrBlankScope:
		return "Blank scope"
	case ErrUnknownScope:
		return "Unknown scope"
	case ErrUnknownName:
		return "Unknown permission group"
	case ErrWrongScope:
		return "Permission group in another scope"
	case ErrAmbiguous:
		return "Ambiguous permission group name"
	case ErrScopeConflict:
		return "Conflicting scope"
	case ErrMalformedID:
		return "Malformed permission group id"
	case ErrUnknownID:
		return "Unknown permission group id"
	case ErrCategoryMismatch:
		return "Permission under another heading"
	case ErrMistypedID:
		return "Mistyped permission group id"
	case ErrSeveral:
		return "Several permissions in one name"
	}
	return "Invalid permission group"
}

func (e *Error) scopeWord() string { return ShortScope(e.ScopeKey) }

// scopeConflict says which group the name's own scope gives, so the user
// can keep the name and fix the scope, or pick a group of the scope asked
// for ("drop the prefix" would leave a path such as "DNS > Edit").
func (e *Error) scopeConflict() string {
	named := ShortScope(e.QualifiedScopeKey)
	if len(e.Candidates) == 1 {
		g := e.Candidates[0].Group
		return fmt.Sprintf("%q names the %s permission %q (%s), but the scope asked for is %q. Set the scope to %q or leave it out, or choose %s permission.",
			e.Input, named, g.Name, g.ID, e.scopeWord(), named, withArticle(e.scopeWord()))
	}
	return fmt.Sprintf("%q names %s permission, but the scope asked for is %q. Set the scope to %q or leave it out, or choose %s permission.",
		e.Input, withArticle(named), e.scopeWord(), named, withArticle(e.scopeWord()))
}

func (e *Error) catalogNote() string {
	return fmt.Sprintf("This catalog is a snapshot of %s; a group Cloudflare added since then is not in it.", e.AsOf)
}

// Error is the full, actionable text.
func (e *Error) Error() string {
	switch e.Kind {
	case ErrBlank:
		return `The permission name is empty. Write an API name such as "DNS Write", a dashboard name such as "Zone > DNS > Edit", or a 32-character permission group id.`
	case ErrBlankScope:
		return "The scope is blank. Leave it out to search every scope, or use one of " + scopeList() + "."
	case ErrUnknownScope:
		msg := fmt.Sprintf("%q is not a permission group scope.", e.Input)
		if e.ScopeSuggestion != "" {
			msg += fmt.Sprintf(" Did you mean %q?", e.ScopeSuggestion)
		}
		return msg + " Use one of " + scopeList() + `, or a scope key such as "` + ScopeKeyZone + `".`
	case ErrUnknownName:
		return e.unknownName()
	case ErrSeveral:
		names := make([]string, len(e.Candidates))
		for i, cd := range e.Candidates {
			names[i] = fmt.Sprintf("%q", cd.Name)
		}
		return fmt.Sprintf("%q holds %d permissions; a name is one permission. Write each on its own: %s.",
			e.Input, len(e.Candidates), listOf(names, "and"))
	case ErrWrongScope:
		return e.wrongScope()
	case ErrAmbiguous:
		return e.ambiguous()
	case ErrScopeConflict:
		return e.scopeConflict()
	case ErrMalformedID:
		msg := fmt.Sprintf("%q is not a permission group id: ids are exactly 32 lower-case hex digits with no dashes.", e.Input)
		if looksLikeID(strings.TrimSpace(e.Input)) {
			msg = fmt.Sprintf("%q looks like a permission group id, but ids are exactly 32 lower-case hex digits with no dashes.", e.Input)
		}
		if e.FixedID != "" {
			msg += fmt.Sprintf(" Write %q", e.FixedID)
			if len(e.Suggestions) > 0 {
				s := e.Suggestions[0]
				msg += fmt.Sprintf(" (the %s permission group %q)", s.Scope(), s.Group.Name)
			}
			msg += "."
		}
		return msg
	case ErrCategoryMismatch:
		g := e.Candidates[0]
		return fmt.Sprintf("%q puts %q under the heading %q, but the token page lists it under %q. Write the heading %q, or leave the heading out.",
			e.Input, g.Group.Name, CategoryLabel(e.Category), CategoryLabel(g.Group.Category), CategoryLabel(g.Group.Category))
	case ErrMistypedID:
		return fmt.Sprintf("%q is not a permission group id. %s", e.Input, e.Suggestions[0].mistypedIDHint())
	case ErrUnknownID:
		return fmt.Sprintf("%q is not a permission group id in this catalog. Check it against the List permission groups API, or use the group's name. %s", e.Input, e.catalogNote())
	}
	return fmt.Sprintf("%q is not a valid permission group.", e.Input)
}

// mistypedIDHint offers the id an unknown one was mistyped from.
func (cd Candidate) mistypedIDHint() string {
	return fmt.Sprintf("Did you mean %q (the %s permission group %q)? It is one or two characters away.", cd.Group.ID, cd.Scope(), cd.Group.Name)
}

func (e *Error) unknownName() string {
	var b strings.Builder
	if e.ScopeKey != "" {
		fmt.Fprintf(&b, "%q is not %s permission group.", e.Input, withArticle(e.scopeWord()))
	} else {
		fmt.Fprintf(&b, "%q is not a permission group in any scope.", e.Input)
	}
	if e.NoProduct {
		b.WriteString(` It names an access level and no product: write the product with it, as "DNS Edit" or "Zone > Workers Routes > Read" do.`)
		return b.String()
	}
	if len(e.Suggestions) > 0 {
		offers := make([]string, len(e.Suggestions))
		for i, s := range e.Suggestions {
			offers[i] = fmt.Sprintf("%q", s.InputFor(e.ScopeKey))
			if s.ScopeKey != e.ScopeKey {
				offers[i] += fmt.Sprintf(" (%s)", s.Scope())
			}
		}
		b.WriteString(" Did you mean " + listOf(offers, "or") + "? " + e.afterSuggestions())
		return b.String()
	}
	if e.Untranslated {
		b.WriteString(` The product is named in another language: write its name as the API does, in English ("DNS", "Workers Scripts"); the level may stay in yours ("DNS: 編集").`)
		return b.String()
	}
	b.WriteString(" " + e.nextStep())
	return b.String()
}

// afterSuggestions closes a miss with suggestions: a misspelling is said
// to be one; otherwise the input may name a group newer than the catalog,
// and the user needs to know how to use one. Either way the text ends in a
// statement, so a function error (Terraform appends a period) reads well.
func (e *Error) afterSuggestions() string {
	switch {
	case e.Home != nil:
		return e.Home.sentence()
	case e.Typo && len(e.Suggestions) == 1:
		return "It is the closest spelling in the catalog."
	case e.Typo:
		return "The first is the closest spelling in the catalog."
	case e.Live:
		return fmt.Sprintf("If none of these is it, Cloudflare's current list (fetched %s) has no such group either: check the name on the dashboard's token page.", e.AsOf)
	}
	return fmt.Sprintf("If none of these is it, the group may be newer than this catalog (a snapshot of %s): write its id, "+
		"or set live_catalog = true in the provider block.", e.AsOf)
}

// nextStep is what to do about a name no close name explains: most such
// names are groups newer than the catalog.
func (e *Error) nextStep() string {
	if e.Live {
		return fmt.Sprintf("Cloudflare's current list (fetched %s) has no such group either: check the name on the dashboard's token page, or write the group's id instead of the name.", e.AsOf)
	}
	return fmt.Sprintf("This catalog is a snapshot of %s. If Cloudflare added the group since, write its id instead of "+
		"the name (an id newer than the catalog passes, with a warning where Terraform can show one), or upgrade the provider; "+
		"data sources can also resolve against Cloudflare's current list with live_catalog = true in the provider block.", e.AsOf)
}

func (e *Error) wrongScope() string {
	if e.QualifiedScopeKey != "" {
		return e.wrongPrefix()
	}
	var where []string
	for _, o := range e.OtherScopes {
		where = append(where, fmt.Sprintf("%q in %s scope (%s)", o.Group.Name, o.Scope(), o.Group.ID))
	}
	first := e.OtherScopes[0]
	choose := fmt.Sprintf("choose %s permission", withArticle(e.scopeWord()))
	if cp := e.Counterpart; cp != nil {
		choose = fmt.Sprintf("write %q (%s), its %s counterpart", cp.Group.Name, cp.Group.ID, e.scopeWord())
	}
	if len(e.OtherScopes) == 1 {
		return fmt.Sprintf("%q is %s permission, not %s: %s. Set the scope to %q, or %s.",
			e.Input, withArticle(first.Scope()), e.scopeWord(), where[0], first.Scope(), choose)
	}
	return fmt.Sprintf("%q is not %s permission. It exists as %s. Set the scope to one of those, or choose %s permission.",
		e.Input, withArticle(e.scopeWord()), strings.Join(where, " and "), withArticle(e.scopeWord()))
}

// wrongPrefix is wrongScope for a qualified name: the scope came from the
// name's own prefix, so the fix is another prefix.
func (e *Error) wrongPrefix() string {
	var fixes []string
	for _, o := range e.OtherScopes {
		fixes = append(fixes, fmt.Sprintf("%q (%s permission, %s)", ScopeTitle(o.ScopeKey)+" > "+o.Group.Name, withArticle(o.Scope()), o.Group.ID))
	}
	msg := fmt.Sprintf("%q names the %s scope, but no %s permission has that name. Write %s instead",
		e.Input, ShortScope(e.QualifiedScopeKey), ShortScope(e.QualifiedScopeKey), strings.Join(fixes, " or "))
	var same []string
	for _, s := range e.Suggestions {
		same = append(same, fmt.Sprintf("%q", ScopeTitle(s.ScopeKey)+" > "+s.Group.Name))
	}
	if len(same) > 0 {
		msg += "; or one of the " + ShortScope(e.QualifiedScopeKey) + " scope's close names: " + strings.Join(same, ", ")
	}
	return msg + "."
}

func (e *Error) ambiguous() string {
	var b strings.Builder
	sameScope := true
	for _, c := range e.Candidates {
		if c.ScopeKey != e.Candidates[0].ScopeKey {
			sameScope = false
		}
	}
	fmt.Fprintf(&b, "%q matches %d permission groups", e.Input, len(e.Candidates))
	if sameScope {
		fmt.Fprintf(&b, " in %s scope; the name fits more than one and this provider will not guess", e.Candidates[0].Scope())
	}
	b.WriteString(". Write one of:")
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, " %q (%s, %s)", c.Name, c.Scope(), c.Group.ID)
		if !sameScope && c.Name != c.Group.Name {
			fmt.Fprintf(&b, " or %q with scope %q", c.Group.Name, c.Scope())
		}
		b.WriteString(";")
	}
	s := strings.TrimSuffix(b.String(), ";")
	return s + "."
}

// listOf joins items as a sentence does: "a", "a or b", "a, b or c".
func listOf(items []string, conjunction string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conjunction + " " + items[len(items)-1]
}

func scopeList() string {
	names := ShortScopeNames()
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(quoted, ", ")
}

// withArticle puts "a" or "an" before a scope word: "an account", "a zone".
func withArticle(word string) string {
	switch word {
	case "account", "r2":
		return "an " + word
	}
	return "a " + word
}

// AsError returns err as an *Error, wrapping anything else, so callers have
// one type to render. nil stays nil.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Input: err.Error()}
}
