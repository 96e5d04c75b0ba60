package catalog

import (
	"slices"
	"strings"
)

// ProductHome is a product people name that has no permission group of its
// own, and the product whose groups Cloudflare's API asks for in its place:
// "Durable Objects Write" means Workers Scripts Write. Each is witnessed by
// a type of the Cloudflare provider whose accepted groups are the home's
// (a test in internal/needs holds them to that table).
type ProductHome struct {
	Product string   // as people write it: "Durable Objects"
	Also    []string // other names people use for it: "WARP Devices"
	Home    string   // the product words of the covering groups: "Workers Scripts"
	Witness string   // a Cloudflare provider type for the product
	// Scope is the scope ("zone", "account") the product's API calls are
	// made in, or "" for both: only the home's groups there are offered.
	Scope string
	// Groups are the names the errors offer for the product, read and
	// write (filled in by Catalog.ProductHomes).
	Groups []string
	// Named is the name the input used, Product or one of Also (filled in
	// in an error).
	Named string
}

// productHomes are the products with no group of their own. A home is
// offered as the first suggestion, never resolved to: the input named no
// group, and the home's groups may grant more than the product.
var productHomes = []ProductHome{
	{Product: "Durable Objects", Home: "Workers Scripts", Witness: "cloudflare_workers_script", Scope: "account"},
	{Product: "Cron Triggers", Home: "Workers Scripts", Witness: "cloudflare_workers_cron_trigger", Scope: "account"},
	{Product: "Cloudflare Gateway", Home: "Zero Trust", Witness: "cloudflare_zero_trust_gateway_pacfile", Scope: "account"},
	{Product: "Devices", Also: []string{"WARP Devices", "WARP Clients"}, Home: "Zero Trust", Witness: "cloudflare_zero_trust_device_settings", Scope: "account"},
	{Product: "Spectrum", Home: "Zone Settings", Witness: "cloudflare_spectrum_application", Scope: "zone"},
	{Product: "Argo Smart Routing", Home: "Zone Settings", Witness: "cloudflare_argo_smart_routing", Scope: "zone"},
	{Product: "Custom Hostnames", Also: []string{"Cloudflare for SaaS"}, Home: "SSL and Certificates", Witness: "cloudflare_custom_hostname", Scope: "zone"},
	{Product: "API Shield", Home: "API Gateway", Witness: "cloudflare_api_shield"},
	{Product: "Bot Fight Mode", Also: []string{"Super Bot Fight Mode"}, Home: "Bot Management", Witness: "cloudflare_bot_management", Scope: "zone"},
	// Products renamed while their groups kept the old name.
	{Product: "Client-side Security", Home: "Domain Page Shield", Witness: "cloudflare_page_shield_policy", Scope: "zone"},
	{Product: "Area 1", Also: []string{"Email Security"}, Home: "Cloud Email Security", Witness: "cloudflare_email_security_block_sender", Scope: "account"},
	{Product: "Rate Limiting", Also: []string{"Rate Limits"}, Home: "Firewall Services", Witness: "cloudflare_rate_limit", Scope: "zone"},
}

// ProductHomes lists the products this catalog has no group for, each with
// the product whose groups cover it (the guide lists them).
func (c *Catalog) ProductHomes() []ProductHome {
	c.suggestOnce.Do(c.buildSuggestions)
	out := make([]ProductHome, len(c.homes))
	for i, h := range c.homes {
		out[i] = h.ProductHome
		out[i].Groups = c.homeGroups(h.Product)
	}
	return out
}

// homeGroups are the API names suggestions offer for a product's name,
// read and write: the guide lists what the errors offer.
func (c *Catalog) homeGroups(product string) []string {
	var out []string
	for _, level := range []string{" Read", " Write"} {
		for _, cd := range c.suggestIn(normalize(product+level), "") {
			if !slices.Contains(out, cd.Group.Name) {
				out = append(out, cd.Group.Name)
			}
		}
	}
	return out
}

// home is a ProductHome read into words, as the suggestions compare them.
type home struct {
	ProductHome
	products [][]string // the words of Product and of each of Also
	covering []string
}

// names are Product and Also, in the order of products.
func (h *home) names() []string { return append([]string{h.Product}, h.Also...) }

// buildHomes keeps the homes of products this catalog has no group for:
// once Cloudflare adds a group named for the product (a refresh or the
// live list), its name is the answer and the home stands aside.
func (c *Catalog) buildHomes() {
	c.homes = nil
	for _, h := range productHomes {
		_, product := inputWords(normalize(h.Product))
		if c.hasGroupNamedFor(product) {
			continue
		}
		_, covering, _ := nameWords(normalize(h.Home))
		products := [][]string{product}
		for _, a := range h.Also {
			_, words := inputWords(normalize(a))
			products = append(products, words)
		}
		c.homes = append(c.homes, home{ProductHome: h, products: products, covering: covering})
	}
}

// hasGroupNamedFor: some suggestible name's product words start with words.
func (c *Catalog) hasGroupNamedFor(words []string) bool {
	for _, e := range c.suggestible[""] {
		if len(e.words) >= len(words) && slices.Equal(e.words[:len(words)], words) {
			return true
		}
	}
	return false
}

// homeFor finds the home of the product an input's words name: the
// product's words, misspelt or not, after any of the home's own words
// ("Zero Trust Gateway"). exact is false when more words follow, which may
// name a part of the product ("Spectrum Applications") or a group that
// holds the word ("Device Posture"): such a home is only a fallback.
func (c *Catalog) homeFor(words []string) (h *home, exact bool) {
	for i := range c.homes {
		h := &c.homes[i]
		for j, product := range h.products {
			// The product's words, after none or some of the home's own
			// ("Bot Fight Mode" starts with a word of "Bot Management").
			for rest := words; ; rest = rest[1:] {
				if len(rest) >= len(product) && wordsMatch(rest[:len(product)], product) {
					found := *h
					found.Named = h.names()[j]
					return &found, len(rest) == len(product)
				}
				if len(rest) == 0 || !slices.Contains(h.covering, rest[0]) {
					break
				}
			}
		}
	}
	return nil, false
}

// wordsMatch: each word names the other list's word at its place, as a
// name's words are matched for suggestions (a plural, a misspelling).
func wordsMatch(words, want []string) bool {
	for i, w := range words {
		if wordMatch(w, want[i], letterMask(w), letterMask(want[i])) == 0 {
			return false
		}
	}
	return true
}

// sentence says why a home's group is offered for a product's name.
func (h ProductHome) sentence() string {
	named := h.Named
	if named == "" {
		named = h.Product
	}
	return "No permission group is named for " + named + ": Cloudflare's API asks for the " +
		strings.TrimSpace(h.Home) + " groups there."
}
