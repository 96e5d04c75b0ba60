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
// AccountID is set. Rate limits (429, honouring Retry-After) and server
// errors are retried with backoff; Timeout bounds the whole listing.
type Client struct {
	BaseURL   string
	Token     string
	AccountID string
	PerPage   int
	// Timeout bounds the whole listing, every page and retry included.
	Timeout time.Duration
	// RetryMax is the number of retries of one request; RetryWaitMin and
	// RetryWaitMax bound the backoff between them.
	RetryMax                   int
	RetryWaitMin, RetryWaitMax time.Duration
	// Transport replaces the HTTP transport, for tests.
	Transport http.RoundTripper
}

// Defaults for a Client's zero fields.
const (
	DefaultTimeout      = 60 * time.Second
	DefaultRetryMax     = 4
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 8 * time.Second
)

func (c *Client) httpClient() *retryablehttp.Client {
	rc := retryablehttp.NewClient()
	rc.Logger = nil // nothing of a request is logged, so no token can leak through logs
	rc.RetryMax = orDefault(c.RetryMax, DefaultRetryMax)
	rc.RetryWaitMin = orDefault(c.RetryWaitMin, DefaultRetryWaitMin)
	rc.RetryWaitMax = orDefault(c.RetryWaitMax, DefaultRetryWaitMax)
	// Hand back the last response when retries run out, so the error can
	// say what the server said.
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	if c.Transport != nil {
		rc.HTTPClient = &http.Client{Transport: c.Transport}
	}
	return rc
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
	}
	return fmt.Sprintf("Cloudflare answered HTTP %d%s: %s", e.Status, hint, e.Detail)
}

// ListPermissionGroups fetches every page of the list.
func (c *Client) ListPermissionGroups(ctx context.Context) ([]PermissionGroup, error) {
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	path := "/user/tokens/permission_groups"
	if c.AccountID != "" {
		path = "/accounts/" + url.PathEscape(c.AccountID) + "/tokens/permission_groups"
	}
	timeout := orDefault(c.Timeout, DefaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	httpClient := c.httpClient()
	perPage := c.PerPage
	if perPage <= 0 {
		perPage = 1000
	}
	var all []PermissionGroup
	for page := 1; page <= maxPages; page++ {
		u := strings.TrimRight(base, "/") + path + "?page=" + strconv.Itoa(page) + "&per_page=" + strconv.Itoa(perPage)
		resp, err := c.get(ctx, httpClient, u)
		if err != nil {
			if ctx.Err() == context.DeadlineExceeded {
				return nil, fmt.Errorf("no complete list of permission groups within %s (page %d): %w", timeout, page, err)
			}
			return nil, err
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

func (c *Client) get(ctx context.Context, httpClient *retryablehttp.Client, u string) (Response, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Response{}, err
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	req.Header.Set("Accept", "application/json")
	res, err := httpClient.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("listing permission groups from %s: %w", redactURL(u), err)
	}
	defer func() { _ = res.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(res.Body, 32<<20))
	if err != nil {
		return Response{}, fmt.Errorf("reading permission groups: %w", err)
	}
	if res.StatusCode/100 != 2 {
		detail := strings.TrimSpace(string(body))
		var r Response
		if json.Unmarshal(body, &r) == nil && len(r.Errors) > 0 {
			detail = describe(r.Errors)
		}
		if len(detail) > 300 {
			detail = detail[:300] + "…"
		}
		return Response{}, &StatusError{Status: res.StatusCode, Detail: detail}
	}
	return DecodeResponse(body)
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
