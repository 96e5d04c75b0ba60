package catalog

import "testing"

// TestEmbeddedSnapshotGolden is the one test that pins the embedded snapshot
// on purpose: its date, its size and its scopes. Every other test reads
// these facts from the catalog, so a refresh fails here and nowhere else, and
// the reviewer of a refresh updates the figures below to the generator's
// summary. The refresh check (scripts/refresh-check.sh) skips it.
func TestEmbeddedSnapshotGolden(t *testing.T) {
	t.Parallel()
	c := Default()
	if got, want := c.AsOf(), "2026-08-31"; got != want {
		t.Errorf("as_of = %s, want %s", got, want)
	}
	if got, want := c.Len(), 393; got != want {
		t.Errorf("%d groups, want %d", got, want)
	}
	want := map[string]int{
		ScopeKeyAccount:      291,
		ScopeKeyZone:         92,
		ScopeKeyUser:         6,
		ScopeKeyR2:           2,
		ScopeKeyWorkerScript: 1,
		ScopeKeyWebsearch:    1,
	}
	got := c.Counts()
	if len(got) != len(want) {
		t.Errorf("scopes %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("scope %s has %d groups, want %d", k, got[k], n)
		}
	}
}
