package catalog

import (
	"strings"
	"testing"
)

// TestProductsWithoutAGroupOfferTheirHome: a name for a product with no
// group of its own (however it is spelt, with the home's words before it or
// a part after it, in a scope or not) is refused, with the home's groups of
// the access asked for and a sentence saying why. Names here are the inputs
// people write, never group names, so a refresh changes nothing.
func TestProductsWithoutAGroupOfferTheirHome(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		input, scope string
		product      string // the ProductHome meant
		access       string
	}{
		{input: "Workers Durable Object Edit", product: "Durable Objects", access: "write"},
		{input: "durable_objects:read", product: "Durable Objects", access: "read"},
		{input: "Cron Trigger — Write", product: "Cron Triggers", access: "write"},
		{input: "Gatway Read", product: "Cloudflare Gateway", access: "read"},
		{input: "Zero Trust Gateway Rules Edit", scope: "zone", product: "Cloudflare Gateway", access: "write"},
		{input: "Account > Gateway > Read", product: "Cloudflare Gateway", access: "read"},
		{input: "Spectrum Apps Read", scope: "zone", product: "Spectrum", access: "read"},
		{input: "Argo Smart Routing Edit", scope: "account", product: "Argo Smart Routing", access: "write"},
		{input: "Custom Hostname Edit", scope: "zone", product: "Custom Hostnames", access: "write"},
		{input: "Device Read", product: "Devices", access: "read"},
		{input: "WARP Client Edit", product: "Devices", access: "write"},           // another name of the product
		{input: "Bot Fight Mode: Read", product: "Bot Fight Mode", access: "read"}, // starts with a word of its home
		{input: "API Shield Write", scope: "zone", product: "API Shield", access: "write"},
		{input: "Rate Limit Read", product: "Rate Limiting", access: "read"},
		{input: "Zone > Client side security > Edit", product: "Client-side Security", access: "write"}, // renamed, its groups not
		{input: "Area 1: Read", product: "Area 1", access: "read"},
		{input: "Super Bot Fight Mode Write", scope: "zone", product: "Bot Fight Mode", access: "write"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			t.Parallel()
			_, err := c.Resolve(tt.input, tt.scope)
			e := AsError(err)
			if e == nil || e.Kind != ErrUnknownName || e.Home == nil || e.Home.Product != tt.product {
				t.Fatalf("Resolve(%q, %q) = %v; want a miss that names the home of %s", tt.input, tt.scope, err, tt.product)
			}
			for _, s := range e.Suggestions {
				// A name with no access word ("Domain API Gateway") is the home's
				// write group.
				access, _, _ := nameWords(normalize(s.Group.Name))
				if access != tt.access && (access != "" || tt.access != "write") || !strings.Contains(normalize(s.Group.Name), normalize(e.Home.Home)) {
					t.Errorf("offers %q: want only the %s groups that %s", s.Group.Name, e.Home.Home, tt.access)
				}
			}
			if len(e.Suggestions) == 0 || e.Typo || !strings.HasSuffix(e.Error(), e.Home.sentence()) {
				t.Errorf("Resolve(%q) says %q; want the home's groups, then why", tt.input, e.Error())
			}
		})
	}
}

// TestAHomeStandsAsideForTheProductsOwnGroup: words that a group's name
// holds are that group's, not a home's; and once Cloudflare adds a group
// named for the product, the product's name is the answer.
func TestAHomeStandsAsideForTheProductsOwnGroup(t *testing.T) {
	t.Parallel()
	_, err := Default().Resolve("Device Posture Write", "")
	if e := AsError(err); e == nil || e.Home != nil || len(e.Suggestions) == 0 || !strings.Contains(e.Suggestions[0].Group.Name, "Device Posture") {
		t.Errorf("Resolve(%q) = %v; want the group that holds both words, and no home", "Device Posture Write", err)
	}
	snap := Snapshot{AsOf: Default().AsOf(), Groups: append(Default().Groups(), Group{ID: strings.Repeat("ab", 16), Name: "Spectrum Applications Write", ScopeKeys: []string{"com.cloudflare.api.account.zone"}})}
	_, err = New(snap).Resolve("Spectrum Write", "")
	if e := AsError(err); e == nil || e.Home != nil || len(e.Suggestions) == 0 || e.Suggestions[0].Group.Name != "Spectrum Applications Write" {
		t.Errorf("with a Spectrum group, Resolve(%q) = %v; want that group first, and no home", "Spectrum Write", err)
	}
}
