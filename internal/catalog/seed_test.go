package catalog

import (
	"errors"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestSeedNames proves every name of Cloudflare's docs page, both tables,
// every scope, resolves to the right group or to the ambiguity error that
// lists exactly the fitting groups.
func TestSeedNames(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/seed-names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c := Default()
	rows := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		rows++
		fields := strings.Split(line, "\t")
		scope, table, name, want := fields[0], fields[1], fields[2], fields[3]
		t.Run(scope+"/"+table+"/"+name, func(t *testing.T) {
			t.Parallel()
			m, err := c.Resolve(name, scope)
			wantIDs := strings.Split(want, "|")
			if len(wantIDs) == 1 {
				if err != nil {
					t.Fatalf("Resolve(%q, %q): %v", name, scope, err)
				}
				if m.Group.ID != want {
					t.Fatalf("Resolve(%q, %q) = %s (%s), want %s", name, scope, m.Group.ID, m.Group.Name, want)
				}
				if m.Scope() != scope {
					t.Fatalf("resolved in scope %q, want %q", m.Scope(), scope)
				}
				// The qualified dashboard spelling must agree.
				q := ScopeTitle(ScopeKey(scope)) + " > " + name
				if mq, err := c.Resolve(q, ""); err != nil || mq.Group.ID != want {
					t.Fatalf("Resolve(%q) = %v, %v; want %s", q, mq.Group.ID, err, want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != ErrAmbiguous {
				t.Fatalf("Resolve(%q, %q) = %v, %v; want an ambiguity error", name, scope, m.Group.Name, err)
			}
			var got []string
			for _, c := range e.Candidates {
				got = append(got, c.Group.ID)
			}
			sort.Strings(got)
			sort.Strings(wantIDs)
			if strings.Join(got, "|") != strings.Join(wantIDs, "|") {
				t.Fatalf("candidates %v, want %v", got, wantIDs)
			}
			for _, cand := range e.Candidates {
				if m, err := c.Resolve(cand.Name, ""); err != nil || m.Group.ID != cand.Group.ID {
					t.Fatalf("the offered pick %q does not resolve to %s: %v", cand.Name, cand.Group.ID, err)
				}
			}
		})
	}
	if rows != 368 {
		t.Fatalf("fixture has %d names, want 368 (2 tables x (6 user + 108 account + 70 zone))", rows)
	}
}
