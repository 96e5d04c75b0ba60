package catalog

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize is the form names are compared in: URL-decoded, lower case,
// typographic dashes and spaces made plain, runs of white space collapsed.
// Normalising twice changes nothing.
func Normalize(s string) string { return normalize(s) }

// maxDecodeRounds bounds URL-decoding. "%2520" was encoded twice somewhere
// upstream, and decoding until stable reads it; but each round is a pass
// over the input, so unbounded rounds made "%252525…" quadratic (80 KB took
// 6 s a lookup). After this many rounds an input still encoded loses its
// "%" and "+" signs instead: it names no group either way, and normalising
// stays idempotent and linear in the input, about (maxDecodeRounds+2)
// passes over it at most.
const maxDecodeRounds = 4

func normalize(s string) string { return normalizeCounted(s, maxDecodeRounds, nil) }

// normalizeCounted normalises with at most rounds decoding rounds left,
// adding to *work, when work is not nil, the bytes each pass reads: the
// fuzz target checks that sum against the input's length.
func normalizeCounted(s string, rounds int, work *int) string {
	count := func(n int) {
		if work != nil {
			*work += n
		}
	}
	for strings.ContainsAny(s, "%+") {
		count(len(s))
		d, err := url.QueryUnescape(s)
		if err != nil || d == s {
			break
		}
		if rounds == 0 {
			s = strings.Map(func(r rune) rune {
				if r == '%' || r == '+' {
					return -1
				}
				return r
			}, s)
			break
		}
		rounds--
		s = d
	}
	count(len(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			// Invalid bytes are dropped rather than guessed at.
			continue
		case unicode.IsSpace(r) || r == '\u200b' || r == '_':
			space = b.Len() > 0
			continue
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2212':
			r = '-'
		case r == '\u2018' || r == '\u2019':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	out := b.String()
	// A dropped byte can join "%" to hex digits; decoding again keeps
	// Normalize idempotent. The rounds left carry over, so this recursion
	// is bounded too.
	count(len(out))
	if d, err := url.QueryUnescape(out); err == nil && d != out {
		return normalizeCounted(out, rounds, work)
	}
	return out
}

// separators a qualified name may use between scope, resource and access.
const separators = ">:./|-→"

func isSeparator(r rune) bool { return strings.ContainsRune(separators, r) }

// scopeWords are the words that open a qualified name.
var scopeWords = []struct{ word, key string }{
	{"user", ScopeKeyUser},
	{"account", ScopeKeyAccount},
	{"zone", ScopeKeyZone},
	{"r2 bucket", ScopeKeyR2},
	{"r2", ScopeKeyR2},
}

// splitQualified reads "zone > dns > edit", "zone:dns:edit", "zone.dns: edit"
// and the like from a normalised name: a scope word, a separator, the rest.
func splitQualified(n string) (scopeKey, rest string, ok bool) {
	for _, sw := range scopeWords {
		after, found := strings.CutPrefix(n, sw.word)
		if !found {
			continue
		}
		after = strings.TrimLeft(after, " ")
		r, size := utf8.DecodeRuneInString(after)
		if size == 0 || !isSeparator(r) {
			continue
		}
		rest = strings.TrimSpace(after[size:])
		if rest == "" {
			return "", "", false
		}
		return sw.key, rest, true
	}
	return "", "", false
}

// joinAccess turns "dns > edit" or "dns: edit" into "dns edit": the last
// separator before a single trailing word. "cache purge > purge" becomes
// "cache purge", as the dashboard shows Cache Purge with the access "Purge".
func joinAccess(n string) (string, bool) {
	i := strings.LastIndexFunc(n, func(r rune) bool { return r == ' ' || isSeparator(r) })
	if i <= 0 {
		return "", false
	}
	word := n[i+1:]
	if word == "" || strings.ContainsFunc(word, isSeparator) {
		return "", false
	}
	head := strings.TrimRight(n[:i+1], " ")
	r, size := utf8.DecodeLastRuneInString(head)
	if !isSeparator(r) {
		return "", false
	}
	head = strings.TrimSpace(head[:len(head)-size])
	if head == "" {
		return "", false
	}
	if strings.HasSuffix(head, " "+word) || head == word {
		return head, true
	}
	return head + " " + word, true
}

// swapEditWrite gives the other spelling of a trailing access word: the
// dashboard says "Edit" where the API says "Write", and a few API groups
// (Zaraz Edit) say "Edit" themselves.
func swapEditWrite(n string) (string, bool) {
	if head, ok := strings.CutSuffix(n, " edit"); ok {
		return head + " write", true
	}
	if head, ok := strings.CutSuffix(n, " write"); ok {
		return head + " edit", true
	}
	return "", false
}
