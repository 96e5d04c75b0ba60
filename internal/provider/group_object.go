package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// groupField is one attribute of the group object.
type groupField struct {
	name        string
	description string
	value       func(g catalog.Group, scopeKey string) string
}

// groupFields is the group object every data source and function returns,
// written down once: its schema, its framework and raw types and its values
// are all derived from this list.
var groupFields = []groupField{
	{"id", "Permission group id.", func(g catalog.Group, _ string) string { return g.ID }},
	{"api_name", "The group's name in the Cloudflare API.", func(g catalog.Group, _ string) string { return g.Name }},
	{"scope", "Short scope: " + shortScopeList() + ", or the full scope key of a scope without a short name.",
		func(_ catalog.Group, scopeKey string) string { return catalog.ShortScope(scopeKey) }},
	{"scope_key", "Full scope key, such as `com.cloudflare.api.account.zone`.", func(_ catalog.Group, scopeKey string) string { return scopeKey }},
	{"access", "`read`, `write` or `other`, derived from the name.", func(g catalog.Group, _ string) string { return string(g.Access()) }},
	{"category", "Cloudflare's category key, such as `developer_platform`: the heading the dashboard's token page files " +
		"the group under (see `cfperms_catalog.categories` for the headings). Empty when Cloudflare gives the group none.",
		func(g catalog.Group, _ string) string { return g.Category }},
}

// groupAttrTypes is the group object's attribute types for the framework.
var groupAttrTypes = func() map[string]attr.Type {
	out := make(map[string]attr.Type, len(groupFields))
	for _, f := range groupFields {
		out[f.name] = types.StringType
	}
	return out
}()

var groupObjectType = types.ObjectType{AttrTypes: groupAttrTypes}

// groupTFType is the same object as a raw Terraform type, for data sources
// that build large states without reflection.
var groupTFType = tftypes.Object{AttributeTypes: func() map[string]tftypes.Type {
	out := make(map[string]tftypes.Type, len(groupFields))
	for _, f := range groupFields {
		out[f.name] = tftypes.String
	}
	return out
}()}

// groupObject is groupValue for the framework's typed values.
func groupObject(g catalog.Group, scopeKey string) types.Object {
	v, err := groupObjectType.ValueFromTerraform(context.Background(), groupValue(g, scopeKey))
	if err != nil {
		panic(fmt.Sprintf("groupObjectType and groupTFType disagree: %v", err)) // a bug, caught by every test
	}
	return v.(types.Object) //nolint:forcetypeassert // ObjectType always yields an Object
}

// groupValue is one group as a raw Terraform value. An id the catalog lacks
// (passed through, with no name) has only its id: nothing else is known.
func groupValue(g catalog.Group, scopeKey string) tftypes.Value {
	values := make(map[string]tftypes.Value, len(groupFields))
	for _, f := range groupFields {
		v := tftypes.NewValue(tftypes.String, nil)
		if g.Name != "" || f.name == "id" {
			v = tftypes.NewValue(tftypes.String, f.value(g, scopeKey))
		}
		values[f.name] = v
	}
	return tftypes.NewValue(groupTFType, values)
}

// rawString reads a string value; null reads as "".
func rawString(v tftypes.Value) string {
	var s string
	if !v.IsNull() && v.IsKnown() {
		_ = v.As(&s)
	}
	return s
}

// groupsAttribute documents a computed list of group objects.
func groupsAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: groupFieldAttributes()},
	}
}

// groupFieldAttributes is the group object's schema, computed attributes.
func groupFieldAttributes() map[string]schema.Attribute {
	attrs := make(map[string]schema.Attribute, len(groupFields))
	for _, f := range groupFields {
		attrs[f.name] = schema.StringAttribute{Computed: true, MarkdownDescription: f.description}
	}
	return attrs
}

// groupFieldNames lists the group object's attributes, for descriptions.
func groupFieldNames() string {
	names := make([]string, len(groupFields))
	for i, f := range groupFields {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// shortScopeList documents the short scope words, from the catalog.
func shortScopeList() string {
	names := catalog.ShortScopeNames()
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "`" + n + "`"
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// addCatalogError attaches a catalog error to the attribute it is about:
// scope problems to the scope, everything else to the name.
func addCatalogError(diags *diag.Diagnostics, err error, namePath, scopePath path.Path) {
	e := catalog.AsError(err)
	at := namePath
	if e.Kind == catalog.ErrUnknownScope || e.Kind == catalog.ErrBlankScope {
		at = scopePath
	}
	diags.AddAttributeError(at, e.Summary(), e.Error())
}

// matchKinds documents matched_by values.
func matchKinds() string {
	parts := make([]string, len(catalog.MatchKinds))
	for i, k := range catalog.MatchKinds {
		parts[i] = fmt.Sprintf("`%s`", k)
	}
	return strings.Join(parts, ", ")
}

// scopeDescription documents every scope argument the same way.
var scopeDescription = "Scope to look in: " + shortScopeList() + ", or a full scope key such as " +
	"`com.cloudflare.api.account.zone` (any scope of the catalog, including ones without a short name). Needed only for names that exist in more than one scope, " +
	"such as `Logs Write`; a qualified name such as `Zone > Logs > Edit` carries its own scope."
