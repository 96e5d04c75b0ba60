package catalog

import (
	"strings"
	"testing"
)

// TestEveryScopeWorks: every scope of the catalog, known by a short name or
// not, is parsed from its key (and short name), lists its groups, and each
// of its groups resolves by name in it and in its qualified form.
func TestEveryScopeWorks(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, key := range c.ScopeKeys() {
		for _, input := range []string{key, ShortScope(key), strings.ToUpper(ShortScope(key))} {
			if got, err := c.ParseScope(input); err != nil || got != key {
				t.Errorf("ParseScope(%q) = %q, %v; want %q", input, got, err, key)
			}
		}
		groups := c.List(Filter{ScopeKey: key})
		if len(groups) != c.Counts()[key] || len(groups) == 0 {
			t.Errorf("scope %s lists %d groups, counts %d", key, len(groups), c.Counts()[key])
		}
		for _, g := range groups {
			m, err := c.Resolve(g.Name, key)
			if err != nil || m.Group.ID != g.ID || m.ScopeKey != key {
				t.Errorf("Resolve(%q, %q) = %s, %v; want %s", g.Name, key, m.Group.ID, err, g.ID)
			}
			if ShortScope(key) == key {
				continue // no title: only the scope argument selects it
			}
			q := ScopeTitle(key) + " > " + g.Name
			if m, err := c.Resolve(q, ""); err != nil || m.Group.ID != g.ID {
				t.Errorf("Resolve(%q) = %s, %v; want %s", q, m.Group.ID, err, g.ID)
			}
		}
	}
}

// TestNewScopesHaveShortNames pins the short names the docs promise.
func TestNewScopesHaveShortNames(t *testing.T) {
	t.Parallel()
	for short, key := range map[string]string{"worker_script": ScopeKeyWorkerScript, "websearch": ScopeKeyWebsearch, "r2": ScopeKeyR2} {
		if ShortScope(key) != short || ScopeKey(short) != key {
			t.Errorf("%s: ShortScope %q, ScopeKey(%q) %q", key, ShortScope(key), short, ScopeKey(short))
		}
	}
	if got := ShortScope("com.cloudflare.api.account.flagship.app"); got != "com.cloudflare.api.account.flagship.app" {
		t.Errorf("an unknown scope key must stand for itself, got %q", got)
	}
}
