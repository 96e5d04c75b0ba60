package needs_test

import (
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
)

const (
	account = "1234567890abcdef1234567890abcdef"
	zone    = "fedcba9876543210fedcba9876543210"
)

func inZone(address, typ string, access needs.Access) needs.Change {
	return needs.Change{Address: address, Type: typ, Kind: needs.KindResource, Access: access, ZoneID: zone, SetsZoneID: true}
}

func inAccount(address, typ string, access needs.Access) needs.Change {
	return needs.Change{Address: address, Type: typ, Kind: needs.KindResource, Access: access, AccountID: account, SetsAccountID: true}
}

// outcome is a Result as "id for,for" and "unknown type addr" lines.
func outcome(r needs.Result) string {
	var lines []string
	for _, n := range r.Groups {
		lines = append(lines, n.Group.ID+" "+strings.Join(n.For, ","))
	}
	for _, u := range r.Unknown {
		lines = append(lines, "unknown "+u.Type+" "+strings.Join(u.Addresses, ","))
	}
	return strings.Join(lines, "\n")
}

func TestCompute(t *testing.T) {
	t.Parallel()
	id := catalogtest.ID
	for _, tc := range []struct {
		name    string
		changes []needs.Change
		want    string
	}{
		{
			name:    "the type's own product of a long union",
			changes: []needs.Change{inZone("cloudflare_page_rule.a", "cloudflare_page_rule", needs.AccessWrite)},
			want:    id("zone", "Page Rules Write") + " cloudflare_page_rule.a",
		},
		{
			name: "a read is folded into the write of its product",
			changes: []needs.Change{
				inZone("cloudflare_dns_record.a", "cloudflare_dns_record", needs.AccessRead),
				inZone("cloudflare_dns_record.b", "cloudflare_dns_record", needs.AccessWrite),
			},
			want: id("zone", "DNS Write") + " cloudflare_dns_record.a,cloudflare_dns_record.b",
		},
		{
			name:    "an account-or-zone type at account level",
			changes: []needs.Change{inAccount("cloudflare_access_rule.a", "cloudflare_access_rule", needs.AccessWrite)},
			want:    id("account", "Account Firewall Access Rules Write") + " cloudflare_access_rule.a",
		},
		{
			name:    "an account-or-zone type without either id",
			changes: []needs.Change{{Address: "cloudflare_access_rule.a", Type: "cloudflare_access_rule", Kind: needs.KindResource, Access: needs.AccessWrite}},
			want:    "unknown cloudflare_access_rule cloudflare_access_rule.a",
		},
		{
			name:    "a list data source is looked up as a data source",
			changes: []needs.Change{{Address: "data.cloudflare_zones.all", Type: "cloudflare_zones", Kind: needs.KindDataSource, Access: needs.AccessRead}},
			want:    id("zone", "Zone Read") + " data.cloudflare_zones.all",
		},
		{
			name:    "a type the table lacks",
			changes: []needs.Change{inZone("cloudflare_nothing.a", "cloudflare_nothing", needs.AccessWrite)},
			want:    "unknown cloudflare_nothing cloudflare_nothing.a",
		},
		{
			name:    "an override decides a tie",
			changes: []needs.Change{inZone("cloudflare_tiered_cache.a", "cloudflare_tiered_cache", needs.AccessWrite)},
			want:    id("zone", "Zone Settings Write") + " cloudflare_tiered_cache.a",
		},
		{
			name:    "the read of the product the type writes, of several reads",
			changes: []needs.Change{inAccount("cloudflare_worker.a", "cloudflare_worker", needs.AccessRead)},
			want:    id("account", "Workers Scripts Read") + " cloudflare_worker.a",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := outcome(needs.Default().Compute(catalog.Default(), tc.changes))
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestActionsAccess(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		actions []string
		want    needs.Access
	}{
		{actions: []string{"create"}, want: needs.AccessWrite},
		{actions: []string{"update"}, want: needs.AccessWrite},
		{actions: []string{"delete"}, want: needs.AccessWrite},
		{actions: []string{"delete", "create"}, want: needs.AccessWrite},
		{actions: []string{"create", "delete"}, want: needs.AccessWrite},
		{actions: []string{"read"}, want: needs.AccessRead},
		{actions: []string{"no-op"}, want: needs.AccessRead},
		{actions: []string{"forget"}, want: needs.AccessRead},
	} {
		if got := needs.ActionsAccess(tc.actions); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.actions, got, tc.want)
		}
	}
}

// TestCompareMeetsReadsWithWrites: a Write group meets a Read need and is
// used; a group nothing needs is unused; an unknown id is unused by id.
func TestCompareMeetsReadsWithWrites(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	r := needs.Default().Compute(c, []needs.Change{inZone("cloudflare_dns_record.a", "cloudflare_dns_record", needs.AccessRead)})
	unknownID := strings.Repeat("0", 32)
	cmp := needs.Compare(c, r, []string{catalogtest.ID("zone", "DNS Write"), catalogtest.ID("zone", "Zone Read"), unknownID}, true)
	if len(cmp.Missing) != 0 {
		t.Errorf("missing %v: DNS Write meets a need of DNS Read", cmp.Missing)
	}
	if len(cmp.Unused) != 2 || cmp.Unused[0].ID != catalogtest.ID("zone", "Zone Read") || cmp.Unused[1].ID != unknownID {
		t.Errorf("unused %v, want Zone Read and the unknown id", cmp.Unused)
	}
	if msg := needs.UnusedMessage(cmp, cmp.Unused[1]); !strings.Contains(msg, unknownID) {
		t.Errorf("an unknown id's message %q does not name it", msg)
	}
}

// TestCompareNamesTheWriteAReadIsCoveredBy: a Read group granted where the
// plan needs its product's Write group is not called unneeded: the message
// names the Write group the plan needs instead.
func TestCompareNamesTheWriteAReadIsCoveredBy(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	r := needs.Default().Compute(c, []needs.Change{inZone("cloudflare_dns_record.a", "cloudflare_dns_record", needs.AccessWrite)})
	dnsRead, dnsWrite := catalogtest.ID("zone", "DNS Read"), catalogtest.ID("zone", "DNS Write")
	cmp := needs.Compare(c, r, []string{dnsRead}, true)
	if len(cmp.Missing) != 1 || len(cmp.Unused) != 1 || cmp.Covered[dnsRead].ID != dnsWrite {
		t.Fatalf("missing %v, unused %v, covered %v: want DNS Write missing and DNS Read covered by it", cmp.Missing, cmp.Unused, cmp.Covered)
	}
	msg := needs.UnusedMessage(cmp, cmp.Unused[0])
	if strings.Contains(msg, "nothing in this plan needs") || !strings.Contains(msg, catalogtest.Name(dnsWrite)) {
		t.Errorf("%q: want the Write group the plan needs named, not \"nothing needs it\"", msg)
	}
}

// TestCompareNamesANameWhereAnIdBelongs: a group's name in a token's
// policies grants nothing; the message says it is a name and gives the id,
// and the need it would meet is not reported missing too (one mistake, one
// finding).
func TestCompareNamesANameWhereAnIdBelongs(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	name := catalogtest.Name(dnsWrite)
	r := needs.Default().Compute(c, []needs.Change{inZone("cloudflare_dns_record.a", "cloudflare_dns_record", needs.AccessWrite)})
	cmp := needs.Compare(c, r, []string{name}, true)
	if len(cmp.Missing) != 0 || len(cmp.Unused) != 1 || len(cmp.Named) != 1 {
		t.Fatalf("missing %v, unused %v, named %v: want the name alone, as a name", cmp.Missing, cmp.Unused, cmp.Named)
	}
	if msg := needs.UnusedMessage(cmp, cmp.Unused[0]); !strings.Contains(msg, "name") || !strings.Contains(msg, "write "+dnsWrite) {
		t.Errorf("%q: want it called a name, with the id to write", msg)
	}
}
