package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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
	CodeInvalidPolicy = "invalid_policy" // a value of the wrong shape
	CodeNameNotID     = "name_not_id"    // a group name where a token takes ids
	CodeUnknownValue  = "unknown_value"  // known only after apply: skipped
	CodeNoPolicies    = "no_policies"    // a token without any policy
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
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
}

// Summary is a short title for the finding, for annotations and diagnostics.
func (f TokenFinding) Summary() string {
	switch f.Code {
	case CodeInvalidPolicy:
		return "Invalid token policy"
	case CodeNameNotID:
		return "Permission group name instead of an id"
	case CodeUnknownValue:
		return "Not checked: known only after apply"
	case CodeNoPolicies:
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
	return TokenFinding{Policy: -1, Severity: SeverityWarning, Code: CodeNoPolicies,
		Message: "the token has no policies, so it can do nothing."}
}

func skipped(policy int, subject, format string, args ...any) TokenFinding {
	return TokenFinding{Policy: policy, Subject: subject, Severity: SeveritySkipped, Code: CodeUnknownValue, Message: fmt.Sprintf(format, args...)}
}

func invalid(policy int, subject, format string, args ...any) TokenFinding {
	return TokenFinding{Policy: policy, Subject: subject, Severity: SeverityError, Code: CodeInvalidPolicy, Message: fmt.Sprintf(format, args...)}
}

// skippedPart is the sentence for one part of a policy known only after apply.
func skippedPart(policy int, subject, part string) TokenFinding {
	return skipped(policy, subject, "%s is known only after apply, so it was not checked, nor was anything that depends on it.", part)
}

// describeValue names the kind of a decoded value, for shape errors.
func describeValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %q", v)
	case bool:
		return "a bool"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "a number"
}

// checkTokenPolicy reads one policy and checks what of it is known.
func (c *Catalog) checkTokenPolicy(i int, v any, kind string) []TokenFinding {
	d := policyDraft{index: i, policy: Policy{TokenKind: kind}, placeholders: map[int]bool{}}
	switch m := v.(type) {
	case Unknown:
		return []TokenFinding{skipped(i, "", "this policy is known only after apply, so it was not checked.")}
	case map[string]any:
		d.readEffect(m["effect"])
		d.readPermissions(m["permission_groups"])
		d.readResources(m["resources"])
	default:
		return []TokenFinding{invalid(i, "", "a policy must be an object with effect, permission_groups and resources, not %s.", describeValue(v))}
	}
	res := c.CheckPolicy(d.policy)
	out := d.notes
	for _, f := range res.Findings {
		if d.keeps(f) {
			out = append(out, c.tokenFinding(i, f, d.policy.Permissions, res))
		}
	}
	return append(out, c.namesNotIDs(d, res)...)
}

// policyDraft is a policy being read from a generic value: what CheckPolicy
// gets, and what it must not be trusted on.
type policyDraft struct {
	index  int
	policy Policy
	// placeholders are permissions left blank for CheckPolicy (unknown or
	// unreadable), so that every other one keeps its index and every
	// message names the right permission_groups element.
	placeholders map[int]bool
	// partialPermissions and partialResources are set when part of a list
	// could not be read: findings about what the whole list lacks would then
	// be guesses.
	partialPermissions, partialResources bool
	notes                                []TokenFinding
}

func (d *policyDraft) skip(subject, part string) {
	d.notes = append(d.notes, skippedPart(d.index, subject, part))
}

func (d *policyDraft) invalid(subject, format string, args ...any) {
	d.notes = append(d.notes, invalid(d.index, subject, format, args...))
}

// readEffect takes the effect as written; a missing one is "allow", the v4
// provider's default (v5 requires it, so it is never missing there).
func (d *policyDraft) readEffect(v any) {
	switch e := v.(type) {
	case nil:
		d.policy.Effect = "allow"
	case string:
		d.policy.Effect = e
	case Unknown:
		d.policy.Effect = "allow" // only the effect finding depends on it
		d.skip("", "effect")
	default:
		d.policy.Effect = "allow"
		d.invalid("", "effect must be \"allow\" or \"deny\", not %s.", describeValue(v))
	}
}

// readPermissions takes permission_groups: v4's list of ids or v5's list of
// {id} objects.
func (d *policyDraft) readPermissions(v any) {
	switch list := v.(type) {
	case nil: // CheckPolicy reports the empty policy
	case Unknown:
		d.partialPermissions = true
		d.skip("", "permission_groups")
	case []any:
		d.policy.Permissions = make([]string, len(list))
		for j, e := range list {
			d.readPermission(j, e)
		}
	default:
		d.partialPermissions = true
		d.invalid("", "permission_groups must be a list of permission group ids, or of objects with an id, not %s.", describeValue(v))
	}
}

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
		d.invalid("", "%s is missing: every permission group needs its id.", part)
	default:
		d.invalid("", "%s must be a permission group id, not %s.", part, describeValue(e))
	}
	d.placeholders[j] = true
	d.partialPermissions = true
}

// readResources takes resources as a map (v4, v5 before 5.13) or as the
// JSON string of one (v5 from 5.13).
func (d *policyDraft) readResources(v any) {
	switch r := v.(type) {
	case nil: // CheckPolicy reports the policy without resources
	case Unknown:
		d.partialResources = true
		d.skip("", "resources")
	case string:
		var decoded any
		if err := json.Unmarshal([]byte(r), &decoded); err != nil {
			d.partialResources = true
			d.invalid("", "resources is not valid JSON (%s); write it with jsonencode({ \"<resource key>\" = \"*\" }).", jsonProblem(err))
			return
		}
		d.readResources(decoded)
	case map[string]any:
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			d.readResource(k, r[k])
		}
	default:
		d.partialResources = true
		d.invalid("", "resources must be a map from resource key to \"*\", or the JSON string of one, not %s.", describeValue(v))
	}
}

// readResource takes one key: "*", the account-nested form's map of zone
// keys, or that map as a JSON string (how v5 before 5.13 could hold it).
func (d *policyDraft) readResource(key string, v any) {
	if s, ok := v.(string); ok && strings.HasPrefix(strings.TrimSpace(s), "{") {
		var nested map[string]any
		if json.Unmarshal([]byte(s), &nested) == nil {
			v = nested
		}
	}
	switch value := v.(type) {
	case string:
		d.policy.Resources = append(d.policy.Resources, Resource{Key: key, Value: value})
	case Unknown:
		d.partialResources = true
		d.skip(key, fmt.Sprintf("resources[%q]", key))
	case map[string]any:
		d.readNested(key, value)
	default:
		d.partialResources = true
		d.invalid(key, "resources[%q] must be \"*\" or a map of zone keys to \"*\", not %s.", key, describeValue(v))
	}
}

func (d *policyDraft) readNested(key string, zones map[string]any) {
	r := Resource{Key: key, Nested: make([]string, 0, len(zones))}
	for z := range zones {
		r.Nested = append(r.Nested, z)
	}
	sort.Strings(r.Nested)
	for _, z := range r.Nested {
		switch value := zones[z].(type) {
		case Unknown:
			d.partialResources = true
			d.skip(key, fmt.Sprintf("resources[%q][%q]", key, z))
			return
		case string:
			if value == "*" {
				continue
			}
		}
		d.partialResources = true
		d.invalid(key, "resources[%q][%q] must be \"*\": in the account-nested form every zone key maps to \"*\".", key, z)
		return
	}
	d.policy.Resources = append(d.policy.Resources, r)
}

// keeps drops the findings that unread parts could make wrong: a finding
// about a placeholder, and findings about what a partly read list lacks.
func (d *policyDraft) keeps(f Finding) bool {
	if f.Permission >= 0 && d.placeholders[f.Permission] {
		return false
	}
	switch f.Code {
	case "no_permissions", "unused_resource":
		return !d.partialPermissions
	case "no_resources", "scope_not_covered":
		return !d.partialResources
	}
	return true
}

// tokenFinding gives a CheckPolicy finding its subject and group name.
func (c *Catalog) tokenFinding(policy int, f Finding, permissions []string, res PolicyResult) TokenFinding {
	tf := TokenFinding{Policy: policy, Subject: f.Resource, Severity: f.Severity, Code: f.Code, Message: f.Message}
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
func (c *Catalog) namesNotIDs(d policyDraft, res PolicyResult) []TokenFinding {
	var out []TokenFinding
	for _, g := range res.Groups {
		written := d.policy.Permissions[g.Index]
		if !g.Known || IsID(written) {
			continue
		}
		e := &Error{Kind: ErrMalformedID, Input: written, FixedID: g.ID, AsOf: c.asOf,
			Suggestions: []Candidate{c.candidate(c.byID[g.ID], g.Group.ScopeKey())}}
		out = append(out, TokenFinding{Policy: d.index, Subject: written, Name: g.Group.Name, Severity: SeverityError, Code: CodeNameNotID,
			Message: fmt.Sprintf("permission_groups[%d]: %s", g.Index, e.Error())})
	}
	return out
}

// jsonProblem is a JSON syntax error with its place.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("%s, at byte %d", syntax.Error(), syntax.Offset)
	}
	return err.Error()
}
