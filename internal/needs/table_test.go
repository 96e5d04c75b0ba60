package needs_test

import (
	"os"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
)

// TestEveryTypeGetsOneGroupOrReview is the rule across the whole table:
// every type with accepted groups gets exactly one group per access class
// (and per level, for a type with both) or a reason for review, never a
// group outside its own list; the counts are printed.
func TestEveryTypeGetsOneGroupOrReview(t *testing.T) {
	t.Parallel()
	c, table := catalog.Default(), needs.Default()
	counts := map[string]int{}
	for _, e := range table.Entries() {
		for _, access := range accessClasses(e) {
			for _, scope := range levels(e) {
				choice := table.Pick(c, e, access, scope)
				counts[countKey(e, choice)]++
				checkChoice(t, c, e, access, scope, choice)
			}
		}
	}
	t.Logf("choices: %d one group, %d need review (of which %d have no accepted list), %d from overrides",
		counts["picked"]+counts["override"], counts["review"]+counts["no data"], counts["no data"], counts["override"])
	if counts["picked"] == 0 || counts["no data"] == 0 {
		t.Errorf("counts %v: the table or the rule is broken", counts)
	}
}

func accessClasses(e needs.Entry) []needs.Access {
	if e.Kind == needs.KindResource {
		return []needs.Access{needs.AccessWrite, needs.AccessRead}
	}
	return []needs.Access{needs.AccessRead}
}

func levels(e needs.Entry) []string {
	if e.APIScope == needs.APIScopeAccountOrZone {
		return []string{needs.APIScopeAccount, needs.APIScopeZone}
	}
	return []string{""}
}

func countKey(e needs.Entry, ch needs.Choice) string {
	switch {
	case ch.Evidence != "":
		return "override"
	case ch.Review == "" && ch.Group.ID != "":
		return "picked"
	case len(e.Groups) == 0:
		return "no data"
	}
	return "review"
}

func checkChoice(t *testing.T, c *catalog.Catalog, e needs.Entry, access needs.Access, scope string, ch needs.Choice) {
	t.Helper()
	where := e.Type + " " + string(e.Kind) + " " + string(access) + " " + scope
	switch {
	case (ch.Review == "") == (ch.Group.ID == ""):
		t.Errorf("%s: a choice must be one group or a review, got %+v", where, ch)
	case ch.Review != "":
		return
	case ch.Evidence == "" && !listed(e, ch.Group.ID):
		t.Errorf("%s: %s is not among the type's accepted groups", where, ch.Group.ID)
	case access == needs.AccessWrite && ch.Group.Access() == catalog.AccessRead:
		t.Errorf("%s: a read group %q chosen for a write", where, ch.Group.Name)
	case scope != "" && ch.Group.Scope() != scope:
		t.Errorf("%s: a %s group chosen at %s level", where, ch.Group.Scope(), scope)
	}
	if _, ok := c.ByID(ch.Group.ID); ch.Group.ID != "" && !ok {
		t.Errorf("%s: %s is not in the catalog", where, ch.Group.ID)
	}
}

func listed(e needs.Entry, id string) bool {
	for _, a := range e.Groups {
		if a.ID == id {
			return true
		}
	}
	return false
}

// TestTableIsTheCloudflareProviders pins the provenance people are told.
func TestTableIsTheCloudflareProviders(t *testing.T) {
	t.Parallel()
	table := needs.Default()
	if v := table.ProviderVersion(); !strings.HasPrefix(v, "v5.") {
		t.Errorf("provider version %q, want a v5 release", v)
	}
	if n := len(table.Entries()); n < 500 {
		t.Errorf("%d types, want the provider's hundreds", n)
	}
}

func TestParseTableRefusesWhatItCannotRead(t *testing.T) {
	t.Parallel()
	row := func(fields ...string) string { return needs.TableHeader + "\n" + strings.Join(fields, "\t") + "\n" }
	id := strings.Repeat("a", 32)
	for _, tc := range []struct {
		name, data, want string
	}{
		{name: "empty", data: "", want: "no rows"},
		{name: "no rows", data: needs.TableHeader + "\n", want: "no rows"},
		{name: "wrong header", data: "type\tkind\n", want: "column line"},
		{name: "fields", data: row("cloudflare_x", "resource", "zone"), want: "3 fields"},
		{name: "not cloudflare", data: row("random_x", "resource", "zone", "schema", ""), want: "not a Cloudflare provider type"},
		{name: "kind", data: row("cloudflare_x", "module", "zone", "schema", ""), want: "kind"},
		{name: "group", data: row("cloudflare_x", "resource", "zone", "schema", id+":X"), want: "not id:R or id:W"},
		{name: "twice", data: row("cloudflare_x", "resource", "zone", "schema", id+":W") + "cloudflare_x\tresource\tzone\tschema\t\n", want: "twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := needs.ParseTable([]byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestGuideNamesTheTablesRelease: the least-privilege guide says which
// Cloudflare provider release the table is for; a regenerated table must
// update it.
func TestGuideNamesTheTablesRelease(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../templates/guides/least-privilege.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if v := needs.Default().ProviderVersion(); !strings.Contains(string(data), "Cloudflare provider "+v+";") {
		t.Errorf("templates/guides/least-privilege.md.tmpl does not say the table is for the Cloudflare provider %s", v)
	}
}
