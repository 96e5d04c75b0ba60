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
func newPermissionGroupDataSource() datasource.DataSource {
	return &permissionGroupDataSource{}
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
				validators.PermissionName(validators.ScopeAt(path.MatchRoot("scope"))),
			},
		},
		"id": schema.StringAttribute{
			MarkdownDescription: "Permission group id. Set it instead of `name` to look a group up by id: an id " +
				"newer than the embedded catalog passes through with a warning and null name attributes, and an id one " +
				"or two characters off a known one is an error naming that id. Otherwise computed from `name`.",
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{validators.PermissionGroupID(validators.UnknownIDsWarnedByRead())},
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

	// Both arguments follow the catalog's one rule for ids it lacks.
	input, resolve, at := in.Name.ValueString(), c.ResolvePermission, path.Root("name")
	if !in.ID.IsNull() {
		input, resolve, at = in.ID.ValueString(), c.ResolveID, path.Root("id")
	}
	m, err := resolve(input, in.Scope.ValueString())
	if err != nil {
		addCatalogError(&resp.Diagnostics, err, at, path.Root("scope"))
		return
	}
	if w := m.Warning(); w != "" {
		resp.Diagnostics.AddAttributeWarning(at, m.WarningSummary(), w)
	}
	if !m.Known() {
		// An id newer than the catalog: only the id and how it matched are known.
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), m.Group.ID)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("matched_by"), string(m.Kind))...)
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
