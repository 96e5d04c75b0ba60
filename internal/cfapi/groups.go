package cfapi

import "github.com/cfperms/terraform-provider-cfperms/internal/catalog"

// CatalogGroups keeps what the catalog needs of a response: ids, names,
// scopes and categories. Descriptions are Cloudflare's prose and stay out.
func CatalogGroups(raw []PermissionGroup) []catalog.Group {
	groups := make([]catalog.Group, len(raw))
	for i, g := range raw {
		groups[i] = catalog.Group{ID: g.ID, Name: g.Name, ScopeKeys: g.Scopes, Category: g.Category}
	}
	return groups
}
