package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// Shared by the cfperms_token_policy data source and the token_policy
// function: reading the arguments into a catalog.Policy, and shaping the
// checked policy for the Cloudflare provider v5.

var (
	idObjectAttrTypes = map[string]attr.Type{"id": types.StringType}
	idObjectType      = types.ObjectType{AttrTypes: idObjectAttrTypes}
	// policyAttrTypes is a policy as the Cloudflare provider 5.13 and later
	// take it: resources as a JSON string.
	policyAttrTypes = map[string]attr.Type{
		"effect":            types.StringType,
		"permission_groups": types.ListType{ElemType: idObjectType},
		"resources":         types.StringType,
	}
	// policyMapAttrTypes is a policy as the Cloudflare provider 5.0 to 5.12
	// take it: resources as a map.
	policyMapAttrTypes = map[string]attr.Type{
		"effect":            types.StringType,
		"permission_groups": types.ListType{ElemType: idObjectType},
		"resources":         types.DynamicType,
	}
)

// permissionsFrom reads the permissions list into p, marking what is
// unknown. It returns the indexes of null elements, which are errors.
func permissionsFrom(list []types.String, known bool, p *catalog.Policy) (nulls []int) {
	if !known {
		p.Unknown.Permissions = true
		return nil
	}
	p.Permissions = make([]string, len(list))
	for i, v := range list {
		switch {
		case v.IsUnknown():
			p.Unknown.Elements = append(p.Unknown.Elements, i)
		case v.IsNull():
			nulls = append(nulls, i)
			p.Unknown.Elements = append(p.Unknown.Elements, i) // reported on its own, not checked again
		default:
			p.Permissions[i] = v.ValueString()
		}
	}
	return nulls
}

// resourcesFrom reads the resources argument into p: a map or object, or its
// JSON string. A value not known yet marks the resources unknown; one of the
// wrong shape is an error in plain words.
func resourcesFrom(v attr.Value, p *catalog.Policy) error {
	plain := goValue(v)
	if catalog.HasUnknown(plain) {
		p.Unknown.Resources = true
		return nil
	}
	resources, err := catalog.ParseResources(plain)
	p.Resources = resources
	return err
}

// policyShapes is a checked policy in the shapes the Cloudflare provider v5
// takes.
type policyShapes struct {
	groups, ids   types.List
	resourcesJSON types.String  // 5.13 and later
	resourcesMap  types.Dynamic // 5.0 to 5.12
	policy        types.Object  // 5.13 and later
	policyMap     types.Object  // 5.0 to 5.12
	// The same policies as lists of one, which Terraform passes to a
	// token's policies as one value.
	policies    types.List    // 5.13 and later
	policiesMap types.Dynamic // 5.0 to 5.12
}

// shapePolicy shapes a checked policy: permission_groups as [{ id }],
// resources as a JSON string (5.13+) and as a map (5.0-5.12).
func shapePolicy(p catalog.Policy, res catalog.PolicyResult) policyShapes {
	idValues := make([]attr.Value, len(res.Groups))
	objects := make([]attr.Value, len(res.Groups))
	for i, g := range res.Groups {
		idValues[i] = types.StringValue(g.ID)
		objects[i] = types.ObjectValueMust(idObjectAttrTypes, map[string]attr.Value{"id": idValues[i]})
	}
	s := policyShapes{
		groups:        types.ListValueMust(idObjectType, objects),
		ids:           types.ListValueMust(types.StringType, idValues),
		resourcesJSON: types.StringValue(catalog.ResourcesJSON(p.Resources)),
		resourcesMap:  types.DynamicValue(resourcesMapValue(p.Resources)),
	}
	effect := types.StringValue(p.EffectiveEffect())
	s.policy = types.ObjectValueMust(policyAttrTypes, map[string]attr.Value{
		"effect": effect, "permission_groups": s.groups, "resources": s.resourcesJSON,
	})
	mapResources := s.resourcesMap.UnderlyingValue()
	s.policyMap = types.ObjectValueMust(policyMapAttrTypes, map[string]attr.Value{
		"effect": effect, "permission_groups": s.groups, "resources": s.resourcesMap,
	})
	s.policies = types.ListValueMust(types.ObjectType{AttrTypes: policyAttrTypes}, []attr.Value{s.policy})
	// Inside a list a policy's type is exact: resources a map of strings, or
	// for the nested form the object that value is.
	exact := map[string]attr.Type{"effect": types.StringType, "permission_groups": types.ListType{ElemType: idObjectType}, "resources": mapResources.Type(context.Background())}
	element := types.ObjectValueMust(exact, map[string]attr.Value{"effect": effect, "permission_groups": s.groups, "resources": mapResources})
	s.policiesMap = types.DynamicValue(types.ListValueMust(types.ObjectType{AttrTypes: exact}, []attr.Value{element}))
	return s
}

// resourcesMapValue is resources as a Terraform map of strings, or, for the
// account-nested form (which a map of strings cannot hold), an object.
func resourcesMapValue(resources []catalog.Resource) attr.Value {
	values := make(map[string]attr.Value, len(resources))
	kinds := make(map[string]attr.Type, len(resources))
	for _, r := range resources {
		if r.Nested != nil {
			values[r.Key] = resourcesMapValue(r.Nested)
		} else {
			values[r.Key] = types.StringValue(r.Value)
		}
		kinds[r.Key] = values[r.Key].Type(context.Background())
	}
	if !catalog.Nested(resources) {
		return types.MapValueMust(types.StringType, values)
	}
	return types.ObjectValueMust(kinds, values)
}
