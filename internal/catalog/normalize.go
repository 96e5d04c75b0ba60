package catalog

import (
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
		case unicode.IsControl(r):
			// Control characters (escape sequences, NUL, DEL) name nothing
			// and must not reach a message: dropped like invalid bytes.
			continue
		default:
			r = canonicalRune(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	out := joinArrows(b.String())
	// A dropped byte can join "%" to hex digits; decoding again keeps
	// Normalize idempotent. The rounds left carry over, so this recursion
	// is bounded too.
	count(len(out))
	if d, err := url.QueryUnescape(out); err == nil && d != out {
		return normalizeCounted(out, rounds, work)
	}
	return out
}

// separators a qualified name may use between scope, resource and access,
// after canonicalRune: every arrow and middle dot is already ">".
const separators = ">:./|-="

// canonicalRune folds the characters people paste between the parts of a
// path into one of each kind, by class rather than by sample: every dash
// and minus to "-", every arrow, angle quote and middle dot to ">",
// full-width colons, bars, slashes and equals signs to their ASCII forms, and
// typographic apostrophes to "'". No API name holds an arrow or a middle dot.
func canonicalRune(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case isDash(r):
		return '-'
	case isArrow(r) || isMiddleDot(r):
		return '>'
	}
	switch r {
	case '\u2018', '\u2019', '\u02bc', '\uff07':
		return '\''
	case '\uff1a', '\ufe55', '\ufe13':
		return ':'
	case '\uff5c', '\u00a6', '\u2223':
		return '|'
	case '\uff0f', '\u2215', '\u2044':
		return '/'
	case '\uff1d':
		return '='
	case '\uff0e':
		return '.'
	}
	return r
}

func isDash(r rune) bool {
	return (r >= '\u2010' && r <= '\u2015') || r == '\u2212' || r == '\u2043' || r == '\u2e3a' || r == '\u2e3b' ||
		r == '\ufe58' || r == '\ufe63' || r == '\uff0d' || r == '\u30fc'
}

// isArrow covers the Unicode arrow blocks, the dingbat and geometric arrows
// and triangles people use as arrows, and angle quotation marks.
func isArrow(r rune) bool {
	switch {
	case r >= '\u2190' && r <= '\u21ff', r >= '\u27f0' && r <= '\u27ff', r >= '\u2900' && r <= '\u297f',
		r >= '\u2794' && r <= '\u27bf', r >= '\u2b00' && r <= '\u2b4f', r >= '\U0001f800' && r <= '\U0001f8ff':
		return true
	}
	switch r {
	case '\u00bb', '\u203a', '\u276f', '\u2771', '\u3009', '\u300b', '\u27e9', '\uff1e', '\u25b6', '\u25ba', '\u25b8', '\u2023', '\uffeb':
		return true
	}
	return false
}

func isMiddleDot(r rune) bool {
	switch r {
	case '\u00b7', '\u2022', '\u2027', '\u2219', '\u22c5', '\u30fb', '\uff65', '\u0387', '\u2e31':
		return true
	}
	return false
}

// joinArrows reads "->", "=>", "-->" and "= >" as the one arrow they draw.
func joinArrows(s string) string {
	if !strings.Contains(s, ">") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' || c == '=' {
			j := i
			for j < len(s) && (s[j] == '-' || s[j] == '=' || s[j] == ' ') {
				j++
			}
			if j < len(s) && s[j] == '>' && j > i {
				i = j - 1 // the run is part of the arrow; ">" is written next
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isSeparator(r rune) bool { return strings.ContainsRune(separators, r) }

// scopeWords are the words that open a qualified name: each known scope's
// title and short name, normalised ("worker script"), longest first so that
// "r2 bucket" is read before "r2".
var scopeWords = func() []struct{ word, key string } {
	var out []struct{ word, key string }
	seen := map[string]bool{}
	add := func(word, key string) {
		if w := normalize(word); !seen[w] {
			seen[w] = true
			out = append(out, struct{ word, key string }{w, key})
		}
	}
	for _, s := range knownScopes {
		add(s.title, s.key)
		add(s.short, s.key)
	}
	add("r2 bucket", ScopeKeyR2)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].word) > len(out[j].word) })
	return out
}()

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
