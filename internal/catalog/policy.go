package catalog

import (
	"encoding/json"
	"fmt"
	"sort"
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

// Policy is one policy of an API token, as a user writes it.
type Policy struct {
	Effect      string
	Permissions []string // names or ids
	Resources   []Resource
	TokenKind   string
}

// Resource is one key of a policy's resources: either "*" or, in the
// account-nested form, the zone keys under an account key.
type Resource struct {
	Key    string
	Value  string   // "*" unless Nested is set
	Nested []string // zone keys under an account key
}

// Severity of a policy finding.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one thing wrong, or worth a look, in a policy.
type Finding struct {
	Severity   Severity
	Code       string
	Permission int    // index into Policy.Permissions, or -1
	Resource   string // resource key, or ""
	Message    string
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
	Groups   []PolicyGroup
	Findings []Finding
}

// Errors returns the findings that make the policy unusable.
func (r PolicyResult) Errors() []Finding { return r.filter(SeverityError) }

// Warnings returns the findings worth a look.
func (r PolicyResult) Warnings() []Finding { return r.filter(SeverityWarning) }

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

// ResourcesJSON is the resources map as Cloudflare's API and the Cloudflare
// provider v5 take it, with keys sorted so the text is stable.
func ResourcesJSON(resources []Resource) string {
	m := make(map[string]any, len(resources))
	for _, r := range resources {
		if r.Nested != nil {
			inner := make(map[string]string, len(r.Nested))
			for _, k := range r.Nested {
				inner[k] = "*"
			}
			m[r.Key] = inner
			continue
		}
		m[r.Key] = r.Value
	}
	data, _ := json.Marshal(m) // maps of strings always marshal
	return string(data)
}

// CheckPolicy resolves a policy's permissions and checks them against its
// resources, effect and token kind: the mistakes Cloudflare reports only at
// apply, or never.
func (c *Catalog) CheckPolicy(p Policy) PolicyResult {
	var res PolicyResult
	add := func(s Severity, code string, perm int, resource, format string, args ...any) {
		res.Findings = append(res.Findings, Finding{Severity: s, Code: code, Permission: perm, Resource: resource, Message: fmt.Sprintf(format, args...)})
	}

	switch p.Effect {
	case "allow", "deny":
	default:
		add(SeverityError, "effect", -1, "", "effect is %q; a policy's effect is \"allow\" or \"deny\".", p.Effect)
	}
	kind := p.TokenKind
	if kind == "" {
		kind = TokenKindUser
	}

	// Which permission scopes the resources open, and which keys open each.
	covered := map[string][]string{}
	if len(p.Resources) == 0 {
		add(SeverityError, "no_resources", -1, "", "the policy has no resources, so its permissions apply to nothing. Add keys such as %q.", resourceZone+"*")
	}
	for _, r := range p.Resources {
		key, err := ParseResourceKey(r.Key)
		if err != nil {
			add(SeverityError, "malformed_resource", -1, r.Key, "%s", err.Error())
			continue
		}
		if r.Nested != nil {
			if key.ScopeKey != ScopeKeyAccount {
				add(SeverityError, "malformed_resource", -1, r.Key, "only an account key may hold a map of zone keys (the account-nested form); %q is a %s key.", r.Key, ShortScope(key.ScopeKey))
				continue
			}
			for _, z := range r.Nested {
				zk, err := ParseResourceKey(z)
				switch {
				case err != nil:
					add(SeverityError, "malformed_resource", -1, r.Key, "under %q: %s", r.Key, err.Error())
				case zk.ScopeKey != ScopeKeyZone:
					add(SeverityError, "malformed_resource", -1, r.Key, "under the account key %q only zone keys may appear, not %q.", r.Key, z)
				default:
					covered[ScopeKeyZone] = append(covered[ScopeKeyZone], r.Key)
				}
			}
			continue
		}
		if kind == TokenKindAccount {
			switch key.ScopeKey {
			case ScopeKeyUser:
				add(SeverityError, "user_in_account_token", -1, r.Key, "%q is a user resource, and an account-owned token cannot act on users.", r.Key)
				continue
			case ScopeKeyZone:
				add(SeverityWarning, "zone_outside_account", -1, r.Key, "account-owned tokens name zones under their account: {%q = {%q = \"*\"}}.", resourceAccount+"<account id>", r.Key)
			}
		}
		covered[key.ScopeKey] = append(covered[key.ScopeKey], r.Key)
	}

	// Resolve every permission, using the resources to settle names that
	// exist in several scopes.
	seen := map[string]int{}
	used := map[string]bool{}
	if len(p.Permissions) == 0 {
		add(SeverityError, "no_permissions", -1, "", "the policy lists no permission groups; Cloudflare would mint a token that can do nothing.")
	}
	for i, name := range p.Permissions {
		g, known, err := c.resolveInPolicy(name, covered)
		if err != nil {
			add(SeverityError, "unknown_permission", i, "", "permissions[%d]: %s", i, err.Error())
			continue
		}
		id := strings.TrimSpace(name)
		if known {
			id = g.ID
		} else {
			check := "Check that Cloudflare has a group with this id."
			if near := c.unknownID(id).Suggestions; len(near) > 0 {
				check = near[0].mistypedIDHint()
			}
			add(SeverityWarning, "unknown_id", i, "", "permissions[%d]: %q is not in this catalog (snapshot of %s); it is passed through as is. %s", i, name, c.asOf, check)
		}
		if first, dup := seen[id]; dup {
			add(SeverityWarning, "duplicate_permission", i, "", "permissions[%d] repeats permissions[%d] (%s); it is listed once.", i, first, describeGroup(g, id))
			continue
		}
		seen[id] = i
		res.Groups = append(res.Groups, PolicyGroup{ID: id, Index: i, Group: g, Known: known})
		if !known {
			continue
		}
		scope := g.ScopeKey()
		used[scope] = true
		if kind == TokenKindAccount && scope == ScopeKeyUser {
			add(SeverityError, "user_in_account_token", i, "", "permissions[%d]: %q is a user permission; an account-owned token cannot hold user permissions. Use a user-owned token (cloudflare_api_token) for it.", i, g.Name)
			continue
		}
		if len(p.Resources) > 0 && len(covered[scope]) == 0 {
			add(SeverityError, "scope_not_covered", i, "", "permissions[%d]: %q is %s permission, but no resource in this policy is %s. Add %s, or move it to a policy whose resources are %s.",
				i, g.Name, withArticle(g.Scope()), withArticle(ShortScope(scope)), exampleKey(scope, kind), pluralScope(scope))
		}
	}
	if n := len(res.Groups); n > MaxPolicyGroups {
		add(SeverityError, "too_many_groups", -1, "", "the policy holds %d permission groups; Cloudflare accepts at most %d in one policy. Split it into several policies.", n, MaxPolicyGroups)
	}

	scopes := make([]string, 0, len(covered))
	for s := range covered {
		scopes = append(scopes, s)
	}
	sort.Strings(scopes)
	for _, s := range scopes {
		if used[s] {
			continue
		}
		for _, key := range covered[s] {
			add(SeverityWarning, "unused_resource", -1, key, "no permission in this policy applies to %q (%s resources); it grants nothing.", key, ShortScope(s))
		}
	}
	return res
}

// resolveInPolicy resolves a permission, letting the policy's resources pick
// the scope of a name that exists in several. An id the catalog lacks is
// passed through (known = false).
func (c *Catalog) resolveInPolicy(name string, covered map[string][]string) (Group, bool, error) {
	m, err := c.Resolve(name, "")
	if err == nil {
		return m.Group, true, nil
	}
	e := AsError(err)
	switch e.Kind {
	case ErrUnknownID:
		return Group{}, false, nil
	case ErrAmbiguous:
		var found []Match
		for scope := range covered {
			if m, err := c.Resolve(name, scope); err == nil {
				found = append(found, m)
			}
		}
		if len(found) == 1 {
			return found[0].Group, true, nil
		}
	case ErrUnknownName:
		// With one scope in play, its suggestions are the useful ones.
		if len(covered) == 1 {
			for scope := range covered {
				_, err = c.Resolve(name, scope)
			}
		}
	}
	return Group{}, false, err
}

func describeGroup(g Group, id string) string {
	if g.ID == "" {
		return id
	}
	return fmt.Sprintf("%q, %s", g.Name, g.ID)
}

func exampleKey(scope, kind string) string {
	switch scope {
	case ScopeKeyZone:
		if kind == TokenKindAccount {
			return fmt.Sprintf("{%q = {%q = \"*\"}}", resourceAccount+"<account id>", resourceZone+"*")
		}
		return fmt.Sprintf("%q (or %q for every zone)", resourceZone+"<zone id>", resourceZone+"*")
	case ScopeKeyAccount:
		return fmt.Sprintf("%q", resourceAccount+"<account id>")
	case ScopeKeyUser:
		return fmt.Sprintf("%q", resourceUser+"<user id>")
	case ScopeKeyR2:
		return fmt.Sprintf("%q", resourceBucket+"<account id>_default_<bucket>")
	}
	return "a resource of scope " + scope
}

func pluralScope(scope string) string {
	switch scope {
	case ScopeKeyR2:
		return "R2 buckets"
	case ScopeKeyUser:
		return "users"
	case ScopeKeyZone:
		return "zones"
	case ScopeKeyAccount:
		return "accounts"
	}
	return scope
}

// Summary is a short title for a finding, for diagnostics.
func (f Finding) Summary() string {
	switch f.Code {
	case "effect":
		return "Invalid policy effect"
	case "no_resources":
		return "Policy without resources"
	case "no_permissions":
		return "Policy without permissions"
	case "malformed_resource":
		return "Malformed resource key"
	case "user_in_account_token":
		return "User scope in an account-owned token"
	case "zone_outside_account":
		return "Zone resource outside its account"
	case "unknown_permission":
		return "Unknown permission group"
	case "unknown_id":
		return "Permission group id not in the catalog"
	case "duplicate_permission":
		return "Duplicate permission"
	case "scope_not_covered":
		return "Permission not covered by any resource"
	case "too_many_groups":
		return "Too many permission groups"
	case "unused_resource":
		return "Resource no permission applies to"
	}
	return "Policy finding"
}
