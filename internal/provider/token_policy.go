package provider

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// Shared by the cfperms_token_policy data source and the token_policy
// function: reading the resources value and shaping the Cloudflare v5 policy.

var (
	idObjectAttrTypes = map[string]attr.Type{"id": types.StringType}
	idObjectType      = types.ObjectType{AttrTypes: idObjectAttrTypes}
	policyAttrTypes   = map[string]attr.Type{
		"effect":            types.StringType,
		"permission_groups": types.ListType{ElemType: idObjectType},
		"resources":         types.StringType,
	}
)

// resourcesFrom reads a resources value: a map or object whose values are
// "*" or, for the account-nested form, maps of zone keys. known is false when
// any part is unknown yet.
func resourcesFrom(v attr.Value) (resources []catalog.Resource, known bool, problem string) {
	v, known = underlying(v)
	if !known {
		return nil, false, ""
	}
	if v.IsNull() {
		return nil, true, ""
	}
	entries, ok := entriesOf(v)
	if !ok {
		return nil, true, fmt.Sprintf("resources must be a map from resource key to \"*\" (or to a map of zone keys), not %s", v.Type(context.Background()))
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		value, known := underlying(entries[k])
		if !known {
			return nil, false, ""
		}
		switch value := value.(type) {
		case basetypes.StringValue:
			resources = append(resources, catalog.Resource{Key: k, Value: value.ValueString()})
		default:
			nested, ok := entriesOf(value)
			if !ok {
				return nil, true, fmt.Sprintf("resources[%q] must be \"*\" or a map of zone keys to \"*\"", k)
			}
			r := catalog.Resource{Key: k, Nested: make([]string, 0, len(nested))}
			for zk := range nested {
				r.Nested = append(r.Nested, zk)
			}
			sort.Strings(r.Nested)
			for _, zk := range r.Nested {
				zv, known := underlying(nested[zk])
				if !known {
					return nil, false, ""
				}
				if star, ok := zv.(basetypes.StringValue); !ok || star.IsNull() || star.ValueString() != "*" {
					return nil, true, fmt.Sprintf("resources[%q][%q] must be \"*\": in the account-nested form every zone key maps to \"*\"", k, zk)
				}
			}
			resources = append(resources, r)
		}
	}
	return resources, true, ""
}

// underlying unwraps a dynamic value, which is what an element of a dynamic
// attribute or argument holds when Terraform cannot type it yet, such as a
// value known only after apply.
func underlying(v attr.Value) (attr.Value, bool) {
	if d, ok := v.(basetypes.DynamicValue); ok {
		if d.IsUnknown() || d.IsUnderlyingValueUnknown() {
			return nil, false
		}
		if !d.IsNull() {
			return d.UnderlyingValue(), true
		}
	}
	return v, !v.IsUnknown()
}

// entriesOf reads the elements of a known object or map value.
func entriesOf(v attr.Value) (entries map[string]attr.Value, ok bool) {
	switch m := v.(type) {
	case basetypes.ObjectValue:
		return m.Attributes(), !m.IsNull()
	case basetypes.MapValue:
		return m.Elements(), !m.IsNull()
	}
	return nil, false
}

// policyValues shapes a checked policy for the Cloudflare provider v5:
// permission_groups as [{ id }], resources as the JSON string it takes.
func policyValues(effect string, res catalog.PolicyResult, resources []catalog.Resource) (groups types.List, ids types.List, resourcesJSON string, policy types.Object) {
	idValues := make([]attr.Value, len(res.Groups))
	objects := make([]attr.Value, len(res.Groups))
	for i, g := range res.Groups {
		idValues[i] = types.StringValue(g.ID)
		objects[i] = types.ObjectValueMust(idObjectAttrTypes, map[string]attr.Value{"id": idValues[i]})
	}
	groups = types.ListValueMust(idObjectType, objects)
	ids = types.ListValueMust(types.StringType, idValues)
	resourcesJSON = catalog.ResourcesJSON(resources)
	policy = types.ObjectValueMust(policyAttrTypes, map[string]attr.Value{
		"effect":            types.StringValue(effect),
		"permission_groups": groups,
		"resources":         types.StringValue(resourcesJSON),
	})
	return groups, ids, resourcesJSON, policy
}
