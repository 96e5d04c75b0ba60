package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var _ function.Function = &tokenPolicyFunction{}

type tokenPolicyFunction struct{}

// NewTokenPolicyFunction checks a policy inline, for use straight inside a
// cloudflare_api_token resource or a precondition.
func NewTokenPolicyFunction() function.Function { return &tokenPolicyFunction{} }

func (f *tokenPolicyFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "token_policy"
}

func (f *tokenPolicyFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "A checked API token policy in the Cloudflare provider v5 shape",
		MarkdownDescription: "Returns `{ effect, permission_groups = [{ id }], resources = <JSON string> }` for a user-owned " +
			"token's policy, after the checks `cfperms_token_policy` makes; any error finding fails the call with its text. " +
			"The result fits the Cloudflare provider 5.13 and later as it is; for 5.0 to 5.12, whose `resources` is a map, " +
			"write `merge(p, { resources = jsondecode(p.resources) })`. Warnings cannot be shown by a function, so what the " +
			"data source warns about passes here silently: a duplicate permission, an unused resource, a key of a scope this " +
			"provider cannot check, and an id newer than the catalog (passed through as is). Use the data source to see them. " +
			"Terraform calls the function while it validates, even when `resources` is unknown, so a misspelt name fails " +
			"`terraform validate`; OpenTofu leaves the result unknown until every argument is known, so there the names " +
			"are checked at plan, and a token's `policies` takes the result field by field " +
			"(`[{ effect = p.effect, permission_groups = p.permission_groups, resources = p.resources }]`).",
		// Every parameter takes unknown values, so that Terraform calls the
		// function while it validates: the names are checked then, and the
		// result is an object whose unknown parts are only those that wait
		// for the unknown arguments. A wholly unknown object inside a list
		// literal fails `policies` in the Cloudflare provider at validate.
		Parameters: []function.Parameter{
			function.ListParameter{Name: "permissions", ElementType: types.StringType, AllowUnknownValues: true,
				MarkdownDescription: "Permission names or ids, in any form `permission_id` accepts."},
			function.DynamicParameter{Name: "resources", AllowUnknownValues: true,
				MarkdownDescription: "Resources as Cloudflare takes them: a map from resource key to `\"*\"`, or the account-nested " +
					"form, or that map as a JSON string (`jsonencode(...)`)."},
		},
		VariadicParameter: function.StringParameter{Name: "effect", AllowNullValue: true, AllowUnknownValues: true,
			MarkdownDescription: "Optional `allow` (the default) or `deny`, in any case; null or `\"\"` means the default."},
		Return: function.ObjectReturn{AttributeTypes: policyAttrTypes},
	}
}

func (f *tokenPolicyFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var permissionList types.List
	var resourcesArg types.Dynamic
	var effects []types.String
	resp.Error = req.Arguments.Get(ctx, &permissionList, &resourcesArg, &effects)
	if resp.Error != nil {
		return
	}
	p, ferr := tokenPolicyArguments(ctx, permissionList, resourcesArg, effects)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	res := catalog.Default().CheckPolicy(p)
	if errs := res.Errors(); len(errs) > 0 {
		texts := make([]string, len(errs))
		for i, e := range errs {
			texts[i] = e.Message
		}
		resp.Error = validators.ArgumentError(argumentPosition[errs[0].Argument], strings.Join(texts, "\n"))
		return
	}
	resp.Error = resp.Result.Set(ctx, partialPolicy(p, res))
}

// tokenPolicyArguments reads the arguments into a catalog.Policy, marking
// what is not known yet.
func tokenPolicyArguments(ctx context.Context, permissionList types.List, resourcesArg types.Dynamic, effects []types.String) (catalog.Policy, *function.FuncError) {
	var p catalog.Policy
	effect, ferr := optionalArgument(effects, 2, "effect")
	if ferr != nil {
		return p, ferr
	}
	p.Effect = effect
	p.Unknown.Effect = len(effects) == 1 && effects[0].IsUnknown()
	var list []types.String
	if !permissionList.IsUnknown() {
		if diags := permissionList.ElementsAs(ctx, &list, false); diags.HasError() {
			return p, function.FuncErrorFromDiags(ctx, diags)
		}
	}
	if nulls := permissionsFrom(list, !permissionList.IsUnknown(), &p); len(nulls) > 0 {
		return p, validators.ArgumentError(0, catalog.NullElement("permissions", nulls[0]))
	}
	if err := resourcesFrom(resourcesArg, &p); err != nil {
		return p, validators.ArgumentError(1, err.Error())
	}
	return p, nil
}

// partialPolicy is the checked policy, with each part that waits for an
// unknown argument unknown: the effect on the effect, the resources on the
// resources, and the permission groups on anything (a name in two scopes is
// settled by the resources).
func partialPolicy(p catalog.Policy, res catalog.PolicyResult) types.Object {
	if res.Complete {
		return shapePolicy(p, res).policy
	}
	effect := types.StringUnknown()
	if !p.Unknown.Effect {
		effect = types.StringValue(p.EffectiveEffect())
	}
	resources := types.StringUnknown()
	if !p.Unknown.Resources {
		resources = types.StringValue(catalog.ResourcesJSON(p.Resources))
	}
	return types.ObjectValueMust(policyAttrTypes, map[string]attr.Value{
		"effect": effect, "permission_groups": types.ListUnknown(idObjectType), "resources": resources,
	})
}

// argumentPosition is where each argument the catalog may blame sits.
var argumentPosition = map[catalog.PolicyArgument]int64{
	catalog.ArgumentPermissions: 0,
	catalog.ArgumentResources:   1,
	catalog.ArgumentEffect:      2,
}
