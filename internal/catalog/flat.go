package catalog

import "slices"

// FlatPermissions is the flat `permissions` map of the Cloudflare provider
// v4's cloudflare_api_token_permission_groups: every group's API name to its
// id, whatever its scope. A name that two groups share in different scopes
// (Logs Write) cannot be one key, so it is left out, and listed, sorted, in
// shared: those need a scope map or a qualified name.
func (c *Catalog) FlatPermissions() (byName map[string]string, shared []string) {
	ids := make(map[string]string, len(c.groups))
	clash := map[string]bool{}
	for _, g := range c.groups {
		if id, seen := ids[g.Name]; seen && id != g.ID {
			clash[g.Name] = true
			continue
		}
		ids[g.Name] = g.ID
	}
	for name := range clash {
		delete(ids, name)
		shared = append(shared, name)
	}
	slices.Sort(shared)
	return ids, shared
}
