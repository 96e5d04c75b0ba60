package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
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
func newTokenPolicyDataSource() datasource.DataSource {
	return &tokenPolicyDataSource{}
}

type tokenPolicyModel struct {
	Permissions        types.List    `tfsdk:"permissions"`
	Resources          types.Dynamic `tfsdk:"resources"`
	Effect             types.String  `tfsdk:"effect"`
	TokenKind          types.String  `tfsdk:"token_kind"`
	PermissionGroups   types.List    `tfsdk:"permission_groups"`
	PermissionGroupIDs types.List    `tfsdk:"permission_group_ids"`
	ResourcesJSON      types.String  `tfsdk:"resources_json"`
	ResourcesMap       types.Dynamic `tfsdk:"resources_map"`
	Policy             types.Object  `tfsdk:"policy"`
	PolicyMap          types.Object  `tfsdk:"policy_map"`
	Policies           types.List    `tfsdk:"policies"`
	PoliciesMap        types.Dynamic `tfsdk:"policies_map"`
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
			"every permission must be covered by a resource of its scope, resource keys must be well formed and granted with `\"*\"`, " +
			"an account-owned token cannot hold user permissions, a policy holds at most 300 groups. Permission names are checked " +
			"on their own as early as `terraform validate`, even while the resources are unknown. Returns the policy as a " +
			"list of one to assign to the `policies` of a `cloudflare_api_token` or `cloudflare_account_token`, or to " +
			"`concat()` with others: `policies` for the Cloudflare provider 5.13 and later (resources as a JSON string), " +
			"`policies_map` for 5.0 to 5.12 (resources as a map). For v4's `policy` blocks, and field by field, it " +
			"returns the parts too.",
		Attributes: map[string]schema.Attribute{
			"permissions": schema.ListAttribute{
				MarkdownDescription: "Permission names or ids, in any form `cfperms_permission_group` accepts. A name that " +
					"exists in several scopes (`Logs Write`) is settled by the scopes of `resources`. An id newer than the " +
					"catalog passes through with a warning; an id one or two characters off a known one is an error naming it.",
				ElementType: types.StringType,
				Required:    true,
			},
			"resources": schema.DynamicAttribute{
				MarkdownDescription: "Resources as Cloudflare takes them: a map from resource key to `\"*\"`, such as " +
					"`{ \"com.cloudflare.api.account.zone.<zone id>\" = \"*\" }`, or, in the account-nested form, an account key " +
					"whose value maps zone keys or R2 bucket keys to `\"*\"`. The same map as a JSON string (`jsonencode(...)`, " +
					"as Cloudflare provider 5.13 and later configurations write it) is accepted too.",
				Required: true,
			},
			"effect": schema.StringAttribute{
				MarkdownDescription: "`allow` (the default) or `deny`, in any case (as the Cloudflare provider takes it); the outputs hold it in lower case.",
				Optional:            true,
				Computed:            true,
			},
			"token_kind": schema.StringAttribute{
				MarkdownDescription: "`user` (the default) for a user-owned token (`cloudflare_api_token`), or `account` for an " +
					"account-owned token (`cloudflare_account_token`), which cannot hold user permissions.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{validators.TokenKind()},
			},
			"permission_groups":    idListAttribute("Each permission group once, as `{ id }` objects, ready for a v5 policy's `permission_groups`."),
			"permission_group_ids": schema.ListAttribute{MarkdownDescription: "The same ids as a list of strings.", ElementType: types.StringType, Computed: true},
			"resources_json": schema.StringAttribute{
				MarkdownDescription: "`resources` as the JSON string the Cloudflare provider 5.13 and later take (keys sorted).",
				Computed:            true,
			},
			"resources_map": schema.DynamicAttribute{
				MarkdownDescription: "`resources` as the map the Cloudflare provider 5.0 to 5.12 take: a map of strings. The " +
					"account-nested form, which those versions cannot express, comes out as an object of objects.",
				Computed: true,
			},
			"policy":     policyAttribute("5.13 and later", schema.StringAttribute{Computed: true, MarkdownDescription: "Resources as a JSON string."}),
			"policy_map": policyAttribute("5.0 to 5.12", schema.DynamicAttribute{Computed: true, MarkdownDescription: "Resources as a map."}),
			"policies": schema.ListNestedAttribute{
				MarkdownDescription: "The policy as a list of one, for the Cloudflare provider 5.13 and later: " +
					"`policies = data.cfperms_token_policy.<name>.policies`, or `concat(...)` of several. Unlike " +
					"`[data.cfperms_token_policy.<name>.policy]`, this passes `terraform validate` in the Cloudflare provider, " +
					"which reads an unknown object inside a list literal as missing its required attributes.",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: policyAttributes(schema.StringAttribute{Computed: true, MarkdownDescription: "Resources as a JSON string."})},
			},
			"policies_map": schema.DynamicAttribute{
				MarkdownDescription: "The same list of one for the Cloudflare provider 5.0 to 5.12, resources as a map: " +
					"`policies = data.cfperms_token_policy.<name>.policies_map`. The account-nested form cannot be written " +
					"in those versions; there, give zones and R2 buckets by their own keys.",
				Computed: true,
			},
		},
	}
}

// policyAttribute documents a whole policy for the Cloudflare provider
// versions given, with its resources attribute.
func policyAttribute(versions string, resources schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "The whole policy, `{ effect, permission_groups, resources }`, in the shape of the Cloudflare " +
			"provider " + versions + ", for outputs and expressions. To put it in a token, assign `policies` or " +
			"`policies_map` instead: the Cloudflare provider rejects this object inside a list literal at `terraform validate`.",
		Computed:   true,
		Attributes: policyAttributes(resources),
	}
}

// policyAttributes are a policy's effect, permission groups and resources.
func policyAttributes(resources schema.Attribute) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"effect":            schema.StringAttribute{Computed: true, MarkdownDescription: "`allow` or `deny`."},
		"permission_groups": idListAttribute("`{ id }` objects."),
		"resources":         resources,
	}
}

// policy reads the configuration into a catalog.Policy, marking the parts
// not known yet. Resources of the wrong shape are an error, and then count
// as unknown, so the permissions are still checked on their own.
func (m *tokenPolicyModel) policy(ctx context.Context, diags *diag.Diagnostics) catalog.Policy {
	p := catalog.Policy{
		Effect: m.Effect.ValueString(), TokenKind: m.TokenKind.ValueString(),
		Unknown: catalog.Unknowns{Effect: m.Effect.IsUnknown(), TokenKind: m.TokenKind.IsUnknown()},
	}
	var list []types.String
	if !m.Permissions.IsUnknown() {
		diags.Append(m.Permissions.ElementsAs(ctx, &list, false)...)
	}
	for _, i := range permissionsFrom(list, !m.Permissions.IsUnknown(), &p) {
		diags.AddAttributeError(path.Root("permissions").AtListIndex(i), "Null permission name", catalog.NullElement("permissions", i))
	}
	if err := resourcesFrom(m.Resources, &p); err != nil {
		diags.AddAttributeError(path.Root("resources"), "Invalid resources", err.Error())
		p.Resources, p.Unknown.Resources = nil, true
	}
	return p
}

// addFindings reports findings against the argument the catalog blames.
func addFindings(diags *diag.Diagnostics, findings []catalog.Finding) {
	for _, f := range findings {
		at := path.Root(string(f.Argument))
		if f.Argument == catalog.ArgumentPermissions && f.Permission >= 0 {
			at = at.AtListIndex(f.Permission)
		}
		if f.Severity == catalog.SeverityError {
			diags.AddAttributeError(at, f.Summary(), f.Message)
		} else {
			diags.AddAttributeWarning(at, f.Summary(), f.Message)
		}
	}
}

// ValidateConfig reports errors as early as terraform validate, checking
// whatever is known: names on their own while the resources are still
// unknown. Warnings wait for the read, so they are not shown twice.
func (d *tokenPolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var data tokenPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := data.policy(ctx, &resp.Diagnostics)
	var errs []catalog.Finding
	for _, f := range d.catalog().CheckPolicy(p).Errors() {
		// In live mode only the read, against the live list, knows every group.
		if d.live.Defers(f.Code.DependsOnCatalog()) {
			continue
		}
		errs = append(errs, f)
	}
	addFindings(&resp.Diagnostics, errs)
}

func (d *tokenPolicyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data tokenPolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := data.policy(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	res := d.catalog().CheckPolicy(p)
	addFindings(&resp.Diagnostics, res.Findings)
	if resp.Diagnostics.HasError() {
		return
	}
	if !res.Complete {
		// Terraform reads a data source only once its configuration is known.
		resp.Diagnostics.AddError("Policy not known yet", "Part of the policy is still unknown at read time; this is a bug in the provider.")
		return
	}
	shapes := shapePolicy(p, res)
	data.Effect, data.TokenKind = types.StringValue(p.EffectiveEffect()), types.StringValue(p.EffectiveTokenKind())
	data.PermissionGroups, data.PermissionGroupIDs = shapes.groups, shapes.ids
	data.ResourcesJSON, data.ResourcesMap = shapes.resourcesJSON, shapes.resourcesMap
	data.Policy, data.PolicyMap = shapes.policy, shapes.policyMap
	data.Policies, data.PoliciesMap = shapes.policies, shapes.policiesMap
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}
