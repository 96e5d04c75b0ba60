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
	"testing"
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
			_, _ = fmt.Fprint(w, `{"success":true,"result":[{"id":"00000000000000000000000000000001","name":"A","scopes":["x"]}],"result_info":{"page":1,"total_pages":100000}}`)
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
