package catalog

import (
	"sort"
	"strings"
)

// Scope keys as Cloudflare spells them in permission groups and token policies.
const (
	ScopeKeyUser    = "com.cloudflare.api.user"
	ScopeKeyAccount = "com.cloudflare.api.account"
	ScopeKeyZone    = "com.cloudflare.api.account.zone"
	ScopeKeyR2      = "com.cloudflare.edge.r2.bucket"
	// ScopeKeyWorkerScript is for tokens limited to one Worker script
	// (Granular Workers Scripts Read).
	ScopeKeyWorkerScript = "com.cloudflare.edge.worker.script"
	// ScopeKeyWebsearch is for tokens that bind Workers to web search.
	ScopeKeyWebsearch = "com.cloudflare.api.account.websearch"
)

// knownScopes lists the short names people type, in the order the docs use.
// A short name is the scope key's last segment, joined with the one before
// it when the last alone says too little ("script" is "worker_script", as
// "bucket" would be "r2", which predates the rule). Scopes not listed here
// still work everywhere under their full key.
var knownScopes = []struct{ short, key, title string }{
	{"user", ScopeKeyUser, "User"},
	{"account", ScopeKeyAccount, "Account"},
	{"zone", ScopeKeyZone, "Zone"},
	{"r2", ScopeKeyR2, "R2"},
	{"worker_script", ScopeKeyWorkerScript, "Worker Script"},
	{"websearch", ScopeKeyWebsearch, "Websearch"},
}

// scopeSynonyms are other words people write for a scope.
var scopeSynonyms = map[string]string{
	"r2 bucket": ScopeKeyR2, "r2_bucket": ScopeKeyR2, "bucket": ScopeKeyR2,
	"worker script": ScopeKeyWorkerScript, "workers_script": ScopeKeyWorkerScript, "workers script": ScopeKeyWorkerScript,
}

// ShortScope turns a scope key into the short word users write. A scope key
// this package does not know (Cloudflare adds some) is its own short form, so
// nothing is lost.
func ShortScope(key string) string {
	for _, s := range knownScopes {
		if s.key == key {
			return s.short
		}
	}
	return key
}

// ScopeKey turns a short scope back into its key; unknown words pass through.
func ScopeKey(short string) string {
	for _, s := range knownScopes {
		if s.short == short {
			return s.key
		}
	}
	return short
}

// ScopeTitle is the capitalised word used in qualified names ("Zone > DNS > Edit").
func ScopeTitle(key string) string {
	for _, s := range knownScopes {
		if s.key == key {
			return s.title
		}
	}
	return key
}

// ShortScopeNames lists the short scope words, for docs and validators.
func ShortScopeNames() []string {
	out := make([]string, len(knownScopes))
	for i, s := range knownScopes {
		out[i] = s.short
	}
	return out
}

// ParseScope accepts a short scope ("zone"), a scope key
// ("com.cloudflare.api.account.zone") or any scope key present in the catalog,
// and returns the scope key. An empty string means "any scope".
func (c *Catalog) ParseScope(input string) (string, error) {
	switch input { // the common spellings, without allocating
	case "":
		return "", nil
	case "zone", ScopeKeyZone:
		return ScopeKeyZone, nil
	case "account", ScopeKeyAccount:
		return ScopeKeyAccount, nil
	}
	s := strings.ToLower(strings.TrimSpace(input))
	if s == "" {
		if input == "" {
			return "", nil
		}
		return "", &Error{Kind: ErrBlankScope, Input: input, AsOf: c.asOf}
	}
	for _, k := range knownScopes {
		if s == k.short || s == k.key {
			return k.key, nil
		}
	}
	if key, ok := scopeSynonyms[s]; ok {
		return key, nil
	}
	if _, ok := c.byScope[s]; ok {
		return s, nil
	}
	return "", &Error{Kind: ErrUnknownScope, Input: input, ScopeSuggestion: c.suggestScope(s), AsOf: c.asOf}
}

// ScopeKeys lists every scope key of the catalog, sorted.
func (c *Catalog) ScopeKeys() []string {
	keys := make([]string, 0, len(c.byScope))
	for k := range c.byScope {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *Catalog) suggestScope(s string) string {
	// "com.cloudflare.api.zone" means zone even though it is far from the key.
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		switch last := s[i+1:]; last {
		case "user", "account", "zone", "r2", "websearch":
			return last
		case "bucket":
			return "r2"
		case "script":
			return "worker_script"
		}
	}
	best, bestDist := "", max(3, len(s)/3)+1
	consider := func(word string) {
		if d := distance(s, word); d < bestDist {
			best, bestDist = word, d
		}
	}
	for _, k := range knownScopes {
		consider(k.short)
		consider(k.key)
	}
	for k := range c.byScope {
		consider(k)
	}
	if best == "" {
		return ""
	}
	// Offer the short word when the guess was a key of a known scope.
	return ShortScope(best)
}
