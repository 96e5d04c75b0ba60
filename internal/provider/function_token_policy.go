package provider

import (
	"context"
	"fmt"
	"strings"

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
			"Warnings (a duplicate permission, an unused resource, an id newer than the catalog) cannot be shown by a " +
			"function: use the data source to see them.",
		Parameters: []function.Parameter{
			function.ListParameter{Name: "permissions", ElementType: types.StringType,
				MarkdownDescription: "Permission names or ids, in any form `permission_id` accepts."},
			function.DynamicParameter{Name: "resources",
				MarkdownDescription: "Resources as Cloudflare takes them: a map from resource key to `\"*\"`, or the account-nested form."},
		},
		VariadicParameter: function.StringParameter{Name: "effect", MarkdownDescription: "Optional `allow` (the default) or `deny`."},
		Return:            function.ObjectReturn{AttributeTypes: policyAttrTypes},
	}
}

func (f *tokenPolicyFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var permissionList []types.String
	var resourcesArg types.Dynamic
	var effects []string
	resp.Error = req.Arguments.Get(ctx, &permissionList, &resourcesArg, &effects)
	if resp.Error != nil {
		return
	}
	effect := "allow"
	switch len(effects) {
	case 0:
	case 1:
		effect = effects[0]
	default:
		resp.Error = validators.ArgumentError(3, "at most one effect argument is allowed")
		return
	}
	permissions, permissionsKnown := stringElements(permissionList)
	names := make([]string, len(permissions))
	for i, p := range permissions {
		if p == nil {
			resp.Error = validators.ArgumentError(0, fmt.Sprintf("permissions[%d] is null. Remove the element or give it a permission name.", i))
			return
		}
		names[i] = *p
	}
	resources, known, problem := resourcesFrom(resourcesArg)
	if problem != "" {
		resp.Error = validators.ArgumentError(1, problem)
		return
	}
	if !known || !permissionsKnown {
		// See stringElements.
		resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(policyAttrTypes))
		return
	}
	res := catalog.Default().CheckPolicy(catalog.Policy{Effect: effect, Permissions: names, Resources: resources})
	if errs := res.Errors(); len(errs) > 0 {
		var texts []string
		for _, e := range errs {
			texts = append(texts, e.Message)
		}
		resp.Error = validators.ArgumentError(findingArgument(errs[0]), strings.Join(texts, "\n"))
		return
	}
	_, _, _, policy := policyValues(effect, res, resources)
	resp.Error = resp.Result.Set(ctx, policy)
}

// findingArgument is the argument a finding is about.
func findingArgument(f catalog.Finding) int64 {
	switch {
	case f.Code == "effect":
		return 2
	case f.Resource != "" || f.Code == "no_resources":
		return 1
	}
	return 0
}
