package cfapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// hostileToken is the token of these tests: no error may hold it.
const hostileToken = "cf-hostile-token-5e4d3c2b1a"

// expectClean fails when an error text holds the token or a control
// character, which could rewrite the terminal it is shown in.
func expectClean(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Contains(msg, hostileToken) {
		t.Fatalf("the token leaked into the error %q", msg)
	}
	if strings.ContainsAny(msg, "\x1b\x07\r\n\u202e") {
		t.Fatalf("the error %q carries control characters", msg)
	}
}

// A redirect is an error naming the status and the target host. The target,
// on another loopback port (the same host name, so Go would keep the
// Authorization header), never hears from the client.
func TestRedirectsAreNotFollowed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
	}{
		{name: "301", status: http.StatusMovedPermanently},
		{name: "302", status: http.StatusFound},
		{name: "307", status: http.StatusTemporaryRedirect},
		{name: "308", status: http.StatusPermanentRedirect},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var reached, withToken atomic.Int32
			target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reached.Add(1)
				if r.Header.Get("Authorization") != "" {
					withToken.Add(1)
				}
				_, _ = fmt.Fprint(w, `{"success":true,"result":[]}`)
			}))
			defer target.Close()
			origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target.URL+r.URL.RequestURI(), tt.status)
			}))
			defer origin.Close()

			_, err := (&Client{BaseURL: origin.URL, Token: hostileToken}).ListPermissionGroups(context.Background())
			expectClean(t, err)
			if withToken.Load() != 0 || reached.Load() != 0 {
				t.Fatalf("the redirect target got %d requests, %d with the token", reached.Load(), withToken.Load())
			}
			var re *RedirectError
			targetHost := strings.TrimPrefix(target.URL, "http://")
			if !errors.As(err, &re) || re.Status != tt.status || !strings.Contains(err.Error(), "HTTP "+tt.name) || !strings.Contains(err.Error(), targetHost) {
				t.Fatalf("want a redirect error naming HTTP %d and %s, got %v", tt.status, targetHost, err)
			}
		})
	}
}

func TestCheckBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want string // "" for accepted
	}{
		{url: DefaultBaseURL},
		{url: "https://api.example.test/client/v4/"},
		{url: "http://127.0.0.1:8080/client/v4"},
		{url: "http://localhost:8080"},
		{url: "http://[::1]:8080"},
		{url: "http://127.1.2.3"},
		{url: "http://api.cloudflare.com/client/v4", want: "uses http, which would send the API token in clear text"},
		{url: "http://10.0.0.1", want: "uses http"},
		{url: "file:///etc/passwd", want: `uses the scheme "file"`},
		{url: "ftp://api.cloudflare.com", want: `uses the scheme "ftp"`},
		{url: "https://api.cloudflare.com/client/v4?x=1", want: "has a query"},
		{url: "https://api.cloudflare.com/client/v4?", want: "has a query"},
		{url: "https://api.cloudflare.com/client/v4#top", want: "has a fragment"},
		{url: "https:opaque", want: "has no host"},
		{url: "api.cloudflare.com/client/v4", want: `uses the scheme ""`},
		{url: "https://user:hunter2@api.cloudflare.com", want: "carries a user name or password"},
		{url: "https://hunter2@api.cloudflare.com", want: "carries a user name or password"},
		{url: "https:user:hunter2@api.cloudflare.com", want: `"https:…@api.cloudflare.com" has no host`},
		{url: "https://user:hunter2%zz@api.cloudflare.com", want: `"https://…@api.cloudflare.com" is not a URL`},
		{url: "https://user:hun@ter2@api.cloudflare.com/\x1b[2J", want: "is not a URL"},
		{url: "https://api.cloudflare.com/\x1b]0;title\x07", want: "is not a URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			t.Parallel()
			err := CheckBaseURL(tt.url)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want an error saying %q, got %v", tt.want, err)
			}
			if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "ter2") {
				t.Fatalf("the password leaked: %v", err)
			}
			if strings.ContainsAny(err.Error(), "\x1b\x07") {
				t.Fatalf("control characters leaked: %q", err)
			}
		})
	}
}

// The client refuses a bad base_url before any request, so the token is
// never sent. Only loopback addresses are tried here.
func TestClientRefusesBadBaseURL(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	for _, base := range []string{
		"http://user:" + hostileToken + "@" + u.Host,
		srv.URL + "?token=" + hostileToken,
		srv.URL + "#" + hostileToken,
		"ftp://" + u.Host,
	} {
		_, err := (&Client{BaseURL: base, Token: hostileToken}).ListPermissionGroups(context.Background())
		expectClean(t, err)
		var be *BaseURLError
		if !errors.As(err, &be) {
			t.Fatalf("%s: want a base_url error, got %v", strings.ReplaceAll(base, hostileToken, "TOKEN"), err)
		}
	}
	if calls.Load() != 0 {
		t.Fatalf("%d requests reached the server", calls.Load())
	}
}

// Server text reaches errors without escape sequences, bidi controls,
// forged lines or the token the server echoed.
func TestServerTextIsCleaned(t *testing.T) {
	t.Parallel()
	echo := func(r *http.Request) string { return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") }
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{name: "envelope message", handler: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = fmt.Fprintf(w, `{"success":false,"errors":[{"code":9109,"message":"\u001b]0;pwned\u0007\u001b[2J token %s is bad\nError: forged \u202eevil"}]}`, echo(r))
		}, want: "HTTP 401"},
		{name: "raw body", handler: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = fmt.Fprintf(w, "\x1b[31mno\x1b[0m: Authorization: Bearer %s\r\nError: forged", echo(r))
		}, want: "HTTP 400"},
		{name: "failure envelope", handler: func(w http.ResponseWriter, r *http.Request) {
			_, _ = fmt.Fprintf(w, `{"success":false,"errors":[{"code":1,"message":"bad \u001b[2J %s"}],"result":null}`, echo(r))
		}, want: "reports failure"},
		{name: "malformed", handler: func(w http.ResponseWriter, r *http.Request) {
			_, _ = fmt.Fprintf(w, "\x1b]0;%s\x07", echo(r))
		}, want: "not a List permission groups JSON document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			_, err := (&Client{BaseURL: srv.URL, Token: hostileToken, RetryMax: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond}).
				ListPermissionGroups(context.Background())
			expectClean(t, err)
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want %q in %q", tt.want, err)
			}
		})
	}
}

// A huge Retry-After is capped well under the timeout: the retries run out
// and the error is the 429, not a timeout after one long wait.
func TestRetryAfterIsCapped(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", "86400")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Token: hostileToken, Timeout: 8 * time.Second, RetryMax: 1, RetryWaitMin: time.Millisecond}
	_, err := c.ListPermissionGroups(context.Background())
	expectClean(t, err)
	var se *StatusError
	if !errors.As(err, &se) || se.Status != http.StatusTooManyRequests || !strings.Contains(err.Error(), "rate limited") {
		t.Fatalf("want the 429 once retries run out, got %v", err)
	}
	if calls.Load() != 2 {
		t.Fatalf("%d calls, want 1 + 1 retry", calls.Load())
	}
}

// Rate limiting with a long Retry-After: the waits together take at most
// half the timeout, so the retries end in the server's last answer, the
// 429, rather than in a timeout that says less. Four retries at the capped
// wait took the whole timeout before.
func TestRetryWaitsLeaveTimeToAnswer(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", "20")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	// Each wait is capped at a quarter of the timeout (1s); half of it (2s)
	// allows two.
	c := &Client{BaseURL: srv.URL, Token: hostileToken, Timeout: 4 * time.Second, RetryMax: 4}
	_, err := c.ListPermissionGroups(context.Background())
	expectClean(t, err)
	var se *StatusError
	if !errors.As(err, &se) || se.Status != http.StatusTooManyRequests {
		t.Fatalf("want the 429 as the answer, got %v", err)
	}
	if calls.Load() != 3 {
		t.Fatalf("%d calls, want 1 + 2 retries: the waits may take half the timeout", calls.Load())
	}
}

// A timeout that hits while retrying names the last status: a 429, then a
// server that never answers.
func TestTimeoutNamesTheLastStatus(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) > 1 {
			<-r.Context().Done()
			return
		}
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Token: hostileToken, Timeout: time.Second, RetryMax: 1000}
	_, err := c.ListPermissionGroups(context.Background())
	expectClean(t, err)
	if !strings.Contains(err.Error(), "within 1s") || !strings.Contains(err.Error(), "the last answer was HTTP 429 Too Many Requests") {
		t.Fatalf("want a timeout naming the 429, got %v", err)
	}
}

// A server that ignores paging repeats its first page: the second request
// ends the listing instead of the hundredth.
func TestRepeatedPageEndsPagination(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		_, _ = fmt.Fprint(w, `{"success":true,"result":[{"id":"00000000000000000000000000000001","name":"A Read","scopes":["com.cloudflare.api.account"]}],"result_info":{"page":1,"per_page":1,"total_pages":5,"total_count":5}}`)
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL, Token: hostileToken}).ListPermissionGroups(context.Background())
	if err == nil || !strings.Contains(err.Error(), "page 2 of the list of permission groups repeats groups of earlier pages") {
		t.Fatalf("want a repeated-page error, got %v", err)
	}
	if calls.Load() != 2 {
		t.Fatalf("%d requests, want 2", calls.Load())
	}
}

// One byte budget covers every page: many pages each under it add up.
func TestByteBudgetCoversAllPages(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	padding := strings.Repeat("x", 900)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		_, _ = fmt.Fprintf(w, `{"success":true,"result":[{"id":"%032x","name":"G Read","description":"%s","scopes":["com.cloudflare.api.account"]}],"result_info":{"page":%d,"total_pages":50}}`,
			page, padding, page)
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL, Token: hostileToken, MaxBytes: 4000}).ListPermissionGroups(context.Background())
	if err == nil || !strings.Contains(err.Error(), "larger than 4000 bytes in all") {
		t.Fatalf("want the byte budget to stop the listing, got %v", err)
	}
	if calls.Load() > 5 {
		t.Fatalf("%d requests for a 4000-byte budget of ~1000-byte pages", calls.Load())
	}
}

func TestUserAgentNamesTheProvider(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, agent, want string
	}{
		{name: "versioned", agent: UserAgent("1.4.2"), want: "terraform-provider-cfperms/1.4.2"},
		{name: "default", agent: "", want: "terraform-provider-cfperms/dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got.Store(r.UserAgent())
				_, _ = fmt.Fprint(w, `{"success":true,"result":[]}`)
			}))
			defer srv.Close()
			if _, err := (&Client{BaseURL: srv.URL, UserAgent: tt.agent}).ListPermissionGroups(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got.Load() != tt.want {
				t.Fatalf("User-Agent %q, want %q", got.Load(), tt.want)
			}
		})
	}
}
