package needs_test

import (
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
)

// TestProductHomesAreWhatTheProviderAccepts holds each product the catalog
// says has no group of its own to the Cloudflare provider's table: the group
// its name is answered with is one that the product's resource accepts, in
// the scope its API calls are made in.
func TestProductHomesAreWhatTheProviderAccepts(t *testing.T) {
	t.Parallel()
	c, table := catalog.Default(), needs.Default()
	for _, h := range c.ProductHomes() {
		t.Run(h.Product, func(t *testing.T) {
			t.Parallel()
			e, ok := table.Lookup(h.Witness, needs.KindResource)
			if !ok || len(e.Groups) == 0 {
				t.Fatalf("the provider's table has no accepted groups for %s, the witness of %s", h.Witness, h.Product)
			}
			if h.Scope != "" && e.APIScope != h.Scope {
				t.Errorf("%s says %s is a %s product; %s calls the API in %s", h.Product, h.Product, h.Scope, h.Witness, e.APIScope)
			}
			accepted, present := map[string]bool{}, false
			for _, g := range e.Groups {
				accepted[g.ID] = g.Write
				_, ok := c.ByID(g.ID)
				present = present || ok
			}
			if !present {
				t.Skipf("this catalog (%s) has none of the groups %s accepts: a refresh removed them", c.AsOf(), h.Witness)
			}
			_, err := c.Resolve(h.Product+" Write", "")
			ce := catalog.AsError(err)
			if ce == nil || ce.Home == nil || len(ce.Suggestions) == 0 {
				t.Fatalf("%q gets %v; want the home's group", h.Product+" Write", err)
			}
			if write, ok := accepted[ce.Suggestions[0].Group.ID]; !ok || !write {
				t.Errorf("%q is answered with %q, which %s does not accept for writing (it accepts %v)", h.Product+" Write", ce.Suggestions[0].Group.Name, h.Witness, e.Groups)
			}
		})
	}
}
