package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var (
	_ datasource.DataSource              = &catalogDataSource{}
	_ datasource.DataSourceWithConfigure = &catalogDataSource{}
)

type catalogDataSource struct {
	configuredCatalog
}

// newCatalogDataSource exposes the whole catalog in the shape of the
// Cloudflare provider v4's cloudflare_api_token_permission_groups.
func newCatalogDataSource() datasource.DataSource {
	return &catalogDataSource{}
}

type catalogModel struct {
	User       types.Map    `tfsdk:"user"`
	Account    types.Map    `tfsdk:"account"`
	Zone       types.Map    `tfsdk:"zone"`
	R2         types.Map    `tfsdk:"r2"`
	Groups     types.List   `tfsdk:"groups"`
	Counts     types.Map    `tfsdk:"counts"`
	Categories types.Map    `tfsdk:"categories"`
	AsOf       types.String `tfsdk:"as_of"`
	Total      types.Int64  `tfsdk:"total"`
	Source     types.String `tfsdk:"source"`
	Added      types.List   `tfsdk:"added"`
	Removed    types.List   `tfsdk:"removed"`
	Renamed    types.List   `tfsdk:"renamed"`

	// Permissions is the v4 data source's flat map across every scope.
	Permissions types.Map `tfsdk:"permissions"`
}

var renameAttrTypes = map[string]attr.Type{
	"id": types.StringType, "scope": types.StringType, "from": types.StringType, "to": types.StringType,
}

func (d *catalogDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_catalog"
}

func scopeMapAttribute(scope string) schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: "Map from API name to id of every " + scope + " permission group.",
		ElementType:         types.StringType,
		Computed:            true,
	}
}

func (d *catalogDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The whole embedded catalog. The maps `user`, `account`, `zone`, `r2` and `permissions` have the " +
			"shape of the Cloudflare provider v4 data source `cloudflare_api_token_permission_groups`, so moving off it is a rename. " +
			"Map lookups do no typo checking: prefer `cfperms_permission_group(s)` for names you write by hand.",
		Attributes: map[string]schema.Attribute{
			"user":    scopeMapAttribute("user (`com.cloudflare.api.user`)"),
			"account": scopeMapAttribute("account (`com.cloudflare.api.account`)"),
			"zone":    scopeMapAttribute("zone (`com.cloudflare.api.account.zone`)"),
			"r2":      scopeMapAttribute("R2 bucket (`com.cloudflare.edge.r2.bucket`)"),
			"groups":  groupsAttribute("Every group of the catalog, sorted by scope key then name, including scopes newer than this provider knows by name."),
			"categories": schema.MapAttribute{
				MarkdownDescription: "Map from each category key (`developer_platform`) to the heading the dashboard's token page " +
					"shows for it (`Developer Platform`): Cloudflare's headings where seen, otherwise the key's words with " +
					"`and` as `&` and acronyms in capitals. Filter by a key with `cfperms_permission_groups`' `category`.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"counts": schema.MapAttribute{
				MarkdownDescription: "Number of groups per short scope (a scope without a short name is keyed by its scope key).",
				ElementType:         types.Int64Type,
				Computed:            true,
			},
			"as_of": schema.StringAttribute{MarkdownDescription: "Date of the catalog snapshot (`YYYY-MM-DD`).", Computed: true},
			"total": schema.Int64Attribute{MarkdownDescription: "Number of groups in the catalog.", Computed: true},
			"source": schema.StringAttribute{MarkdownDescription: "Where the catalog came from: `embedded`, or `live` when the " +
				"provider's `live_catalog` fetched Cloudflare's list (then `as_of` is the day of the fetch).", Computed: true},
			"added":   groupsAttribute("In live mode, the groups the live list has and the embedded catalog lacks; empty otherwise."),
			"removed": groupsAttribute("In live mode, the embedded groups the live list lacks (they still resolve, with a warning); empty otherwise."),
			"renamed": schema.ListNestedAttribute{
				MarkdownDescription: "In live mode, the groups the live list names differently (both names resolve); empty otherwise.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Permission group id."},
					"scope": schema.StringAttribute{Computed: true, MarkdownDescription: "Short scope."},
					"from":  schema.StringAttribute{Computed: true, MarkdownDescription: "Name in the embedded catalog."},
					"to":    schema.StringAttribute{Computed: true, MarkdownDescription: "Name in the live list."},
				}},
			},
			"permissions": schema.MapAttribute{
				MarkdownDescription: "The v4 data source's flat map from API name to id, across every scope. A name that " +
					"exists in more than one scope, such as `Logs Write`, is left out, as one key cannot hold two ids: the " +
					"[permission groups guide](../guides/permission-groups.md) lists those names; look them up in the scope maps.",
				ElementType: types.StringType,
				Computed:    true,
			},
		},
	}
}

func (d *catalogDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	c := d.catalog()
	byScope := scopeMaps(c)
	source := "embedded"
	if c.Live() {
		source = "live"
	}
	data := catalogModel{
		User:        byScope[catalog.ScopeKeyUser],
		Account:     byScope[catalog.ScopeKeyAccount],
		Zone:        byScope[catalog.ScopeKeyZone],
		R2:          byScope[catalog.ScopeKeyR2],
		Groups:      groupList(c.Groups()),
		Counts:      scopeCounts(c),
		Categories:  categoryLabels(c),
		AsOf:        types.StringValue(c.AsOf()),
		Total:       types.Int64Value(int64(c.Len())),
		Source:      types.StringValue(source),
		Permissions: flatPermissions(c),
	}
	d.setChanges(&data)
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// setChanges fills in what the live list changed; empty lists otherwise.
func (d *catalogDataSource) setChanges(data *catalogModel) {
	var diff catalog.Diff
	if d.source != nil && d.source.diff != nil {
		diff = *d.source.diff
	}
	renamed := make([]attr.Value, len(diff.Renamed))
	for i, r := range diff.Renamed {
		renamed[i] = types.ObjectValueMust(renameAttrTypes, map[string]attr.Value{
			"id": types.StringValue(r.ID), "scope": types.StringValue(catalog.ShortScope(r.ScopeKey)),
			"from": types.StringValue(r.From), "to": types.StringValue(r.To),
		})
	}
	data.Added = groupList(diff.Added)
	data.Removed = groupList(diff.Removed)
	data.Renamed = types.ListValueMust(types.ObjectType{AttrTypes: renameAttrTypes}, renamed)
}

// scopeMaps are the v4 maps from API name to id, one per short scope.
func scopeMaps(c *catalog.Catalog) map[string]types.Map {
	byScope := map[string]map[string]attr.Value{}
	for _, s := range catalog.ShortScopeNames() {
		byScope[catalog.ScopeKey(s)] = map[string]attr.Value{}
	}
	for _, g := range c.Groups() {
		for _, k := range g.ScopeKeys {
			if m, ok := byScope[k]; ok {
				m[g.Name] = types.StringValue(g.ID)
			}
		}
	}
	out := make(map[string]types.Map, len(byScope))
	for k, m := range byScope {
		out[k] = types.MapValueMust(types.StringType, m)
	}
	return out
}

func scopeCounts(c *catalog.Catalog) types.Map {
	counts := map[string]attr.Value{}
	for k, n := range c.Counts() {
		counts[catalog.ShortScope(k)] = types.Int64Value(int64(n))
	}
	return types.MapValueMust(types.Int64Type, counts)
}

func categoryLabels(c *catalog.Catalog) types.Map {
	labels := map[string]attr.Value{}
	for _, cat := range c.Categories() {
		labels[cat.Key] = types.StringValue(cat.Label)
	}
	return types.MapValueMust(types.StringType, labels)
}

// groupList is groups as a list of group objects.
func groupList(groups []catalog.Group) types.List {
	values := make([]attr.Value, len(groups))
	for i, g := range groups {
		values[i] = groupObject(g, g.ScopeKey())
	}
	return types.ListValueMust(groupObjectType, values)
}

// flatPermissions is the v4 flat map, for configurations that indexed it.
func flatPermissions(c *catalog.Catalog) types.Map {
	flat, _ := c.FlatPermissions()
	values := make(map[string]attr.Value, len(flat))
	for name, id := range flat {
		values[name] = types.StringValue(id)
	}
	return types.MapValueMust(types.StringType, values)
}
