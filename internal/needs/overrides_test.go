package needs

import (
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// TestOverridesAreReviewable: each override is for a type and kind of the
// table, names a group of the catalog in its scope, and says why.
func TestOverridesAreReviewable(t *testing.T) {
	t.Parallel()
	table, c := Default(), catalog.Default()
	if len(table.overrides) == 0 {
		t.Fatal("no overrides read from overrides.tsv")
	}
	for k, o := range table.overrides {
		if _, ok := table.Lookup(k.typ, k.kind); !ok {
			t.Errorf("override for %s (%s), which the table does not have", k.typ, k.kind)
		}
		g, ok := c.ByID(o.GroupID)
		switch {
		case !ok:
			t.Errorf("override for %s names %s, which the catalog does not have", k.typ, o.GroupID)
		case g.Scope() != k.scope:
			t.Errorf("override for %s at %s level names a %s group", k.typ, k.scope, g.Scope())
		case k.access == AccessWrite && g.Access() == catalog.AccessRead:
			t.Errorf("override for %s write names a read group", k.typ)
		}
	}
}

func TestParseOverridesRefusesWhatItCannotRead(t *testing.T) {
	t.Parallel()
	id := strings.Repeat("b", 32)
	row := func(fields ...string) string { return OverridesHeader + "\n" + strings.Join(fields, "\t") + "\n" }
	for _, tc := range []struct{ name, data, want string }{
		{name: "header", data: "type\tkind\n", want: "column line"},
		{name: "no evidence", data: row("cloudflare_x", "resource", "write", "zone", id, " "), want: "evidence"},
		{name: "bad id", data: row("cloudflare_x", "resource", "write", "zone", "DNS Write", "because"), want: "group id"},
		{name: "access", data: row("cloudflare_x", "resource", "edit", "zone", id, "because"), want: "neither read nor write"},
		{name: "twice", data: row("cloudflare_x", "resource", "write", "zone", id, "because") + strings.Join([]string{"cloudflare_x", "resource", "write", "zone", id, "again"}, "\t") + "\n", want: "twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := parseOverrides([]byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
