package catalog

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redacted stands in for the API token wherever a server echoed it.
const Redacted = "[redacted]"

// SanitizeServerText makes text a server sent fit for a terminal diagnostic:
// escape sequences could set the window title, clear the screen or forge an
// "Error:" line, and bidi controls could make the text read other than it
// is. Line breaks and tabs become spaces, other control and format
// characters (bidi controls among them) and invalid UTF-8 are dropped, and
// every occurrence of token is replaced by Redacted, also one the stripped
// characters were splitting.
func SanitizeServerText(s, token string) string {
	s = redact(s, token)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			continue
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case unsafeRune(r):
			continue
		default:
			b.WriteRune(r)
		}
	}
	return redact(b.String(), token)
}

// unsafeRune is a control or format character: C0 and C1 controls (escape
// sequences), and format characters such as the bidi overrides and isolates
// and zero-width joiners, which change how the text around them reads.
func unsafeRune(r rune) bool {
	if r < utf8.RuneSelf { // ASCII, nearly every rune checked: no table search
		return r < 0x20 || r == 0x7f
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// UnfitRune is a rune no text from outside may show as it is: a control or
// format character (unsafeRune), or a line or paragraph separator, which
// breaks a line where the reader sees none. The one rule behind textProblem,
// SanitizeServerText's drops and cfperms-check's escapes.
func UnfitRune(r rune) bool { return unsafeRune(r) || r == '\u2028' || r == '\u2029' }

// Printable escapes control and format characters and line separators
// (UnfitRune) as \uXXXX, where text from outside is shown rather than
// dropped (SanitizeServerText): an address or key read from the input must not be
// able to rewrite a terminal, reorder what it shows (U+202E) or forge an
// annotation on a line of its own (U+2028).
func Printable(s string) string {
	if strings.IndexFunc(s, UnfitRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if UnfitRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CleanError keeps the token and unfit characters out of an error's text,
// whatever a server echoed into it, as the error becomes a diagnostic;
// errors.As still reaches the error it wraps. The one wrapper the client
// and the provider use.
type CleanError struct {
	Err   error
	Token string
}

func (e *CleanError) Error() string { return SanitizeServerText(e.Err.Error(), e.Token) }
func (e *CleanError) Unwrap() error { return e.Err }

func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, Redacted)
}

// Limits on the text of one group: Cloudflare's longest name is under 80
// bytes and its longest scope key under 50, so these leave room for growth
// while keeping every catalog line far below what the TSV reader accepts.
const (
	MaxNameLength     = 256
	MaxScopeKeyLength = 256
)

// textProblem says what makes a group's name or scope key unfit for the
// catalog, or returns "": control and format characters would reach
// diagnostics, docs and the TSV file, and an overlong value cannot be read
// back.
func textProblem(s string, limit int) string {
	if len(s) > limit {
		return fmt.Sprintf("is %d bytes long, over the limit of %d", len(s), limit)
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, r := range s {
		if UnfitRune(r) {
			return fmt.Sprintf("has the control or format character %U", r)
		}
	}
	return ""
}

// MaxCategoryLength bounds a category key; Cloudflare's longest is 29 bytes.
const MaxCategoryLength = 64

// categoryProblem says what makes a category unfit for the catalog, or
// returns "". A category is a key, such as "developer_platform", or empty:
// it reaches the TSV file, diagnostics and, as a heading's key, the docs
// template, so anything but lower-case letters, digits, "_" and "-" is
// refused with the response, rather than cleaned.
func categoryProblem(category string) string {
	if p := textProblem(category, MaxCategoryLength); p != "" {
		return p
	}
	for _, r := range category {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' && r != '-' {
			return fmt.Sprintf("has %q, but a category is a key of lower-case letters, digits, \"_\" and \"-\"", r)
		}
	}
	return ""
}

// quoteShort quotes s for an error message, cut to a readable length: the
// value may be the overlong one the message is about.
func quoteShort(s string) string {
	const keep = 60
	if len(s) <= keep {
		return fmt.Sprintf("%q", s)
	}
	cut := keep
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q…", s[:cut])
}
