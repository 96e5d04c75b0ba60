package catalog

import (
	"errors"
	"testing"
)

var fuzzSeeds = []string{
	"DNS Write", "Zone > DNS > Edit", "Zone:DNS:Edit", "Zone.DNS: Edit", "Analytics%20Read", "%2520",
	"Cache Purge: Purge", "  ", "", idDNSWrite, "4755A26E-EDB9", "User → API Tokens → Edit", "zone>", "zone > >",
	"%", "%zz%41", "\xff%41", "a+b", "%2525252B", "İ", "Account: SSL and Certificates Read", "r2 bucket - x - read",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}

func FuzzResolve(f *testing.F) {
	c := Default()
	for _, s := range fuzzSeeds {
		f.Add(s, "")
		f.Add(s, "zone")
	}
	f.Fuzz(func(t *testing.T, input, scope string) {
		m, err := c.Resolve(input, scope)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Resolve(%q, %q) returned a %T, not *Error", input, scope, err)
			}
			if e.Error() == "" || e.Summary() == "" {
				t.Fatal("empty error text")
			}
			// An id offered as the fix is well formed, and the group named
			// beside it is the group of that id.
			if e.FixedID != "" && !IsID(e.FixedID) {
				t.Fatalf("Resolve(%q, %q) offers the malformed id %q", input, scope, e.FixedID)
			}
			if e.FixedID != "" && len(e.Suggestions) > 0 && e.Suggestions[0].Group.ID != e.FixedID {
				t.Fatalf("Resolve(%q, %q) offers id %q beside group %+v", input, scope, e.FixedID, e.Suggestions[0].Group)
			}
			return
		}
		if _, ok := c.ByID(m.Group.ID); !ok {
			t.Fatalf("Resolve(%q, %q) returned a group not in the catalog: %+v", input, scope, m.Group)
		}
		if !m.Group.InScope(m.ScopeKey) {
			t.Fatalf("match scope %q is not the group's", m.ScopeKey)
		}
		// Resolving the canonical name within the match's scope must agree.
		again, err := c.Resolve(m.Group.Name, m.ScopeKey)
		if err != nil || again.Group.ID != m.Group.ID {
			t.Fatalf("canonical %q in %s does not resolve back: %v", m.Group.Name, m.ScopeKey, err)
		}
	})
}
