// Package cfapi lists Cloudflare API token permission groups. It is the one
// place that speaks to the API or reads its response shape, so the catalog
// generator and (later) live mode share it.
package cfapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// DefaultBaseURL is Cloudflare's v4 API root.
const DefaultBaseURL = "https://api.cloudflare.com/client/v4"

// PermissionGroup is one entry of the List permission groups response.
// Description is decoded but callers are free to drop it.
type PermissionGroup struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Scopes      []string `json:"scopes"`
	// Category is the newer grouping key; null and absent both decode to "".
	Category string `json:"category,omitempty"`
}

// Message is an entry of the response's errors or messages arrays.
type Message struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// ResultInfo is Cloudflare's pagination block.
type ResultInfo struct {
	Page       int `json:"page"`
	PerPage    int `json:"per_page"`
	Count      int `json:"count"`
	TotalCount int `json:"total_count"`
	TotalPages int `json:"total_pages"`
}

// Response is the envelope every Cloudflare v4 endpoint returns.
type Response struct {
	Success    bool              `json:"success"`
	Errors     []Message         `json:"errors"`
	Messages   []Message         `json:"messages"`
	Result     []PermissionGroup `json:"result"`
	ResultInfo *ResultInfo       `json:"result_info,omitempty"`
}

// DecodeResponse reads one page of a List permission groups response and
// rejects what cannot be a successful one.
func DecodeResponse(data []byte) (Response, error) {
	var r Response
	if err := json.Unmarshal(data, &r); err != nil {
		return r, fmt.Errorf("response is not a List permission groups JSON document: %w", err)
	}
	if !r.Success {
		return r, fmt.Errorf("response reports failure: %s", describe(r.Errors))
	}
	if r.Result == nil {
		return r, errors.New(`response has no "result" array`)
	}
	return r, nil
}

func describe(msgs []Message) string {
	if len(msgs) == 0 {
		return "no error message given"
	}
	parts := make([]string, len(msgs))
	for i, m := range msgs {
		parts[i] = fmt.Sprintf("%s (code %d)", m.Message, m.Code)
	}
	return strings.Join(parts, "; ")
}

// Client lists permission groups for a user token, or for an account when
// AccountID is set. Rate limits (429, honouring Retry-After up to a cap) and
// server errors are retried with backoff; Timeout bounds the whole listing.
// Redirects are never followed, so the token goes to BaseURL's host only.
type Client struct {
	BaseURL   string
	Token     string
	AccountID string
	PerPage   int
	// UserAgent names the program and its version; see UserAgent.
	UserAgent string
	// Timeout bounds the whole listing, every page and retry included.
	Timeout time.Duration
	// RetryMax is the number of retries of one request; RetryWaitMin and
	// RetryWaitMax bound the backoff between them.
	RetryMax                   int
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxBytes bounds the bodies of every response of one listing together.
	MaxBytes int64
	// Transport replaces the HTTP transport, for tests.
	Transport http.RoundTripper
}

// Defaults for a Client's zero fields.
const (
	DefaultTimeout      = 60 * time.Second
	DefaultRetryMax     = 4
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 8 * time.Second
	// DefaultMaxBytes is far above Cloudflare's real list (a few hundred
	// KiB with descriptions) and far below what hurts a Terraform run.
	DefaultMaxBytes int64 = 32 << 20
	// maxRetryAfter caps a server's Retry-After: a longer wait would only
	// run into the timeout, with nothing learned.
	maxRetryAfter = 20 * time.Second
)

// Product is the name the provider goes by in User-Agent headers.
const Product = "terraform-provider-cfperms"

// UserAgent is the User-Agent of the provider at a version, so Cloudflare
// can tell its requests apart.
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return Product + "/" + version
}

// listing is the state of one ListPermissionGroups call.
type listing struct {
	client  *Client
	http    *retryablehttp.Client
	timeout time.Duration
	budget  int64 // bytes of response bodies still allowed
	// lastStatus is the status of the last response, for an error that
	// ends in a timeout while retrying.
	lastStatus int
	// waitLeft is what the waits between retries may still take, together:
	// half the timeout, so the last attempt has time to answer and the
	// error is the server's answer, not a timeout (four capped waits for
	// Retry-After once took the whole of it).
	waitLeft time.Duration
}

func (c *Client) newListing() *listing {
	l := &listing{client: c, timeout: orDefault(c.Timeout, DefaultTimeout), budget: orDefault(c.MaxBytes, DefaultMaxBytes)}
	l.waitLeft = l.timeout / 2
	transport := c.Transport
	if transport == nil {
		transport = http.DefaultTransport.(*http.Transport).Clone() //nolint:forcetypeassert // the standard library's own type
	}
	rc := retryablehttp.NewClient()
	rc.Logger = nil // nothing of a request is logged, so no token can leak through logs
	rc.RetryMax = orDefault(c.RetryMax, DefaultRetryMax)
	rc.RetryWaitMin = orDefault(c.RetryWaitMin, DefaultRetryWaitMin)
	rc.RetryWaitMax = orDefault(c.RetryWaitMax, DefaultRetryWaitMax)
	rc.Backoff = l.backoff
	rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if resp != nil {
			l.lastStatus = resp.StatusCode
		}
		retry, rerr := retryablehttp.DefaultRetryPolicy(ctx, resp, err)
		if retry && l.waitLeft <= 0 {
			return false, rerr // no time left to wait: this answer is the last
		}
		return retry, rerr
	}
	// Hand back the last response when retries run out, so the error can
	// say what the server said.
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.HTTPClient = &http.Client{
		Transport: transport,
		// Go drops Authorization on a redirect only when the host name
		// changes, so a redirect to another port or to http would carry the
		// token along: the redirect comes back as a response instead.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	l.http = rc
	return l
}

// backoff is retryablehttp's, with the server's Retry-After capped well
// under the timeout: a huge one would block the run until it times out.
// The waits together stay within waitLeft.
func (l *listing) backoff(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
	wait := retryablehttp.DefaultBackoff(lo, hi, attempt, nil)
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if after, ok := retryAfter(resp.Header.Get("Retry-After")); ok {
			wait = min(after, maxRetryAfter, l.timeout/4)
		}
	}
	wait = max(min(wait, l.waitLeft), 0)
	l.waitLeft -= wait
	return wait
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string) (time.Duration, bool) {
	if h == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(time.Hour/time.Second) {
			return time.Hour, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(h); err == nil {
		return max(time.Until(at), 0), true
	}
	return 0, false
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// maxPages bounds pagination so a server that always says "more" cannot loop us.
const maxPages = 100

// StatusError is an HTTP failure with what Cloudflare said about it.
type StatusError struct {
	Status int
	Detail string
}

func (e *StatusError) Error() string {
	hint := ""
	switch e.Status {
	case http.StatusUnauthorized:
		hint = ": the API token is missing, malformed or revoked"
	case http.StatusForbidden:
		hint = ": the token may not list permission groups (it needs the \"API Tokens Read\" user permission, or \"Account API Tokens Read\" for an account)"
	case http.StatusTooManyRequests:
		hint = ": rate limited, and still so after every retry"
	}
	if e.Detail == "" {
		return fmt.Sprintf("Cloudflare answered HTTP %d%s", e.Status, hint)
	}
	return fmt.Sprintf("Cloudflare answered HTTP %d%s: %s", e.Status, hint, e.Detail)
}

// RedirectError is a redirect the client refused to follow.
type RedirectError struct {
	Status int
	// Host is the host the redirect pointed at, "" when it named none.
	Host string
}

func (e *RedirectError) Error() string {
	target := "no usable address"
	if e.Host != "" {
		target = e.Host
	}
	return fmt.Sprintf("Cloudflare answered HTTP %d, a redirect to %s, which is not followed so that the API token is sent to base_url's host only. "+
		"Set base_url to the address that answers the API itself.", e.Status, target)
}

// ListPermissionGroups fetches every page of the list. Whatever it returns
// as an error is free of the token and of control characters.
func (c *Client) ListPermissionGroups(ctx context.Context) ([]PermissionGroup, error) {
	groups, err := c.list(ctx)
	if err != nil {
		return nil, &catalog.CleanError{Err: err, Token: c.Token}
	}
	return groups, nil
}

func (c *Client) list(ctx context.Context) ([]PermissionGroup, error) {
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	if err := CheckBaseURL(base); err != nil {
		return nil, err
	}
	path := "/user/tokens/permission_groups"
	if c.AccountID != "" {
		path = "/accounts/" + url.PathEscape(c.AccountID) + "/tokens/permission_groups"
	}
	l := c.newListing()
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	perPage := c.PerPage
	if perPage <= 0 {
		perPage = 1000
	}
	var all []PermissionGroup
	seen := map[string]bool{}
	for page := 1; page <= maxPages; page++ {
		u := strings.TrimRight(base, "/") + path + "?page=" + strconv.Itoa(page) + "&per_page=" + strconv.Itoa(perPage)
		resp, err := l.get(ctx, u)
		if err != nil {
			if ctx.Err() == context.DeadlineExceeded {
				return nil, fmt.Errorf("no complete list of permission groups within %s (page %d%s): %w", l.timeout, page, l.lastAnswer(), err)
			}
			return nil, err
		}
		if page > 1 && len(resp.Result) > 0 && allSeen(resp.Result, seen) {
			return nil, fmt.Errorf("page %d of the list of permission groups repeats groups of earlier pages: the server ignores paging, so the list cannot be completed", page)
		}
		for _, g := range resp.Result {
			seen[g.ID] = true
		}
		all = append(all, resp.Result...)
		info := resp.ResultInfo
		if info == nil || len(resp.Result) == 0 {
			return all, nil
		}
		if info.TotalPages > 0 && page >= info.TotalPages {
			return all, nil
		}
		if info.TotalPages == 0 && (info.TotalCount == 0 || len(all) >= info.TotalCount) {
			return all, nil
		}
	}
	return nil, fmt.Errorf("more than %d pages of permission groups; refusing to go on", maxPages)
}

// allSeen reports whether a page holds only groups of earlier pages.
func allSeen(groups []PermissionGroup, seen map[string]bool) bool {
	for _, g := range groups {
		if !seen[g.ID] {
			return false
		}
	}
	return true
}

// lastAnswer names the status of the last response, for a timeout that hit
// while retrying it.
func (l *listing) lastAnswer() string {
	if l.lastStatus == 0 {
		return ""
	}
	return fmt.Sprintf("; the last answer was HTTP %d %s", l.lastStatus, http.StatusText(l.lastStatus))
}

func (l *listing) get(ctx context.Context, u string) (Response, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Response{}, err
	}
	if l.client.Token != "" {
		req.Header.Set("Authorization", "Bearer "+l.client.Token)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", orDefault(l.client.UserAgent, UserAgent("")))
	res, err := l.http.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("listing permission groups from %s: %w", redactURL(u), err)
	}
	defer func() { _ = res.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(res.Body, l.budget+1))
	if err != nil {
		return Response{}, fmt.Errorf("reading permission groups: %w", err)
	}
	if int64(len(body)) > l.budget {
		return Response{}, fmt.Errorf("the list of permission groups is larger than %d bytes in all; refusing to read more",
			orDefault(l.client.MaxBytes, DefaultMaxBytes))
	}
	l.budget -= int64(len(body))
	if res.StatusCode/100 == 3 {
		return Response{}, &RedirectError{Status: res.StatusCode, Host: redirectHost(res)}
	}
	if res.StatusCode/100 != 2 {
		return Response{}, &StatusError{Status: res.StatusCode, Detail: l.detail(body)}
	}
	return DecodeResponse(body)
}

// detail is what an error response says, fit for a diagnostic: the errors
// of Cloudflare's envelope or the start of the body, cleaned of control
// characters and of the token.
func (l *listing) detail(body []byte) string {
	detail := strings.TrimSpace(string(body))
	var r Response
	if json.Unmarshal(body, &r) == nil && len(r.Errors) > 0 {
		detail = describe(r.Errors)
	}
	detail = catalog.SanitizeServerText(detail, l.client.Token)
	return truncate(detail, 300)
}

// redirectHost is the host a redirect points at, cleaned for a message.
func redirectHost(res *http.Response) string {
	loc, err := res.Location()
	if err != nil || loc.Host == "" {
		return ""
	}
	return truncate(catalog.SanitizeServerText(loc.Host, ""), 100)
}

// redactURL keeps the host and path of a request for messages; the query
// carries nothing secret but is noise.
func redactURL(u string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return "the Cloudflare API"
	}
	parsed.RawQuery = ""
	parsed.User = nil
	return parsed.String()
}
