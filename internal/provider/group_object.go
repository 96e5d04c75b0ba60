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

// groupAttrTypes is the object every data source uses for one group.
var groupAttrTypes = map[string]attr.Type{
	"id":        types.StringType,
	"api_name":  types.StringType,
	"scope":     types.StringType,
	"scope_key": types.StringType,
	"access":    types.StringType,
}

var groupObjectType = types.ObjectType{AttrTypes: groupAttrTypes}

// groupObject is groupValue for the framework's typed values, so the
// attributes of a group are written down once.
func groupObject(g catalog.Group, scopeKey string) types.Object {
	v, err := groupObjectType.ValueFromTerraform(context.Background(), groupValue(g, scopeKey))
	if err != nil {
		panic(fmt.Sprintf("groupObjectType and groupTFType disagree: %v", err)) // a bug, caught by every test
	}
	return v.(types.Object) //nolint:forcetypeassert // ObjectType always yields an Object
}

// groupTFType and groupValue build a group as raw Terraform values, for data
// sources that build large states without reflection.
var groupTFType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
	"id": tftypes.String, "api_name": tftypes.String, "scope": tftypes.String, "scope_key": tftypes.String, "access": tftypes.String,
}}

// groupValue is a group as a Terraform object. An id the catalog lacks
// (passed through, with no name) has only its id: nothing else is known.
func groupValue(g catalog.Group, scopeKey string) tftypes.Value {
	if g.Name == "" {
		unknown := tftypes.NewValue(tftypes.String, nil)
		return tftypes.NewValue(groupTFType, map[string]tftypes.Value{
			"id": tftypes.NewValue(tftypes.String, g.ID), "api_name": unknown, "scope": unknown, "scope_key": unknown, "access": unknown,
		})
	}
	return tftypes.NewValue(groupTFType, map[string]tftypes.Value{
		"id":        tftypes.NewValue(tftypes.String, g.ID),
		"api_name":  tftypes.NewValue(tftypes.String, g.Name),
		"scope":     tftypes.NewValue(tftypes.String, catalog.ShortScope(scopeKey)),
		"scope_key": tftypes.NewValue(tftypes.String, scopeKey),
		"access":    tftypes.NewValue(tftypes.String, string(g.Access())),
	})
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
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":        schema.StringAttribute{Computed: true, MarkdownDescription: "Permission group id."},
			"api_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "The group's name in the Cloudflare API."},
			"scope":     schema.StringAttribute{Computed: true, MarkdownDescription: "Short scope: `user`, `account`, `zone` or `r2`."},
			"scope_key": schema.StringAttribute{Computed: true, MarkdownDescription: "Full scope key, such as `com.cloudflare.api.account.zone`."},
			"access":    schema.StringAttribute{Computed: true, MarkdownDescription: "`read`, `write` or `other`, derived from the name."},
		}},
	}
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
const scopeDescription = "Scope to look in: `user`, `account`, `zone`, `r2`, or a full scope key such as " +
	"`com.cloudflare.api.account.zone`. Needed only for names that exist in more than one scope, " +
	"such as `Logs Write`; a qualified name such as `Zone > Logs > Edit` carries its own scope."
