package catalog

import (
	"slices"
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

// TestEveryAPINameResolvesToItsOwnGroup is generated from the catalog, so a
// refresh extends it by itself. Every group's exact API name resolves to
// that group's id, never another's: in each of its scopes, qualified by the
// scope's title, in lower case, and with no scope at all unless another
// group shares the name, when it is ambiguous between exactly the groups
// that share it. Its id resolves to it too.
func TestEveryAPINameResolvesToItsOwnGroup(t *testing.T) {
	t.Parallel()
	c := Default()
	byName := map[string][]string{} // API name to the ids of the groups with it
	for _, g := range c.Groups() {
		byName[g.Name] = append(byName[g.Name], g.ID)
	}
	for _, g := range c.Groups() {
		t.Run(g.ScopeKey()+"/"+g.Name, func(t *testing.T) {
			t.Parallel()
			for _, key := range g.ScopeKeys {
				expectGroup(t, c, g.Name, key, g.ID, MatchExact)
				expectGroup(t, c, g.ID, key, g.ID, MatchID)
				if lower := strings.ToLower(g.Name); lower != g.Name {
					expectGroup(t, c, lower, key, g.ID, "")
				}
				if ShortScope(key) != key { // a scope without a title has no qualified form
					expectGroup(t, c, ScopeTitle(key)+" > "+g.Name, "", g.ID, "")
				}
			}
			expectGroup(t, c, g.ID, "", g.ID, MatchID)
			sharing := byName[g.Name]
			if len(sharing) == 1 {
				expectGroup(t, c, g.Name, "", g.ID, MatchExact)
				return
			}
			_, err := c.Resolve(g.Name, "")
			e := AsError(err)
			if e == nil || e.Kind != ErrAmbiguous {
				t.Fatalf("Resolve(%q, \"\") = %v; want it ambiguous between %v, the groups that share the name", g.Name, err, sharing)
			}
			var offered []string
			for _, cd := range e.Candidates {
				offered = append(offered, cd.Group.ID)
			}
			slices.Sort(offered)
			if !slices.Equal(offered, slices.Sorted(slices.Values(sharing))) {
				t.Fatalf("Resolve(%q, \"\") offers %v; want exactly %v", g.Name, offered, sharing)
			}
		})
	}
}

// expectGroup resolves input in scope and wants the group with id, reached
// the way kind says (any way, for ""). The lower-case and qualified forms
// may reach a group through a vocabulary name that differs from the API name
// only in case ("Managed Headers Write"), so their kind is not pinned.
func expectGroup(t *testing.T, c *Catalog, input, scope, id string, kind MatchKind) {
	t.Helper()
	m, err := c.Resolve(input, scope)
	switch {
	case err != nil:
		t.Errorf("Resolve(%q, %q): %v; want %s", input, scope, err, id)
	case m.Group.ID != id:
		t.Errorf("Resolve(%q, %q) = %s (%q), another group; want %s", input, scope, m.Group.ID, m.Group.Name, id)
	case kind != "" && m.Kind != kind:
		t.Errorf("Resolve(%q, %q) matched by %s; want %s", input, scope, m.Kind, kind)
	case scope != "" && m.ScopeKey != c.mustScope(t, scope):
		t.Errorf("Resolve(%q, %q) is in scope %s; want the scope asked for", input, scope, m.ScopeKey)
	}
}

func (c *Catalog) mustScope(t *testing.T, scope string) string {
	t.Helper()
	key, err := c.ParseScope(scope)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// TestEveryAliasResolvesToItsGroup: every vocabulary name and former name
// the catalog lists for a group resolves to that group in its scope, unless
// it is ambiguous by design (then the group is among the candidates) or is
// another group's exact API name in that scope (the API name wins).
func TestEveryAliasResolvesToItsGroup(t *testing.T) {
	t.Parallel()
	c := Default()
	apiNames := map[string]bool{} // scope key + "\x00" + API name
	for _, g := range c.Groups() {
		for _, k := range g.ScopeKeys {
			apiNames[k+"\x00"+g.Name] = true
		}
	}
	checked := 0
	for _, g := range c.Groups() {
		for _, key := range g.ScopeKeys {
			for _, a := range c.Aliases(g.ID, key) {
				checked++
				m, err := c.Resolve(a.Name, key)
				switch {
				case a.Ambiguous || apiNames[key+"\x00"+a.Name]:
					if err == nil && m.Group.ID == g.ID {
						continue
					}
					if e := AsError(err); e != nil && e.Kind == ErrAmbiguous && slices.ContainsFunc(e.Candidates, func(cd Candidate) bool { return cd.Group.ID == g.ID }) {
						continue
					}
					if err == nil && apiNames[key+"\x00"+a.Name] && m.Group.Name == a.Name {
						continue
					}
					t.Errorf("%s alias %q of %q: Resolve = %s, %v", ShortScope(key), a.Name, g.Name, m.Group.ID, err)
				case err != nil || m.Group.ID != g.ID:
					t.Errorf("%s alias %q of %q (%s): Resolve = %s (%q), %v", ShortScope(key), a.Name, g.Name, g.ID, m.Group.ID, m.Group.Name, err)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("the catalog lists no aliases: this test checked nothing")
	}
}
