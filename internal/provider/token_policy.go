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
	if d, ok := v.(basetypes.DynamicValue); ok {
		if d.IsNull() || d.IsUnknown() || d.IsUnderlyingValueUnknown() {
			return nil, !d.IsUnknown() && !d.IsUnderlyingValueUnknown(), ""
		}
		v = d.UnderlyingValue()
	}
	entries, known, ok := entriesOf(v)
	if !ok {
		return nil, true, fmt.Sprintf("resources must be a map from resource key to \"*\" (or to a map of zone keys), not %s", v.Type(context.Background()))
	}
	if !known {
		return nil, false, ""
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch value := entries[k].(type) {
		case basetypes.StringValue:
			if value.IsUnknown() {
				return nil, false, ""
			}
			resources = append(resources, catalog.Resource{Key: k, Value: value.ValueString()})
		default:
			nested, nestedKnown, ok := entriesOf(value)
			if !ok {
				return nil, true, fmt.Sprintf("resources[%q] must be \"*\" or a map of zone keys to \"*\"", k)
			}
			if !nestedKnown {
				return nil, false, ""
			}
			r := catalog.Resource{Key: k, Nested: []string{}}
			for zk := range nested {
				r.Nested = append(r.Nested, zk)
			}
			sort.Strings(r.Nested)
			resources = append(resources, r)
		}
	}
	return resources, true, ""
}

// entriesOf reads the elements of an object or map value.
func entriesOf(v attr.Value) (entries map[string]attr.Value, known, ok bool) {
	switch m := v.(type) {
	case basetypes.ObjectValue:
		if m.IsUnknown() {
			return nil, false, true
		}
		return m.Attributes(), true, !m.IsNull()
	case basetypes.MapValue:
		if m.IsUnknown() {
			return nil, false, true
		}
		return m.Elements(), true, !m.IsNull()
	}
	return nil, true, false
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
