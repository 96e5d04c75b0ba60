package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// This file checks the policies of token resources as people already write
// them: cloudflare_api_token and cloudflare_account_token, with hard-coded
// permission group ids. Both shapes of the Cloudflare provider are read:
// v5 `policies` ([{effect, permission_groups = [{id}], resources}], with
// resources a map before 5.13 and a JSON string from 5.13) and v4 `policy`
// blocks (permission_groups a list of ids, resources a map). The value comes
// generic, as encoding/json decodes it (maps, slices, strings), with Unknown
// where a value is known only after apply, so the provider function and the
// plan checker read it the same way.

// SeveritySkipped marks a part of a token that was not checked because its
// value is known only after apply: reported, never guessed.
const SeveritySkipped Severity = "skipped"

// Codes of the findings only token checks make, beside CheckPolicy's.
const (
	FindingInvalidPolicy FindingCode = "invalid_policy" // a value of the wrong shape
	FindingNameNotID     FindingCode = "name_not_id"    // a group name where a token takes ids
	FindingUnknownValue  FindingCode = "unknown_value"  // known only after apply: skipped
	FindingNoPolicies    FindingCode = "no_policies"    // a token without any policy
)

// Unknown stands, in a decoded value, for a value known only after apply.
type Unknown struct{}

// TokenFinding is one finding about a token's policies, in the shape the
// check_token_policies function returns and cfperms-check prints.
type TokenFinding struct {
	// Policy is the index of the policy in the token's list, or -1 for a
	// finding about the whole list.
	Policy int `json:"policy"`
	// Subject is the permission group id (as written) or the resource key
	// the finding is about, or "".
	Subject string `json:"subject"`
	// Name is the permission group's name, when the catalog knows its id.
	Name     string      `json:"name"`
	Severity Severity    `json:"severity"`
	Code     FindingCode `json:"code"`
	Message  string      `json:"message"`
}

// Summary is a short title for the finding, for annotations and diagnostics.
func (f TokenFinding) Summary() string {
	switch f.Code {
	case FindingInvalidPolicy:
		return "Invalid token policy"
	case FindingNameNotID:
		return "Permission group name instead of an id"
	case FindingUnknownValue:
		return "Not checked: known only after apply"
	case FindingNoPolicies:
		return "Token without policies"
	}
	return Finding{Code: f.Code}.Summary()
}

// TokenKindProblem is the sentence for a token kind other than user or
// account, or "" for a good one.
func TokenKindProblem(kind string) string {
	if kind == TokenKindUser || kind == TokenKindAccount {
		return ""
	}
	if lower := strings.ToLower(strings.TrimSpace(kind)); lower == TokenKindUser || lower == TokenKindAccount {
		return fmt.Sprintf("token_kind is %q; write %q, in lower case.", kind, lower)
	}
	return fmt.Sprintf("token_kind is %q; use %q for a user-owned token (cloudflare_api_token) or %q for an account-owned token (cloudflare_account_token).",
		kind, TokenKindUser, TokenKindAccount)
}

// CheckTokenPolicies checks every policy of a token, given the value of its
// `policies` (v5) or `policy` (v4) attribute. kind is TokenKindUser or
// TokenKindAccount. Each policy goes through CheckPolicy, so every finding
// reads as it does everywhere else in the provider.
func (c *Catalog) CheckTokenPolicies(policies any, kind string) []TokenFinding {
	switch list := policies.(type) {
	case Unknown:
		return []TokenFinding{skipped(-1, "", "the policies are known only after apply, so none of them was checked.")}
	case nil:
		return []TokenFinding{noPolicies()}
	case []any:
		if len(list) == 0 {
			return []TokenFinding{noPolicies()}
		}
		var out []TokenFinding
		for i, p := range list {
			out = append(out, c.checkTokenPolicy(i, p, kind)...)
		}
		return out
	}
	return []TokenFinding{invalid(-1, "", "the policies must be a list of policies, not %s.", describeValue(policies))}
}

func noPolicies() TokenFinding {
	return TokenFinding{Policy: -1, Severity: SeverityWarning, Code: FindingNoPolicies,
		Message: "the token has no policies, so it can do nothing."}
}

func skipped(policy int, subject, format string, args ...any) TokenFinding {
	return TokenFinding{Policy: policy, Subject: subject, Severity: SeveritySkipped, Code: FindingUnknownValue, Message: fmt.Sprintf(format, args...)}
}

func invalid(policy int, subject, format string, args ...any) TokenFinding {
	return TokenFinding{Policy: policy, Subject: subject, Severity: SeverityError, Code: FindingInvalidPolicy, Message: fmt.Sprintf(format, args...)}
}

// checkTokenPolicy reads one policy and checks it; CheckPolicy leaves out
// the checks that need a part marked unknown.
func (c *Catalog) checkTokenPolicy(i int, v any, kind string) []TokenFinding {
	m, ok := v.(map[string]any)
	switch {
	case v == (Unknown{}):
		return []TokenFinding{skipped(i, "", "this policy is known only after apply, so it was not checked.")}
	case !ok:
		return []TokenFinding{invalid(i, "", "a policy must be an object with effect, permission_groups and resources, not %s.", describeValue(v))}
	}
	d := policyDraft{index: i, policy: Policy{TokenKind: kind}}
	d.readEffect(m["effect"])
	d.readPermissions(m["permission_groups"])
	d.readResources(m["resources"])
	res := c.CheckPolicy(d.policy)
	out := d.notes
	names := c.namesNotIDs(d, res)
	for _, f := range res.Findings {
		if f.Code == FindingNotAPIName {
			continue // a token takes ids: the name is namesNotIDs's one finding
		}
		for f.Permission >= 0 && len(names) > 0 && names[0].index < f.Permission {
			out, names = append(out, names[0].finding), names[1:]
		}
		out = append(out, c.tokenFinding(i, f, d.policy.Permissions, res))
	}
	for _, n := range names {
		out = append(out, n.finding)
	}
	return out
}

// elementFinding is a finding about one element of permission_groups,
// merged into CheckPolicy's findings at its element's place, so a policy's
// findings follow its elements whichever check found them.
type elementFinding struct {
	index   int
	finding TokenFinding
}

// tokenListText names the element as a token holds it: CheckPolicy's
// sentences call the list "permissions", as the data source's argument is
// called; a token's list is permission_groups.
func tokenListText(msg string) string {
	return strings.ReplaceAll(msg, "permissions[", "permission_groups[")
}

// policyDraft is a policy being read from a generic value: what CheckPolicy
// gets, with what could not be read marked unknown so that no check guesses
// about it, and the findings of the reading.
type policyDraft struct {
	index  int
	policy Policy
	notes  []TokenFinding
}

// skip reports a part known only after apply.
func (d *policyDraft) skip(subject, part string) {
	d.notes = append(d.notes, skipped(d.index, subject, "%s is known only after apply, so it was not checked, nor was anything that depends on it.", part))
}

func (d *policyDraft) invalid(format string, args ...any) {
	d.notes = append(d.notes, invalid(d.index, "", format, args...))
}

// readEffect takes the effect as written; a missing one is "allow", the v4
// provider's default (v5 requires it, so it is never missing there).
func (d *policyDraft) readEffect(v any) {
	switch e := v.(type) {
	case nil:
	case string:
		d.policy.Effect = e
	case Unknown:
		d.policy.Unknown.Effect = true
		d.skip("", "effect")
	default:
		d.policy.Unknown.Effect = true
		d.invalid("effect must be %q or %q, not %s.", EffectAllow, EffectDeny, describeValue(v))
	}
}

// readPermissions takes permission_groups: v4's list of ids or v5's list of
// {id} objects.
func (d *policyDraft) readPermissions(v any) {
	switch list := v.(type) {
	case nil: // CheckPolicy reports the policy without permissions
	case Unknown:
		d.policy.Unknown.Permissions = true
		d.skip("", "permission_groups")
	case []any:
		d.policy.Permissions = make([]string, len(list))
		for j, e := range list {
			d.readPermission(j, e)
		}
	default:
		d.policy.Unknown.Permissions = true
		d.invalid("permission_groups must be a list of permission group ids, or of objects with an id, not %s.", describeValue(v))
	}
}

// readPermission takes one element; one that cannot be read is marked
// unknown, so every other keeps its index and its findings.
func (d *policyDraft) readPermission(j int, e any) {
	part := fmt.Sprintf("permission_groups[%d]", j)
	if m, ok := e.(map[string]any); ok {
		e, part = m["id"], part+".id"
	}
	switch id := e.(type) {
	case string:
		d.policy.Permissions[j] = id
		return
	case Unknown:
		d.skip("", part)
	case nil:
		d.invalid("%s is missing: every permission group needs its id.", part)
	default:
		d.invalid("%s must be a permission group id, not %s.", part, describeValue(e))
	}
	d.policy.Unknown.Elements = append(d.policy.Unknown.Elements, j)
}

// readResources takes resources as ParseResources reads them: a map (v4,
// v5 before 5.13) or the JSON string of one (v5 from 5.13).
func (d *policyDraft) readResources(v any) {
	switch {
	case v == nil: // CheckPolicy reports the policy without resources
	case hasUnknown(v):
		d.policy.Unknown.Resources = true
		key, path := unknownResource(v)
		d.skip(key, "resources"+path)
	default:
		resources, err := ParseResources(v)
		if err != nil {
			d.policy.Unknown.Resources = true
			d.invalid("%s", err.Error())
			return
		}
		d.policy.Resources = resources
	}
}

// unknownResource names the first top-level key of a resources map whose
// value is unknown, and the path to the unknown part, or "" and "" when the
// whole value is unknown.
func unknownResource(v any) (key, path string) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if hasUnknown(m[k]) {
			_, rest := unknownResource(m[k])
			return k, fmt.Sprintf("[%q]", k) + rest
		}
	}
	return "", ""
}

// hasUnknown reports whether a decoded value holds an Unknown.
func hasUnknown(v any) bool {
	switch v := v.(type) {
	case Unknown:
		return true
	case []any:
		return slices.ContainsFunc(v, hasUnknown)
	case map[string]any:
		for _, e := range v {
			if hasUnknown(e) {
				return true
			}
		}
	}
	return false
}

// HasUnknown reports whether a decoded value holds a value known only after
// apply anywhere.
func HasUnknown(v any) bool { return hasUnknown(v) }

// tokenFinding gives a CheckPolicy finding its subject and group name.
func (c *Catalog) tokenFinding(policy int, f Finding, permissions []string, res PolicyResult) TokenFinding {
	tf := TokenFinding{Policy: policy, Subject: f.Resource, Severity: f.Severity, Code: f.Code, Message: tokenListText(f.Message)}
	if f.Permission >= 0 && f.Permission < len(permissions) {
		tf.Subject = permissions[f.Permission]
		tf.Name = groupAt(res, f.Permission).Name
		if g, ok := c.ByID(tf.Subject); ok && tf.Name == "" {
			tf.Name = g.Name
		}
	}
	return tf
}

// groupAt is the group CheckPolicy resolved permission j to, if any.
func groupAt(res PolicyResult, j int) Group {
	for _, g := range res.Groups {
		if g.Index == j && g.Known {
			return g.Group
		}
	}
	return Group{}
}

// namesNotIDs reports permissions CheckPolicy accepted by name: a token
// takes only ids, and Cloudflare refuses a name at apply.
func (c *Catalog) namesNotIDs(d policyDraft, res PolicyResult) []elementFinding {
	var out []elementFinding
	for _, g := range res.Groups {
		written := d.policy.Permissions[g.Index]
		if !g.Known || IsID(written) {
			continue
		}
		e := &Error{Kind: ErrMalformedID, Input: written, FixedID: g.ID, AsOf: c.asOf,
			Suggestions: []Candidate{c.candidate(c.byID[g.ID], g.Group.ScopeKey())}}
		out = append(out, elementFinding{g.Index, TokenFinding{Policy: d.index, Subject: written, Name: g.Group.Name, Severity: SeverityError, Code: FindingNameNotID,
			Message: fmt.Sprintf("permission_groups[%d]: %s", g.Index, e.Error())}})
	}
	return out
}

// AllowedGroupIDs reads a token's policies as CheckTokenPolicies does and
// returns the permission group ids its allow policies grant; complete is
// false when any part that could grant or deny a group is unknown or
// unreadable, so a comparison knows its answer is partial.
func AllowedGroupIDs(policies any) (ids []string, complete bool) {
	list, ok := policies.([]any)
	if !ok {
		return nil, policies == nil
	}
	complete = true
	for i, v := range list {
		m, isMap := v.(map[string]any)
		if !isMap {
			complete = false
			continue
		}
		d := policyDraft{index: i}
		d.readEffect(m["effect"])
		d.readPermissions(m["permission_groups"])
		p := d.policy
		if p.Unknown.Effect || p.Unknown.Permissions || len(p.Unknown.Elements) > 0 {
			complete = false
		}
		if p.Unknown.Effect || p.EffectiveEffect() != EffectAllow {
			continue
		}
		for _, id := range p.Permissions {
			if id != "" {
				ids = append(ids, id)
			}
		}
	}
	return ids, complete
}
