package catalog

import (
	"errors"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"DNS Write", "Zone > DNS > Edit", "Zone:DNS:Edit", "Zone.DNS: Edit", "Analytics%20Read", "%2520",
	"Cache Purge: Purge", "  ", "", idDNSWrite, "4755A26E-EDB9", "User → API Tokens → Edit", "zone>", "zone > >",
	"%", "%zz%41", "\xff%41", "a+b", "%2525252B", "İ", "Account: SSL and Certificates Read", "r2 bucket - x - read",
	"DNS%25252520Write", "%\xff25\xff2541", deepEncoded(4096),
}

// deepEncoded is "A" URL-encoded over and over, n bytes long: decoding it
// until stable took a pass per "25", quadratic in n.
func deepEncoded(n int) string { return "%" + strings.Repeat("25", (n-3)/2) + "41" }

// maxNormalizeWork bounds the bytes normalising may read for an input of n
// bytes: a fixed number of passes, linear in n. It stands in for a time
// bound per input size, without a clock that a busy machine could break.
func maxNormalizeWork(n int) int { return 4*(maxDecodeRounds+3)*n + 64 }

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		work := 0
		once := normalizeCounted(s, maxDecodeRounds, &work)
		if work > maxNormalizeWork(len(s)) {
			t.Fatalf("normalising %d bytes read %d, over the linear bound %d: %q", len(s), work, maxNormalizeWork(len(s)), s)
		}
		if once != normalize(s) {
			t.Fatal("normalizeCounted and Normalize disagree")
		}
		if twice := normalize(once); twice != once {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}

// Deep encoding costs work linear in the input: 80 KB took 6 s a lookup.
func TestNormalizeDeepEncodingIsLinear(t *testing.T) {
	t.Parallel()
	for _, n := range []int{100, 10_000, 80_000} {
		for _, s := range []string{deepEncoded(n), strings.Repeat("%25", n/3), strings.Repeat("+%2B%252B", n/9)} {
			work := 0
			out := normalizeCounted(s, maxDecodeRounds, &work)
			if work > maxNormalizeWork(len(s)) {
				t.Errorf("%d bytes read %d, over %d", len(s), work, maxNormalizeWork(len(s)))
			}
			if normalize(out) != out {
				t.Errorf("not idempotent on %d bytes", len(s))
			}
		}
	}
	// Names encoded twice still read.
	if got := normalize("DNS%2520Write"); got != "dns write" {
		t.Fatalf("normalize(DNS%%2520Write) = %q", got)
	}
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
