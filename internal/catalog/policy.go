package catalog

import (
	"slices"
	"strings"
)

// MaxPolicyGroups is the most permission groups Cloudflare accepts in one policy.
const MaxPolicyGroups = 300

// Token kinds: a user-owned token (cloudflare_api_token) or an
// account-owned one (cloudflare_account_token).
const (
	TokenKindUser    = "user"
	TokenKindAccount = "account"
)

// Policy effects. A policy that names none allows.
const (
	EffectAllow = "allow"
	EffectDeny  = "deny"
)

// Policy is one policy of an API token, as a user writes it.
type Policy struct {
	Effect      string   // EffectAllow or EffectDeny; "" is EffectAllow
	Permissions []string // names or ids
	Resources   []Resource
	TokenKind   string // TokenKindUser or TokenKindAccount; "" is TokenKindUser
	// Unknown marks the parts not known yet: a variable during terraform
	// validate, or an attribute of a resource not created yet.
	Unknown Unknowns
}

// Unknowns marks the parts of a policy that are not known yet. The checks
// that need an unknown part wait for it; every other check runs, so a
// misspelt name fails as early as it can.
type Unknowns struct {
	Effect, TokenKind, Resources bool
	// Permissions is set when the whole list is unknown.
	Permissions bool
	// Elements lists the indexes of single permissions not known yet.
	Elements []int
}

// anyUnknown reports whether anything at all is unknown.
func (u Unknowns) anyUnknown() bool {
	return u.Effect || u.TokenKind || u.Resources || u.Permissions || len(u.Elements) > 0
}

// Resource is one key of a policy's resources, with its value: "*", or, in
// the account-nested form, the keys under an account key.
type Resource struct {
	Key    string
	Value  string     // "*" unless Nested is set
	Nested []Resource // the keys under an account key; nil for a plain value
}

// EffectiveEffect is the policy's effect, with the default filled in, in
// lower case: the Cloudflare provider takes "Deny" as "deny" (its schema
// compares effects in any case), and this is the one place that says so,
// for the data source, the function and the checks of existing tokens.
func (p Policy) EffectiveEffect() string {
	if p.Effect == "" {
		return EffectAllow
	}
	return strings.ToLower(p.Effect)
}

// EffectiveTokenKind is the policy's token kind, with the default filled in.
func (p Policy) EffectiveTokenKind() string {
	if p.TokenKind == "" {
		return TokenKindUser
	}
	return p.TokenKind
}

// PolicyGroup is one permission of a checked policy.
type PolicyGroup struct {
	ID    string
	Index int   // position in Policy.Permissions
	Group Group // zero for an id the catalog does not know
	Known bool
}

// PolicyResult is what CheckPolicy found.
type PolicyResult struct {
	// Groups holds each permission group once, in the order first listed.
	// It is whole only when Complete is set.
	Groups   []PolicyGroup
	Findings []Finding
	// Complete is set when nothing was unknown, so every check ran.
	Complete bool
}

// Errors returns the findings that make the policy unusable.
func (r PolicyResult) Errors() []Finding { return r.filter(SeverityError) }

func (r PolicyResult) filter(s Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// IDs lists the groups' ids in order.
func (r PolicyResult) IDs() []string {
	ids := make([]string, len(r.Groups))
	for i, g := range r.Groups {
		ids[i] = g.ID
	}
	return ids
}

// CheckPolicy resolves a policy's permissions and checks them against its
// resources, effect and token kind: the mistakes Cloudflare reports only at
// apply, or never. It runs in phases, each reading what the earlier ones
// found; a phase that needs an unknown part of the policy is skipped.
func (c *Catalog) CheckPolicy(p Policy) PolicyResult {
	ck := &policyCheck{c: c, p: p, kind: p.EffectiveTokenKind(), covered: map[string][]coverKey{}, used: map[string]bool{}}
	ck.checkEffect()
	ck.checkResources()
	ck.checkPermissions()
	ck.checkCoverage()
	ck.checkSize()
	ck.checkUnused()
	ck.res.Findings = capFindings(ck.res.Findings)
	ck.res.Complete = !p.Unknown.anyUnknown()
	return ck.res
}

// findingGroup is the argument and severity findings are capped by.
type findingGroup struct {
	argument PolicyArgument
	severity Severity
}

// capFindings keeps the first MaxListDiagnostics findings of each argument
// and severity and sums up the rest in one finding, as list attributes do:
// a policy of 10,000 malformed resource keys costs a screenful, not 10,000
// diagnostics, wherever its findings go (data source, function, checks of
// existing tokens).
func capFindings(findings []Finding) []Finding {
	counts := map[findingGroup]int{}
	var order []findingGroup
	kept := make([]Finding, 0, len(findings))
	for _, f := range findings {
		g := findingGroup{f.Argument, f.Severity}
		if counts[g] == 0 {
			order = append(order, g)
		}
		if counts[g]++; counts[g] <= MaxListDiagnostics {
			kept = append(kept, f)
		}
	}
	for _, g := range order {
		if counts[g] > MaxListDiagnostics {
			m := MoreInList{List: string(g.argument), Total: counts[g], Warnings: g.severity == SeverityWarning}
			kept = append(kept, Finding{Severity: g.severity, Code: FindingMore, Argument: g.argument, Permission: -1, Message: m.Detail()})
		}
	}
	return kept
}

// policyCheck is the state the phases of CheckPolicy share.
type policyCheck struct {
	c    *Catalog
	p    Policy
	kind string
	res  PolicyResult
	// covered maps each scope the resources open to the keys that open it.
	covered map[string][]coverKey
	// nestedAccounts lists the account keys that hold the account-nested form.
	nestedAccounts []string
	// brokenResources is set when a resource key is malformed: what the
	// resources cover is then unknown, and checks of coverage would only
	// repeat that one mistake.
	brokenResources bool
	// resolved holds each permission that resolved, by index.
	resolved map[int]Match
	// used marks the scopes the permissions act in.
	used map[string]bool
	// unsettled is set when some permission's scope is not known: an unknown
	// element, an id passed through, or a name that did not resolve.
	unsettled bool
}

func (ck *policyCheck) add(f Finding) { ck.res.Findings = append(ck.res.Findings, f) }

func (ck *policyCheck) resourcesKnown() bool { return !ck.p.Unknown.Resources }

func (ck *policyCheck) checkEffect() {
	if ck.p.Unknown.Effect {
		return
	}
	switch ck.p.EffectiveEffect() {
	case EffectAllow, EffectDeny:
	default:
		ck.add(newFinding(FindingEffect, -1, "", effectText(ck.p.Effect)))
	}
}

// checkSize counts the distinct groups; with some elements unknown the count
// is a floor, so going over is still certain.
func (ck *policyCheck) checkSize() {
	if n := len(ck.res.Groups); n > MaxPolicyGroups {
		ck.add(newFinding(FindingTooManyGroups, -1, "", tooManyGroupsText(n)))
	}
}

// checkUnused warns about resources no permission applies to, once every
// permission's scope is known and the resources parsed.
func (ck *policyCheck) checkUnused() {
	if !ck.resourcesKnown() || ck.brokenResources || ck.unsettled || len(ck.p.Permissions) == 0 {
		return
	}
	scopes := make([]string, 0, len(ck.covered))
	for s := range ck.covered {
		scopes = append(scopes, s)
	}
	slices.Sort(scopes)
	for _, s := range scopes {
		if ck.used[s] || !verifiableScope(s) {
			continue
		}
		for _, key := range ck.covered[s] {
			ck.add(newFinding(FindingUnusedResource, -1, key.top, unusedResourceText(key.shown, s)))
		}
	}
}
