package cfapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// pagedServer serves n groups, perPage at a time, in Cloudflare's shape.
func pagedServer(t *testing.T, n, perPage int, wantPath string) *httptest.Server {
	t.Helper()
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != wantPath {
			http.Error(w, "wrong path "+r.URL.Path, http.StatusNotFound)
			return
		}
		if r.Header.Get("Authorization") != "Bearer secret-token" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":9109,"message":"Invalid access token"}]}`)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		totalPages := (n + perPage - 1) / perPage
		var result []PermissionGroup
		for i := (page - 1) * perPage; i < n && i < page*perPage; i++ {
			result = append(result, PermissionGroup{ID: fmt.Sprintf("%032x", i+1), Name: fmt.Sprintf("Group %d Read", i), Scopes: []string{"com.cloudflare.api.account"}})
		}
		_ = json.NewEncoder(w).Encode(Response{Success: true, Result: result,
			ResultInfo: &ResultInfo{Page: page, PerPage: perPage, Count: len(result), TotalCount: n, TotalPages: totalPages}})
	}))
}

func TestListFollowsPagination(t *testing.T) {
	t.Parallel()
	srv := pagedServer(t, 25, 10, "/user/tokens/permission_groups")
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Token: "secret-token", PerPage: 10}
	groups, err := c.ListPermissionGroups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 25 || groups[24].Name != "Group 24 Read" {
		t.Fatalf("got %d groups", len(groups))
	}
}

func TestListAccountEndpoint(t *testing.T) {
	t.Parallel()
	srv := pagedServer(t, 3, 50, "/accounts/abc123/tokens/permission_groups")
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Token: "secret-token", AccountID: "abc123"}
	groups, err := c.ListPermissionGroups(context.Background())
	if err != nil || len(groups) != 3 {
		t.Fatalf("got %d groups, %v", len(groups), err)
	}
}

func TestListErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"unauthorized", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":9109,"message":"Invalid access token"}]}`)
		}, `HTTP 401: the API token is missing, malformed or revoked: Invalid access token \(code 9109\)`},
		{"forbidden", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusForbidden)
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}`)
		}, `HTTP 403: .*API Tokens Read`},
		{"malformed json", func(w http.ResponseWriter, r *http.Request) {
			_, _ = fmt.Fprint(w, `{"success":true,"result":[`)
		}, `not a List permission groups JSON document`},
		{"failure envelope", func(w http.ResponseWriter, r *http.Request) {
			_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":7003,"message":"Could not route"}],"result":null}`)
		}, `reports failure: Could not route`},
		{"endless pages", func(w http.ResponseWriter, r *http.Request) {
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			_, _ = fmt.Fprintf(w, `{"success":true,"result":[{"id":"%032x","name":"A","scopes":["x"]}],"result_info":{"page":%d,"total_pages":100000}}`, page, page)
		}, `more than 100 pages`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			c := &Client{BaseURL: srv.URL, Token: "secret-token"}
			_, err := c.ListPermissionGroups(context.Background())
			if err == nil {
				t.Fatal("no error")
			}
			if !matches(tt.want, err.Error()) {
				t.Fatalf("error %q does not match %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret-token") {
				t.Fatal("the token leaked into an error")
			}
		})
	}
}

func TestStatusErrorIsTyped(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL}).ListPermissionGroups(context.Background())
	var se *StatusError
	if !errors.As(err, &se) || se.Status != http.StatusForbidden {
		t.Fatalf("want *StatusError 403, got %v", err)
	}
}

func TestRetriesRateLimitHonouringRetryAfter(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	var firstAt, secondAt time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			firstAt = time.Now()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		secondAt = time.Now()
		_, _ = fmt.Fprint(w, `{"success":true,"result":[{"id":"4755a26eedb94da69e1066d98aa820be","name":"DNS Write","scopes":["com.cloudflare.api.account.zone"]}]}`)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Second}
	groups, err := c.ListPermissionGroups(context.Background())
	if err != nil || len(groups) != 1 {
		t.Fatalf("got %v, %v", groups, err)
	}
	if calls.Load() != 2 {
		t.Fatalf("%d calls, want 2", calls.Load())
	}
	if wait := secondAt.Sub(firstAt); wait < 900*time.Millisecond {
		t.Fatalf("retried after %s, before Retry-After's 1s", wait)
	}
}

func TestServerErrorsUntilTheRetryLimit(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusBadGateway)
		_, _ = fmt.Fprint(w, `{"success":false,"errors":[{"code":502,"message":"bad gateway"}]}`)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, RetryMax: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond}
	_, err := c.ListPermissionGroups(context.Background())
	var se *StatusError
	if !errors.As(err, &se) || se.Status != http.StatusBadGateway || !strings.Contains(err.Error(), "bad gateway") {
		t.Fatalf("want the last 502 with its message, got %v", err)
	}
	if calls.Load() != 3 {
		t.Fatalf("%d calls, want 1 + 2 retries", calls.Load())
	}
}

func TestSlowServerPastTheTimeout(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := &Client{BaseURL: srv.URL, Timeout: 200 * time.Millisecond}
	_, err := c.ListPermissionGroups(context.Background())
	if err == nil || !strings.Contains(err.Error(), "within 200ms") {
		t.Fatalf("want a timeout error naming the limit, got %v", err)
	}
}
