package cfapi

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// BaseURLError is a base_url the client refuses to send the API token to.
type BaseURLError struct {
	// URL is the address as it may be shown: without user info, control
	// characters or query.
	URL    string
	Reason string
}

func (e *BaseURLError) Error() string { return fmt.Sprintf("base_url %s %s", e.URL, e.Reason) }

// CheckBaseURL refuses an API root the bearer token must not be sent to:
// anything but https, except http to a loopback host for tests; user info,
// which would be a second credential in logs; a query or fragment, which the
// client's own query would mangle. It is the plan-time check of base_url and
// the client's own guard, so a bad root fails before any request.
func CheckBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return &BaseURLError{URL: showUnparsedURL(raw), Reason: `is not a URL. Write an address such as "` + DefaultBaseURL + `".`}
	}
	shown := showURL(u)
	switch {
	case u.User != nil:
		return &BaseURLError{URL: shown, Reason: `carries a user name or password. Remove the "…@" part: the API token is the only credential sent.`}
	case u.Scheme != "https" && u.Scheme != "http":
		return &BaseURLError{URL: shown, Reason: fmt.Sprintf(`uses the scheme %q. Use an https address such as "%s".`, u.Scheme, DefaultBaseURL)}
	case u.Host == "" || u.Hostname() == "":
		return &BaseURLError{URL: shown, Reason: fmt.Sprintf(`has no host. Write an address such as "%s".`, DefaultBaseURL)}
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return &BaseURLError{URL: shown, Reason: "uses http, which would send the API token in clear text. Use https; " +
			"plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1), for testing."}
	case u.RawQuery != "" || u.ForceQuery:
		return &BaseURLError{URL: shown, Reason: `has a query ("?…"). Remove it: the client adds its own.`}
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return &BaseURLError{URL: shown, Reason: `has a fragment ("#…"). Remove it.`}
	}
	return nil
}

// isLoopback accepts the names and addresses that never leave the machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// showURL is a parsed URL as messages may show it: scheme, host and path.
// An opaque URL ("https:user:pw@host", no "//") keeps what it has before
// its last "@" in the opaque part, which may be a password: that is cut.
func showURL(u *url.URL) string {
	opaque := u.Opaque
	if i := strings.LastIndex(opaque, "@"); i >= 0 {
		opaque = "…@" + opaque[i+1:]
	}
	shown := url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath, Opaque: opaque}
	return shortQuote(shown.String())
}

// showUnparsedURL is a string url.Parse refused, as messages may show it:
// whatever comes before the last "@" may be a password, and the rest may
// hold control characters.
func showUnparsedURL(raw string) string {
	if i := strings.LastIndex(raw, "@"); i >= 0 {
		prefix := ""
		if j := strings.Index(raw, "://"); j >= 0 && j < i {
			prefix = raw[:j+3]
		}
		raw = prefix + "…@" + raw[i+1:]
	}
	return shortQuote(catalog.SanitizeServerText(raw, ""))
}

// shortQuote quotes s, cut to a length a message can carry.
func shortQuote(s string) string { return fmt.Sprintf("%q", truncate(s, 120)) }

// truncate cuts s to at most n bytes on a character boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
