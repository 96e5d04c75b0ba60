package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// FuzzNormalize fuzzes the normaliser every lookup goes through and checks
// what it promises: work linear in the input, idempotence, a form with no
// upper case, no control characters and no runs of spaces, blind to ASCII
// case and to how much white space separates words, and, for every name the
// catalog knows, the very key its index files the name under.
func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"DNS\x00Write", "DNS\x1b[2JWrite", "DNS\u0085Write", "\x7fDNS Write\u009b", "a%2\xff0%2\xff0b"} {
		f.Add(s)
	}
	c := Default()
	for spelling := range c.exact {
		f.Add(spelling)
	}
	f.Fuzz(func(t *testing.T, s string) {
		work := 0
		once := normalizeCounted(s, maxDecodeRounds, &work)
		if work > maxNormalizeWork(len(s)) {
			t.Fatalf("normalising %d bytes read %d, over the linear bound %d: %q", len(s), work, maxNormalizeWork(len(s)), s)
		}
		if once != normalize(s) {
			t.Fatal("normalizeCounted and normalize disagree")
		}
		if twice := normalize(once); twice != once {
			t.Fatalf("normalize not idempotent: %q -> %q -> %q", s, once, twice)
		}
		for _, r := range once {
			switch {
			case unicode.ToLower(r) != r:
				t.Fatalf("normalize(%q) = %q holds the upper-case %q", s, once, r)
			case unicode.IsControl(r):
				t.Fatalf("normalize(%q) = %q holds the control character %U", s, once, r)
			case r == utf8.RuneError:
				t.Fatalf("normalize(%q) = %q holds an invalid byte", s, once)
			}
		}
		if strings.Contains(once, "  ") || strings.TrimSpace(once) != once || strings.ContainsAny(once, "\t\n\r") {
			t.Fatalf("normalize(%q) = %q: white space not collapsed to single spaces between words", s, once)
		}
		if loud := asciiUpper(s); normalize(loud) != once {
			t.Fatalf("normalize(%q) = %q, but normalize(%q) = %q: case matters", s, once, loud, normalize(loud))
		}
		if wide := strings.ReplaceAll(s, " ", " \t "); normalize(wide) != once {
			t.Fatalf("normalize(%q) = %q, but normalize(%q) = %q: spacing matters", s, once, wide, normalize(wide))
		}
		// A known spelling is filed under its normal form: the index and
		// the lookup agree on what a name normalises to.
		if refs, ok := c.exact[s]; ok && !slices.ContainsFunc(c.folded[once], func(r ref) bool { return r.spelling == s }) {
			t.Fatalf("%q normalises to %q, but the index files it elsewhere (%d refs)", s, once, len(refs))
		}
	})
}

// asciiUpper upper-cases the ASCII letters of s and leaves every other byte,
// so percent escapes and invalid bytes keep their meaning.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
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

// FuzzResolve checks what Resolve promises for any input: an error is an
// *Error with text; a match is a group of the catalog, in the scope asked
// for, whose name or one of whose other names shares a product word with the
// input (or the input is its id), and whose API name resolves back to it.
// An unknown name never lands on some fixed group.
func FuzzResolve(f *testing.F) {
	c := Default()
	for _, s := range append(fuzzSeeds, "Quantum Flux Write", "Zone > Quantum Flux Write", "DNS Write", "Billing Read", "Logs Write", "Cloudflare Pages Write", "Argo Tunnel Write", "DNS: Bearbeiten", "Read Billing", "Entire Account > Developer Platform > Queues: Edit") {
		for _, scope := range []string{"", "zone", "account", "user", "r2", "zoen", " "} {
			f.Add(s, scope)
		}
	}
	for _, g := range c.Groups() {
		f.Add(g.Name, "")
		f.Add(g.Name, g.ScopeKey())
	}
	f.Fuzz(func(t *testing.T, input, scope string) {
		scopeKey, scopeErr := c.ParseScope(scope)
		m, err := c.Resolve(input, scope)
		if err != nil {
			checkResolveError(t, input, scope, err)
			return
		}
		if scopeErr != nil {
			t.Fatalf("Resolve(%q, %q) resolved with a scope ParseScope rejects: %v", input, scope, scopeErr)
		}
		if _, ok := c.ByID(m.Group.ID); !ok {
			t.Fatalf("Resolve(%q, %q) returned a group not in the catalog: %+v", input, scope, m.Group)
		}
		if !m.Group.InScope(m.ScopeKey) {
			t.Fatalf("match scope %q is not the group's", m.ScopeKey)
		}
		if scopeKey != "" && m.ScopeKey != scopeKey {
			t.Fatalf("Resolve(%q, %q) resolved in scope %s, not the one asked for (%s)", input, scope, m.ScopeKey, scopeKey)
		}
		if !namesGroup(c, input, m) {
			t.Fatalf("Resolve(%q, %q) = %q (%s), a group that shares no word with the input", input, scope, m.Group.Name, m.Group.ID)
		}
		// Resolving the canonical name within the match's scope must agree.
		again, err := c.Resolve(m.Group.Name, m.ScopeKey)
		if err != nil || again.Group.ID != m.Group.ID {
			t.Fatalf("canonical %q in %s does not resolve back: %v", m.Group.Name, m.ScopeKey, err)
		}
	})
}

// checkResolveError holds an error to its promises: an *Error with text,
// and an id offered as the fix well formed and the group named beside it.
func checkResolveError(t *testing.T, input, scope string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Resolve(%q, %q) returned a %T, not *Error", input, scope, err)
	}
	if e.Error() == "" || e.Summary() == "" {
		t.Fatal("empty error text")
	}
	if e.FixedID != "" && !IsID(e.FixedID) {
		t.Fatalf("Resolve(%q, %q) offers the malformed id %q", input, scope, e.FixedID)
	}
	if e.FixedID != "" && len(e.Suggestions) > 0 && e.Suggestions[0].Group.ID != e.FixedID {
		t.Fatalf("Resolve(%q, %q) offers id %q beside group %+v", input, scope, e.FixedID, e.Suggestions[0].Group)
	}
}

// namesGroup reports whether the input is the group's id, or shares a
// product word (not an access word) with the group's API name or one of
// its other names in the match's scope.
func namesGroup(c *Catalog, input string, m Match) bool {
	if strings.TrimSpace(input) == m.Group.ID {
		return true
	}
	in := productWords(input)
	names := []string{m.Group.Name}
	for _, a := range c.Aliases(m.Group.ID, m.ScopeKey) {
		names = append(names, a.Name)
	}
	for _, name := range names {
		for w := range productWords(name) {
			if in[w] {
				return true
			}
		}
	}
	return false
}

// productWords are the words of a normalised name, its access words left
// out: "Quantum Flux Write" and "Access: Apps Write" share only "write".
func productWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(normalize(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		switch w {
		case "read", "write", "edit", "revoke", "run":
		default:
			out[w] = true
		}
	}
	return out
}
