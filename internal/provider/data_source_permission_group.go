package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var (
	_ datasource.DataSource                     = &permissionGroupDataSource{}
	_ datasource.DataSourceWithConfigure        = &permissionGroupDataSource{}
	_ datasource.DataSourceWithConfigValidators = &permissionGroupDataSource{}
)

type permissionGroupDataSource struct {
	configuredCatalog
}

// newPermissionGroupDataSource resolves one permission name, or one id.
func newPermissionGroupDataSource(c configuredCatalog) datasource.DataSource {
	return &permissionGroupDataSource{configuredCatalog: c}
}

// permissionGroupInput is what the configuration gives; the group's own
// attributes are written from groupFields, so they are declared once.
type permissionGroupInput struct {
	Name, Scope, ID types.String
}

func (d *permissionGroupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_permission_group"
}

func (d *permissionGroupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := groupFieldAttributes() // then name, and id and scope as inputs too
	for name, a := range map[string]schema.Attribute{
		"name": schema.StringAttribute{
			MarkdownDescription: "Permission name to resolve: an API name such as `DNS Write`, a dashboard name such as " +
				"`Zone > DNS > Edit` or `Zone:DNS:Edit`, a docs label, or a raw permission group id. Exactly one of `name` and `id` is required.",
			Optional: true,
			Validators: []validator.String{
				validators.PermissionName(path.MatchRoot("scope")).InLiveMode(d.liveMode),
			},
		},
		"id": schema.StringAttribute{
			MarkdownDescription: "Permission group id. Set it instead of `name` to look a group up by id: an id " +
				"newer than the embedded catalog passes through with a warning and empty name attributes. " +
				"Otherwise computed from `name`.",
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
		"matched_by": schema.StringAttribute{
			MarkdownDescription: "How the input matched: " + matchKinds() + ", or `unknown_id` for an id the catalog does not have.",
			Computed:            true,
		},
	} {
		attrs[name] = a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves one Cloudflare permission name to its permission group id, offline. " +
			"Accepts the API name (`DNS Write`), the dashboard's spelling (`DNS Edit`, `Zone > DNS > Edit`), " +
			"docs labels and former names (with a warning naming the API name to write instead). " +
			"Given `id` instead of `name`, it looks the group up by id.",
		Attributes: attrs,
	}
}

// ConfigValidators asks for exactly one of name and id, in words that name
// both (the framework's own check lists paths in brackets).
func (d *permissionGroupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{nameOrIDValidator{}}
}

type nameOrIDValidator struct{}

func (nameOrIDValidator) Description(context.Context) string {
	return "exactly one of name and id must be set"
}

func (v nameOrIDValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (nameOrIDValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var name, id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() || name.IsUnknown() || id.IsUnknown() || name.IsNull() != id.IsNull() {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("name"), "Set name or id", catalog.NameOrID(!name.IsNull()))
}

func (d *permissionGroupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var in permissionGroupInput
	for name, dst := range map[string]*types.String{"name": &in.Name, "scope": &in.Scope, "id": &in.ID} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), dst)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.State.Raw = req.Config.Raw
	c := d.catalog()

	if !in.ID.IsNull() {
		d.readByID(ctx, c, in, resp)
		return
	}
	m, err := c.Resolve(in.Name.ValueString(), in.Scope.ValueString())
	if err != nil {
		addCatalogError(&resp.Diagnostics, err, path.Root("name"), path.Root("scope"))
		return
	}
	if w := m.Warning(); w != "" {
		resp.Diagnostics.AddAttributeWarning(path.Root("name"), nameWarningSummary, w)
	}
	setMatch(ctx, resp, m.Group, m.ScopeKey, string(m.Kind))
}

func (d *permissionGroupDataSource) readByID(ctx context.Context, c *catalog.Catalog, in permissionGroupInput, resp *datasource.ReadResponse) {
	g, err := c.LookupID(in.ID.ValueString())
	if e := catalog.AsError(err); e != nil {
		if e.Kind != catalog.ErrUnknownID {
			resp.Diagnostics.AddAttributeError(path.Root("id"), e.Summary(), e.Error())
			return
		}
		// Cloudflare adds groups after any snapshot: pass the id through,
		// with the group's other attributes left null.
		resp.Diagnostics.AddAttributeWarning(path.Root("id"), e.Summary(), e.Error())
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("matched_by"), "unknown_id")...)
		return
	}
	// Resolving the id checks it against the scope, if one was given.
	m, err := c.Resolve(g.ID, in.Scope.ValueString())
	if err != nil {
		addCatalogError(&resp.Diagnostics, err, path.Root("id"), path.Root("scope"))
		return
	}
	setMatch(ctx, resp, m.Group, m.ScopeKey, string(m.Kind))
}

// setMatch writes the group's attributes, from groupFields, and how it matched.
func setMatch(ctx context.Context, resp *datasource.ReadResponse, g catalog.Group, scopeKey, kind string) {
	for _, f := range groupFields {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(f.name), f.value(g, scopeKey))...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("matched_by"), kind)...)
}
