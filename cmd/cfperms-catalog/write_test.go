package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// committed writes a first catalog from the fixture and returns its path
// and bytes.
func committed(t *testing.T) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "response.json")
	out := filepath.Join(dir, "groups.tsv")
	if err := os.WriteFile(in, []byte(fixture), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-in", in, "-out", out, "-as-of", "2026-01-27"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return out, data
}

// expectUntouched checks the committed catalog survived and no temporary
// file was left beside it.
func expectUntouched(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(want) {
		t.Fatalf("the committed catalog changed (%v):\n%s", err, got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("a temporary file was left behind: %s", e.Name())
		}
	}
}

// A write that fails halfway leaves the committed catalog as it was.
func TestWriteFailingHalfwayKeepsTheCatalog(t *testing.T) {
	t.Parallel()
	path, before := committed(t)
	next := strings.Replace(string(before), "# as_of: 2026-01-27", "# as_of: 2026-02-01", 1)
	err := writeCatalogWith(path, []byte(next), func(f *os.File, data []byte) error {
		_, _ = f.Write(data[:len(data)/2])
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("want the write error, got %v", err)
	}
	expectUntouched(t, path, before)
	if err := writeCatalog(path, []byte(next)); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != next {
		t.Fatal("a good write did not replace the catalog")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v, %v; want 0644 as before", info.Mode(), err)
	}
}

// Data that would not read back is never written.
func TestWriteRefusesWhatWouldNotReadBack(t *testing.T) {
	t.Parallel()
	path, before := committed(t)
	tests := []struct {
		name, data string
	}{
		{name: "count mismatch", data: strings.Replace(string(before), "# total: 3", "# total: 4", 1)},
		{name: "line over 64 KiB", data: string(before) + strings.Repeat("0", 32) + "\tcom.cloudflare.api.account\t" + strings.Repeat("A", 70000) + "\n"},
		{name: "empty", data: ""},
	}
	for _, tt := range tests {
		err := writeCatalog(path, []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), "would not read back") {
			t.Errorf("%s: want a refusal, got %v", tt.name, err)
		}
	}
	expectUntouched(t, path, before)
}

// Names and scopes with control characters or of absurd length are refused
// with the group named, and nothing is written.
func TestGenerateRefusesUnfitNames(t *testing.T) {
	t.Parallel()
	const id = "0123456789abcdef0123456789abcdef"
	tests := []struct {
		name, group, want string
	}{
		{name: "escape in name", group: `{"id":"` + id + `","name":"Worker \u001b]0;x\u0007 Read","scopes":["com.cloudflare.api.account.worker"]}`, want: "U+001B"},
		{name: "bidi in name", group: `{"id":"` + id + `","name":"Worker \u202e Read","scopes":["com.cloudflare.api.account.worker"]}`, want: "U+202E"},
		{name: "name over 64 KiB", group: `{"id":"` + id + `","name":"` + strings.Repeat("W", 70000) + `","scopes":["com.cloudflare.api.account.worker"]}`, want: "over the limit"},
		{name: "escape in scope", group: `{"id":"` + id + `","name":"Worker Read","scopes":["com.cloudflare\u001b[2J"]}`, want: "scope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path, before := committed(t)
			in := filepath.Join(filepath.Dir(path), "bad.json")
			body := strings.Replace(fixture, `{"id":"0123456789abcdef0123456789abcdef","name":"Worker Secrets Read","description":"prose","scopes":["com.cloudflare.api.account.worker"]}`, tt.group, 1)
			if err := os.WriteFile(in, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			err := run([]string{"-in", in, "-out", path, "-as-of", "2026-02-01"})
			if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want a refusal naming group %s and saying %q, got %v", id, tt.want, err)
			}
			if len(err.Error()) > 400 || strings.ContainsAny(err.Error(), "\x1b\u202e") {
				t.Fatalf("the refusal is unfit to print: %q", err)
			}
			expectUntouched(t, path, before)
		})
	}
}
