package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var (
	_ datasource.DataSource              = &permissionGroupDataSource{}
	_ datasource.DataSourceWithConfigure = &permissionGroupDataSource{}
)

type permissionGroupDataSource struct {
	configuredCatalog
}

// newPermissionGroupDataSource resolves one permission name, or one id.
func newPermissionGroupDataSource(c configuredCatalog) datasource.DataSource {
	return &permissionGroupDataSource{configuredCatalog: c}
}

type permissionGroupModel struct {
	Name      types.String `tfsdk:"name"`
	Scope     types.String `tfsdk:"scope"`
	ID        types.String `tfsdk:"id"`
	APIName   types.String `tfsdk:"api_name"`
	ScopeKey  types.String `tfsdk:"scope_key"`
	Access    types.String `tfsdk:"access"`
	MatchedBy types.String `tfsdk:"matched_by"`
}

func (d *permissionGroupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_permission_group"
}

func (d *permissionGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves one Cloudflare permission name to its permission group id, offline. " +
			"Accepts the API name (`DNS Write`), the dashboard's spelling (`DNS Edit`, `Zone > DNS > Edit`), " +
			"docs labels and former names (with a warning naming the API name to write instead). " +
			"Given `id` instead of `name`, it looks the group up by id.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Permission name to resolve: an API name such as `DNS Write`, a dashboard name such as " +
					"`Zone > DNS > Edit` or `Zone:DNS:Edit`, a docs label, or a raw permission group id. Exactly one of `name` and `id` is required.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.ExactlyOneOf(path.MatchRoot("id")),
					validators.PermissionName(path.MatchRoot("scope")).InLiveMode(d.liveMode),
				},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "Permission group id. Set it instead of `name` to look a group up by id: an id " +
					"newer than the embedded catalog passes through with a warning and null name attributes, and an id one " +
					"or two characters off a known one is an error naming that id. Otherwise computed from `name`.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{validators.PermissionGroupID().InLiveMode(d.liveMode).LeavingUnknownIDsToRead()},
			},
			"scope": schema.StringAttribute{
				MarkdownDescription: scopeDescription + " After the read, holds the short scope of the group.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validators.Scope()},
			},
			"api_name": schema.StringAttribute{
				MarkdownDescription: "The group's canonical name in the Cloudflare API.",
				Computed:            true,
			},
			"scope_key": schema.StringAttribute{
				MarkdownDescription: "Full scope key of the group, such as `com.cloudflare.api.account.zone`.",
				Computed:            true,
			},
			"access": schema.StringAttribute{
				MarkdownDescription: "`read`, `write` or `other`, derived from the group's name.",
				Computed:            true,
			},
			"matched_by": schema.StringAttribute{
				MarkdownDescription: "How the input matched: " + matchKinds() + ", or `unknown_id` for an id the catalog does not have.",
				Computed:            true,
			},
		},
	}
}

func (d *permissionGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data permissionGroupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := d.catalog()

	// Both arguments follow the catalog's one rule for ids it lacks.
	input, resolve, at := data.Name.ValueString(), c.ResolvePermission, path.Root("name")
	if !data.ID.IsNull() {
		input, resolve, at = data.ID.ValueString(), c.ResolveID, path.Root("id")
	}
	m, err := resolve(input, data.Scope.ValueString())
	if err != nil {
		addCatalogError(&resp.Diagnostics, err, at, path.Root("scope"))
		return
	}
	if w := m.Warning(); w != "" {
		resp.Diagnostics.AddAttributeWarning(at, m.WarningSummary(), w)
	}
	if m.Known() {
		data.setMatch(m.Group, m.ScopeKey, string(m.Kind))
	} else {
		data.setUnknownID(m)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// setUnknownID passes an id the catalog lacks through, with nothing claimed
// about it.
func (m *permissionGroupModel) setUnknownID(match catalog.Match) {
	m.ID = types.StringValue(match.Group.ID)
	m.APIName, m.ScopeKey, m.Access = types.StringNull(), types.StringNull(), types.StringNull()
	m.MatchedBy = types.StringValue(string(match.Kind))
}

func (m *permissionGroupModel) setMatch(g catalog.Group, scopeKey, kind string) {
	m.ID = types.StringValue(g.ID)
	m.APIName = types.StringValue(g.Name)
	m.Scope = types.StringValue(catalog.ShortScope(scopeKey))
	m.ScopeKey = types.StringValue(scopeKey)
	m.Access = types.StringValue(string(g.Access()))
	m.MatchedBy = types.StringValue(kind)
}
