package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var _ datasource.DataSource = &permissionGroupsDataSource{}

type permissionGroupsDataSource struct{}

// NewPermissionGroupsDataSource resolves many names at once, or filters the catalog.
func NewPermissionGroupsDataSource() datasource.DataSource { return &permissionGroupsDataSource{} }

type permissionGroupsModel struct {
	Names     types.List   `tfsdk:"names"`
	Scope     types.String `tfsdk:"scope"`
	Access    types.String `tfsdk:"access"`
	NameRegex types.String `tfsdk:"name_regex"`
	IDs       types.List   `tfsdk:"ids"`
	Groups    types.List   `tfsdk:"groups"`
	ByName    types.Map    `tfsdk:"by_name"`
}

func (d *permissionGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_permission_groups"
}

func (d *permissionGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves a list of permission names to ids in one read, keeping their order, " +
			"or selects groups from the catalog by `scope`, `access` and `name_regex`. " +
			"Every bad name is reported at once, each against its element of `names`.",
		Attributes: map[string]schema.Attribute{
			"names": schema.ListAttribute{
				MarkdownDescription: "Permission names to resolve, in any form `cfperms_permission_group` accepts. " +
					"Order and duplicates are kept in `ids` and `groups`. Conflicts with `access` and `name_regex`.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.List{
					listvalidator.ConflictsWith(path.MatchRoot("access"), path.MatchRoot("name_regex")),
					listvalidator.ValueStringsAre(validators.PermissionName(path.MatchRoot("scope"))),
				},
			},
			"scope": schema.StringAttribute{
				MarkdownDescription: scopeDescription + " Without `names`, selects the groups of that scope.",
				Optional:            true,
				Validators:          []validator.String{validators.Scope()},
			},
			"access": schema.StringAttribute{
				MarkdownDescription: "Select groups by access: `read`, `write` or `other` (derived from the group's name).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(catalog.Accesses...)},
			},
			"name_regex": schema.StringAttribute{
				MarkdownDescription: "Select groups whose API name matches this [RE2](https://github.com/google/re2/wiki/Syntax) regular expression.",
				Optional:            true,
				Validators:          []validator.String{validators.Regexp()},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "Permission group ids: in the order of `names`, or sorted by API name for filters.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"groups": groupsAttribute("The groups, in the same order as `ids`."),
			"by_name": schema.MapAttribute{
				MarkdownDescription: "Map from each input name to its id. For filters, keyed by API name; a name that " +
					"exists in several selected scopes is keyed by its qualified form, such as `Zone > Logs Write`.",
				ElementType: types.StringType,
				Computed:    true,
			},
		},
	}
}

func (d *permissionGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data permissionGroupsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := catalog.Default()

	var groups []catalog.Group
	var scopeKeys, keys []string
	if !data.Names.IsNull() {
		var names []types.String
		resp.Diagnostics.Append(data.Names.ElementsAs(ctx, &names, false)...)
		if resp.Diagnostics.HasError() {
			return
		}
		for i, name := range names {
			at := path.Root("names").AtListIndex(i)
			if name.IsNull() {
				resp.Diagnostics.AddAttributeError(at, "Null permission name",
					fmt.Sprintf("names[%d] is null. Remove the element or give it a permission name.", i))
				continue
			}
			m, err := c.Resolve(name.ValueString(), data.Scope.ValueString())
			if err != nil {
				e := catalog.AsError(err)
				if e.Kind == catalog.ErrUnknownScope || e.Kind == catalog.ErrBlankScope {
					addCatalogError(&resp.Diagnostics, err, at, path.Root("scope"))
					return
				}
				resp.Diagnostics.AddAttributeError(at, e.Summary(), fmt.Sprintf("names[%d]: %s", i, e.Error()))
				continue
			}
			if w := m.Warning(); w != "" {
				resp.Diagnostics.AddAttributeWarning(at, "Permission name is not the API name", fmt.Sprintf("names[%d]: %s", i, w))
			}
			groups = append(groups, m.Group)
			scopeKeys = append(scopeKeys, m.ScopeKey)
			keys = append(keys, name.ValueString())
		}
		if resp.Diagnostics.HasError() {
			return
		}
	} else {
		var ok bool
		if groups, scopeKeys, keys, ok = d.filter(c, &data, resp); !ok {
			return
		}
	}

	ids := make([]attr.Value, len(groups))
	objects := make([]attr.Value, len(groups))
	byName := make(map[string]attr.Value, len(groups))
	for i, g := range groups {
		ids[i] = types.StringValue(g.ID)
		objects[i] = groupObject(g, scopeKeys[i])
		byName[keys[i]] = types.StringValue(g.ID)
	}
	data.IDs = types.ListValueMust(types.StringType, ids)
	data.Groups = types.ListValueMust(groupObjectType, objects)
	data.ByName = types.MapValueMust(types.StringType, byName)
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// filter selects groups; a filter that selects nothing is an error, since an
// empty list would mint a token with no permissions.
func (d *permissionGroupsDataSource) filter(c *catalog.Catalog, data *permissionGroupsModel, resp *datasource.ReadResponse) (groups []catalog.Group, scopeKeys, keys []string, ok bool) {
	var f catalog.Filter
	var err error
	if f.ScopeKey, err = c.ParseScope(data.Scope.ValueString()); err != nil {
		addCatalogError(&resp.Diagnostics, err, path.Root("scope"), path.Root("scope"))
		return nil, nil, nil, false
	}
	if !data.Access.IsNull() {
		f.Access, _ = catalog.ParseAccess(data.Access.ValueString())
	}
	if !data.NameRegex.IsNull() {
		if f.NameRegex, err = regexp.Compile(data.NameRegex.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
			return nil, nil, nil, false
		}
	}
	groups = c.List(f)
	if len(groups) == 0 {
		resp.Diagnostics.AddError("No permission group matches the filters",
			fmt.Sprintf("No group of the catalog (%s) matches %s. Loosen the filters, or list the names you want in `names`.",
				c.AsOf(), describeFilter(data)))
		return nil, nil, nil, false
	}
	count := map[string]int{}
	for _, g := range groups {
		count[g.Name]++
	}
	for _, g := range groups {
		key := g.ScopeKey()
		if f.ScopeKey != "" {
			key = f.ScopeKey
		}
		scopeKeys = append(scopeKeys, key)
		name := g.Name
		if count[g.Name] > 1 {
			name = catalog.ScopeTitle(key) + " > " + g.Name
		}
		keys = append(keys, name)
	}
	return groups, scopeKeys, keys, true
}

func describeFilter(data *permissionGroupsModel) string {
	var parts []string
	for _, p := range []struct {
		name  string
		value types.String
	}{{"scope", data.Scope}, {"access", data.Access}, {"name_regex", data.NameRegex}} {
		if !p.value.IsNull() {
			parts = append(parts, fmt.Sprintf("%s = %q", p.name, p.value.ValueString()))
		}
	}
	if len(parts) == 0 {
		return "no filter"
	}
	return strings.Join(parts, ", ")
}
