package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var (
	_ datasource.DataSource                   = &tokenPolicyDataSource{}
	_ datasource.DataSourceWithConfigure      = &tokenPolicyDataSource{}
	_ datasource.DataSourceWithValidateConfig = &tokenPolicyDataSource{}
)

type tokenPolicyDataSource struct {
	configuredCatalog
}

// newTokenPolicyDataSource checks one token policy at plan time and shapes
// it for the Cloudflare provider.
func newTokenPolicyDataSource(c configuredCatalog) datasource.DataSource {
	return &tokenPolicyDataSource{configuredCatalog: c}
}

type tokenPolicyModel struct {
	Permissions        types.List    `tfsdk:"permissions"`
	Resources          types.Dynamic `tfsdk:"resources"`
	Effect             types.String  `tfsdk:"effect"`
	TokenKind          types.String  `tfsdk:"token_kind"`
	PermissionGroups   types.List    `tfsdk:"permission_groups"`
	PermissionGroupIDs types.List    `tfsdk:"permission_group_ids"`
	ResourcesJSON      types.String  `tfsdk:"resources_json"`
	Policy             types.Object  `tfsdk:"policy"`
}

func (d *tokenPolicyDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_token_policy"
}

func idListAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Permission group id."},
		}},
	}
}

func (d *tokenPolicyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Checks one API token policy at plan time, the way Cloudflare would at apply (or would not): " +
			"every permission must be covered by a resource of its scope, resource keys must be well formed, an account-owned " +
			"token cannot hold user permissions, a policy holds at most 300 groups. Returns the policy in the shape the " +
			"Cloudflare provider v5 takes for `cloudflare_api_token` and `cloudflare_account_token` `policies`.",
		Attributes: map[string]schema.Attribute{
			"permissions": schema.ListAttribute{
				MarkdownDescription: "Permission names or ids, in any form `cfperms_permission_group` accepts. A name that " +
					"exists in several scopes (`Logs Write`) is settled by the scopes of `resources`. An id newer than the " +
					"catalog passes through with a warning.",
				ElementType: types.StringType,
				Required:    true,
			},
			"resources": schema.DynamicAttribute{
				MarkdownDescription: "Resources as Cloudflare takes them: a map from resource key to `\"*\"`, such as " +
					"`{ \"com.cloudflare.api.account.zone.<zone id>\" = \"*\" }`, or, for the account-nested form account-owned " +
					"tokens use, an account key whose value maps zone keys to `\"*\"`.",
				Required: true,
			},
			"effect": schema.StringAttribute{
				MarkdownDescription: "`allow` (the default) or `deny`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.OneOf("allow", "deny")},
			},
			"token_kind": schema.StringAttribute{
				MarkdownDescription: "`user` (the default) for a user-owned token (`cloudflare_api_token`), or `account` for an " +
					"account-owned token (`cloudflare_account_token`), which cannot hold user permissions.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.OneOf(catalog.TokenKindUser, catalog.TokenKindAccount)},
			},
			"permission_groups":    idListAttribute("Each permission group once, as `{ id }` objects, ready for a v5 policy's `permission_groups`."),
			"permission_group_ids": schema.ListAttribute{MarkdownDescription: "The same ids as a list of strings.", ElementType: types.StringType, Computed: true},
			"resources_json":       schema.StringAttribute{MarkdownDescription: "`resources` as the JSON string the Cloudflare provider v5 takes (keys sorted).", Computed: true},
			"policy": schema.SingleNestedAttribute{
				MarkdownDescription: "The whole policy, `{ effect, permission_groups, resources }`, ready to put in a v5 token's `policies` list.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"effect":            schema.StringAttribute{Computed: true, MarkdownDescription: "`allow` or `deny`."},
					"permission_groups": idListAttribute("`{ id }` objects."),
					"resources":         schema.StringAttribute{Computed: true, MarkdownDescription: "Resources as a JSON string."},
				},
			},
		},
	}
}

// check turns the configuration into a policy and checks it; ok is false
// while something is still unknown.
func (m *tokenPolicyModel) check(ctx context.Context, c *catalog.Catalog, diags *diag.Diagnostics) (catalog.PolicyResult, []catalog.Resource, bool) {
	if m.Permissions.IsUnknown() {
		return catalog.PolicyResult{}, nil, false
	}
	var permissions []types.String
	diags.Append(m.Permissions.ElementsAs(ctx, &permissions, false)...)
	names := make([]string, len(permissions))
	for i, p := range permissions {
		if p.IsUnknown() {
			return catalog.PolicyResult{}, nil, false
		}
		names[i] = p.ValueString()
	}
	resources, known, problem := resourcesFrom(m.Resources)
	if problem != "" {
		diags.AddAttributeError(path.Root("resources"), "Invalid resources", problem)
		return catalog.PolicyResult{}, nil, false
	}
	if !known || m.Effect.IsUnknown() || m.TokenKind.IsUnknown() || diags.HasError() {
		return catalog.PolicyResult{}, nil, false
	}
	effect := m.Effect.ValueString()
	if m.Effect.IsNull() {
		effect = "allow"
	}
	return c.CheckPolicy(catalog.Policy{
		Effect: effect, Permissions: names, Resources: resources, TokenKind: m.TokenKind.ValueString(),
	}), resources, true
}

// addFindings reports findings against the argument each is about.
func addFindings(diags *diag.Diagnostics, findings []catalog.Finding) {
	for _, f := range findings {
		at := path.Root("permissions")
		switch {
		case f.Permission >= 0:
			at = at.AtListIndex(f.Permission)
		case f.Resource != "" || f.Code == "no_resources":
			at = path.Root("resources")
		case f.Code == "effect":
			at = path.Root("effect")
		}
		if f.Severity == catalog.SeverityError {
			diags.AddAttributeError(at, f.Summary(), f.Message)
		} else {
			diags.AddAttributeWarning(at, f.Summary(), f.Message)
		}
	}
}

// ValidateConfig reports errors as early as terraform validate; warnings
// wait for the read, so they are not shown twice.
func (d *tokenPolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var data tokenPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if res, _, ok := data.check(ctx, d.catalog(), &resp.Diagnostics); ok {
		var errs []catalog.Finding
		for _, f := range res.Errors() {
			// In live mode only the read, against the live list, knows every group.
			if f.Code == "unknown_permission" && d.liveMode() {
				continue
			}
			errs = append(errs, f)
		}
		addFindings(&resp.Diagnostics, errs)
	}
}

func (d *tokenPolicyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data tokenPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if data.Effect.IsNull() {
		data.Effect = types.StringValue("allow")
	}
	if data.TokenKind.IsNull() {
		data.TokenKind = types.StringValue(catalog.TokenKindUser)
	}
	res, resources, ok := data.check(ctx, d.catalog(), &resp.Diagnostics)
	if !ok || resp.Diagnostics.HasError() {
		return
	}
	addFindings(&resp.Diagnostics, res.Findings)
	if resp.Diagnostics.HasError() {
		return
	}
	var json string
	data.PermissionGroups, data.PermissionGroupIDs, json, data.Policy = policyValues(data.Effect.ValueString(), res, resources)
	data.ResourcesJSON = types.StringValue(json)
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}
