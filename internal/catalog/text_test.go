package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeServerText(t *testing.T) {
	t.Parallel()
	const token = "tok-3f9a8b7c6d5e"
	tests := []struct {
		name, in, want string
	}{
		{name: "plain text", in: "Invalid access token", want: "Invalid access token"},
		{name: "title escape", in: "a\x1b]0;pwned\x07b", want: "a]0;pwnedb"},
		{name: "clear screen", in: "\x1b[2J\x1b[HError: forged", want: "[2J[HError: forged"},
		{name: "forged line", in: "ok\nError: forged\r\n", want: "ok Error: forged  "},
		{name: "bidi override", in: "abc\u202Edef\u2066x\u2069", want: "abcdefx"},
		{name: "C1 control", in: "a\u009bb", want: "ab"},
		{name: "invalid UTF-8", in: "a\xffb", want: "ab"},
		{name: "line separator", in: "a\u2028b", want: "a b"},
		{name: "echoed token", in: "bad token " + token + " given", want: "bad token " + Redacted + " given"},
		{name: "token split by controls", in: "tok-3f9a\x1b8b7c6d5e", want: Redacted},
		{name: "non-ASCII kept", in: "Zugriff verweigert – ü", want: "Zugriff verweigert – ü"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := SanitizeServerText(tt.in, token)
			if got != tt.want {
				t.Fatalf("SanitizeServerText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.Contains(got, token) {
				t.Fatal("the token survived")
			}
		})
	}
}

// The generator and live mode refuse names, scope keys and categories that
// could not be shown safely or read back, naming the group.
func TestSnapshotValidateRefusesUnfitText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*Group)
		want   string
	}{
		{name: "escape in name", mutate: func(g *Group) { g.Name = "DNS\x1b[2J Write" }, want: "control or format character U+001B"},
		{name: "bidi in name", mutate: func(g *Group) { g.Name = "DNS \u202EWrite" }, want: "U+202E"},
		{name: "invalid UTF-8 name", mutate: func(g *Group) { g.Name = "DNS \xff Write" }, want: "not valid UTF-8"},
		{name: "overlong name", mutate: func(g *Group) { g.Name = strings.Repeat("A", 70000) }, want: "70000 bytes long, over the limit"},
		{name: "escape in scope", mutate: func(g *Group) { g.ScopeKeys = []string{"com.cloudflare\x1b]0;x\x07"} }, want: "scope"},
		{name: "overlong scope", mutate: func(g *Group) { g.ScopeKeys = []string{strings.Repeat("s", MaxScopeKeyLength+1)} }, want: "over the limit"},
		{name: "escape in category", mutate: func(g *Group) { g.Category = "dns\x1b[2J" }, want: "category"},
		{name: "tab and newline in category", mutate: func(g *Group) { g.Category = "dns\t\n0123456789abcdef0123456789abcdef\tcom.cloudflare.api.account" }, want: "control or format character"},
		{name: "template in category", mutate: func(g *Group) { g.Category = `{{ file "/etc/passwd" }}` }, want: "a category is a key"},
		{name: "bidi in category", mutate: func(g *Group) { g.Category = "dns\u202E" }, want: "U+202E"},
		{name: "overlong category", mutate: func(g *Group) { g.Category = strings.Repeat("a", MaxCategoryLength+1) }, want: "over the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := testSnapshot()
			tt.mutate(&s.Groups[1])
			err := s.Validate()
			if err == nil {
				t.Fatal("Validate accepted it")
			}
			msg := err.Error()
			if !strings.Contains(msg, s.Groups[1].ID) || !strings.Contains(msg, tt.want) {
				t.Fatalf("the error %q should name group %s and say %q", msg, s.Groups[1].ID, tt.want)
			}
			if len(msg) > 300 || strings.ContainsAny(msg, "\x1b\u202E") {
				t.Fatalf("the error is unfit to show: %q", msg)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 9980: "9,980", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// The summary of a capped list reads right in both severities.
func TestMoreInList(t *testing.T) {
	t.Parallel()
	errs := MoreInList{List: "names", Total: 10_000}
	if errs.Summary() != "And 9,980 more errors in names" ||
		errs.Detail() != "10,000 elements of names have errors. The first 20 are shown; the other 9,980 are left out to keep the output readable. Fix the ones shown and run again to see the rest." {
		t.Fatalf("%q: %q", errs.Summary(), errs.Detail())
	}
	if !strings.HasPrefix(errs.Line(), "…and 9,980 more elements of names with errors") {
		t.Fatalf("line %q", errs.Line())
	}
	warns := MoreInList{List: "names", Total: 21, Warnings: true}
	if warns.Summary() != "And 1 more warning in names" || strings.Contains(warns.Detail(), "Fix") ||
		!strings.Contains(warns.Detail(), "21 elements of names have warnings. The first 20 are shown; the other one is left out") {
		t.Fatalf("%q: %q", warns.Summary(), warns.Detail())
	}
}

// TestQuoteShortCutsAtARune: a long value is cut to at most 60 bytes, at a
// rune's start, so the message stays valid UTF-8 and short.
func TestQuoteShortCutsAtARune(t *testing.T) {
	t.Parallel()
	for _, s := range []string{strings.Repeat("é", 40), "x" + strings.Repeat("é", 40), strings.Repeat("a", 100)} {
		got := quoteShort(s)
		inner := strings.TrimSuffix(strings.TrimPrefix(got, `"`), `"…`)
		if !utf8.ValidString(got) || !strings.HasSuffix(got, `"…`) || len(inner) > 60 || len(inner) < 58 || !strings.HasPrefix(s, inner) {
			t.Errorf("quoteShort(%d bytes) = %q", len(s), got)
		}
	}
}
