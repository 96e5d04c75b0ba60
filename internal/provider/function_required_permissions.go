package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var _ function.Function = &requiredPermissionsFunction{}

type requiredPermissionsFunction struct{}

// NewRequiredPermissionsFunction gives the groups a configuration of the
// Cloudflare provider needs, from the types it uses.
func NewRequiredPermissionsFunction() function.Function { return &requiredPermissionsFunction{} }

func (f *requiredPermissionsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "required_permissions"
}

// neededAttrTypes is the group object with `for`, the types that need it.
var neededAttrTypes = func() map[string]attr.Type {
	out := map[string]attr.Type{"for": types.ListType{ElemType: types.StringType}}
	for k, v := range groupAttrTypes {
		out[k] = v
	}
	return out
}()

func (f *requiredPermissionsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Permission groups a token needs for the Cloudflare provider types a configuration uses",
		MarkdownDescription: "Returns the permission groups a token needs to apply a configuration that uses the given Cloudflare provider types: " +
			"one group per type, the Write group of the type's own product for a resource and a Read group for a data source, " +
			"a Read group folded into the Write group of the same product. Each element is `{ " + groupFieldNames() + ", for }`, `for` the types that need it, " +
			"sorted account, zone, user. The groups come from the permissions the Cloudflare provider " + needs.Default().ProviderVersion() +
			" lists as accepted for each type (see the least-privilege guide for what that can and cannot say). " +
			"A type no group can be named for (no accepted permissions, such as `cloudflare_ruleset`) is an error, never a silent gap.",
		Parameters: []function.Parameter{
			function.ListParameter{
				Name:                "types",
				ElementType:         types.StringType,
				MarkdownDescription: "The types: " + needs.TypeFormHelp + ".",
			},
		},
		VariadicParameter: function.StringParameter{
			Name: "access",
			MarkdownDescription: "Optional: `write` (the default: what `terraform apply` needs) or `read` (what `terraform plan` needs, " +
				"every type only read). Null or `\"\"` means `write`.",
			AllowNullValue: true,
		},
		Return: function.ListReturn{ElementType: types.ObjectType{AttrTypes: neededAttrTypes}},
	}
}

func (f *requiredPermissionsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var list []types.String
	var accessArgs []types.String
	if resp.Error = req.Arguments.Get(ctx, &list, &accessArgs); resp.Error != nil {
		return
	}
	written, ferr := requiredAccess(accessArgs)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	elements, known := stringElements(list)
	if !known {
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(types.ObjectType{AttrTypes: neededAttrTypes}))
		return
	}
	r, problems := needs.Default().ForTypes(catalog.Default(), elements, written)
	if len(problems) > 0 {
		resp.Error = validators.ArgumentError(0, needs.ProblemLines(problems))
		return
	}
	resp.Error = resp.Result.Set(ctx, neededList(r))
}

// requiredAccess reads the optional access argument.
func requiredAccess(values []types.String) (needs.Access, *function.FuncError) {
	s, ferr := optionalArgument(values, 1, "access")
	if ferr != nil {
		return "", ferr
	}
	a, ok := needs.ParseAccess(s)
	if !ok {
		return "", validators.ArgumentError(1, needs.AccessProblem(s))
	}
	return a, nil
}

func neededList(r needs.Result) types.List {
	objectType := types.ObjectType{AttrTypes: neededAttrTypes}
	values := make([]attr.Value, len(r.Groups))
	for i, n := range r.Groups {
		attrs := groupObject(n.Group, n.Group.ScopeKey()).Attributes()
		forTypes := make([]attr.Value, len(n.For))
		for j, t := range n.For {
			forTypes[j] = types.StringValue(t)
		}
		attrs["for"] = types.ListValueMust(types.StringType, forTypes)
		values[i] = types.ObjectValueMust(neededAttrTypes, attrs)
	}
	return types.ListValueMust(objectType, values)
}
