package catalog

import (
	"fmt"
	"regexp"
	"strings"
)

// Resource key prefixes a token policy may hold.
const (
	resourceAccount = "com.cloudflare.api.account."
	resourceZone    = "com.cloudflare.api.account.zone."
	resourceUser    = "com.cloudflare.api.user."
	resourceBucket  = "com.cloudflare.edge.r2.bucket."
)

// ResourceKey is one parsed key of a policy's resources.
type ResourceKey struct {
	Raw string
	// ScopeKey is the permission scope the key grants on: a zone key lets
	// zone permissions apply, and so on.
	ScopeKey string
	// ID is the account, zone or user id, or "*".
	ID string
	// For R2 bucket keys.
	Account, Jurisdiction, Bucket string
	// Unverified is set for a key of a scope the catalog lists but this
	// package has no key form for: it is accepted as written.
	Unverified bool
}

// Wildcard reports whether the key covers every resource of its kind.
func (k ResourceKey) Wildcard() bool { return k.ID == "*" }

var (
	hexID       = regexp.MustCompile(`^[0-9a-f]{32}$`)
	bucketParts = regexp.MustCompile(`^([0-9a-f]{32})_(default|eu|fedramp)_([a-z0-9][a-z0-9-]{1,61}[a-z0-9])$`)
)

// ResourcePatterns lists the key forms, for error messages and docs.
var ResourcePatterns = []string{
	"com.cloudflare.api.account.<account id> or com.cloudflare.api.account.*",
	"com.cloudflare.api.account.zone.<zone id> or com.cloudflare.api.account.zone.*",
	"com.cloudflare.api.user.<user id>",
	"com.cloudflare.edge.r2.bucket.<account id>_<jurisdiction>_<bucket> or com.cloudflare.edge.r2.bucket.*",
}

// ResourceKeyError explains a malformed key and, when it can, the key meant.
type ResourceKeyError struct {
	Key        string
	Problem    string
	Suggestion string
}

func (e *ResourceKeyError) Error() string {
	msg := fmt.Sprintf("%q is not a valid resource key: %s.", e.Key, e.Problem)
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" Did you mean %q?", e.Suggestion)
	}
	return msg + " Keys look like: " + strings.Join(ResourcePatterns, "; ") + "."
}

// verifiableScope reports whether this package knows the key forms of a
// scope, and so can check its keys and what they cover.
func verifiableScope(scope string) bool {
	switch scope {
	case ScopeKeyUser, ScopeKeyAccount, ScopeKeyZone, ScopeKeyR2:
		return true
	}
	return false
}

// ParseResourceKey reads one key of a token policy's resources, as the
// package function does, and also accepts keys of every other scope the
// catalog lists (Cloudflare adds scopes, such as Workers scripts), marked
// Unverified: their forms are not known here, so they pass as written.
func (c *Catalog) ParseResourceKey(key string) (ResourceKey, error) {
	best := ""
	for scope := range c.byScope {
		if !verifiableScope(scope) && len(scope) > len(best) && strings.HasPrefix(key, scope+".") && len(key) > len(scope)+1 {
			best = scope
		}
	}
	if best != "" {
		return ResourceKey{Raw: key, ScopeKey: best, ID: key[len(best)+1:], Unverified: true}, nil
	}
	return ParseResourceKey(key)
}

// ParseResourceKey reads one key of a token policy's resources in the forms
// of the user, account, zone and R2 bucket scopes.
func ParseResourceKey(key string) (ResourceKey, error) {
	k := ResourceKey{Raw: key}
	fail := func(problem, suggestion string) (ResourceKey, error) {
		return ResourceKey{}, &ResourceKeyError{Key: key, Problem: problem, Suggestion: suggestion}
	}
	idOrWildcard := func(id, what string) error {
		if id == "*" || hexID.MatchString(id) {
			return nil
		}
		lower := strings.ToLower(strings.ReplaceAll(id, "-", ""))
		if hexID.MatchString(lower) {
			return &ResourceKeyError{Key: key, Problem: what + " ids are 32 lower-case hex digits", Suggestion: strings.TrimSuffix(key, id) + lower}
		}
		return &ResourceKeyError{Key: key, Problem: fmt.Sprintf("%q is neither \"*\" nor %s id (32 lower-case hex digits)", id, withArticle(what))}
	}
	switch {
	case strings.HasPrefix(key, resourceZone):
		k.ScopeKey, k.ID = ScopeKeyZone, strings.TrimPrefix(key, resourceZone)
		return k, idOrWildcard(k.ID, "zone")
	case strings.HasPrefix(key, resourceAccount):
		k.ScopeKey, k.ID = ScopeKeyAccount, strings.TrimPrefix(key, resourceAccount)
		return k, idOrWildcard(k.ID, "account")
	case strings.HasPrefix(key, resourceUser):
		k.ScopeKey, k.ID = ScopeKeyUser, strings.TrimPrefix(key, resourceUser)
		if k.ID == "*" {
			return fail("a user key names one user; there is no wildcard", "")
		}
		return k, idOrWildcard(k.ID, "user")
	case strings.HasPrefix(key, resourceBucket):
		k.ScopeKey, k.ID = ScopeKeyR2, strings.TrimPrefix(key, resourceBucket)
		if k.ID == "*" {
			return k, nil
		}
		m := bucketParts.FindStringSubmatch(k.ID)
		if m == nil {
			return fail(`an R2 bucket is named <account id>_<jurisdiction>_<bucket>, with jurisdiction "default", "eu" or "fedramp"`, "")
		}
		k.Account, k.Jurisdiction, k.Bucket = m[1], m[2], m[3]
		return k, nil
	}
	if id := strings.ToLower(key); IsID(id) {
		// Which of the two it is, only the user knows.
		return fail(fmt.Sprintf("it is an id alone, and a key names its scope too: %q for a zone, %q for an account",
			resourceZone+id, resourceAccount+id), "")
	}
	return fail("it matches none of the resource key forms", suggestResourceKey(key))
}

// suggestResourceKey repairs the common slips: a zone key without the
// account segment, a missing "com.", a singular that should be plural...
func suggestResourceKey(key string) string {
	lower := strings.ToLower(strings.TrimSpace(key))
	if lower != key {
		if _, err := ParseResourceKey(lower); err == nil {
			return lower
		}
	}
	rest := lower
	for _, p := range []string{"com.cloudflare.api.", "cloudflare.api.", "com.cloudflare.", "cloudflare.", "api."} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			rest = r
			break
		}
	}
	var candidate string
	switch {
	case strings.HasPrefix(rest, "zone.") || strings.HasPrefix(rest, "zones."):
		candidate = resourceZone + rest[strings.IndexByte(rest, '.')+1:]
	case strings.HasPrefix(rest, "accounts."):
		candidate = resourceAccount + strings.TrimPrefix(rest, "accounts.")
	case strings.HasPrefix(rest, "account."):
		candidate = resourceAccount + strings.TrimPrefix(rest, "account.")
	case strings.HasPrefix(rest, "user."), strings.HasPrefix(rest, "users."):
		candidate = resourceUser + rest[strings.IndexByte(rest, '.')+1:]
	case strings.HasPrefix(rest, "edge.r2.bucket."), strings.HasPrefix(rest, "r2.bucket."), strings.HasPrefix(rest, "r2.buckets."):
		candidate = resourceBucket + rest[strings.LastIndexByte(rest, '.')+1:]
	}
	if candidate == "" || candidate == key {
		return ""
	}
	if _, err := ParseResourceKey(candidate); err != nil {
		return ""
	}
	return candidate
}
