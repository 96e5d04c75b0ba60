package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var _ function.Function = &permissionExistsFunction{}

type permissionExistsFunction struct{}

// NewPermissionExistsFunction answers true or false, for variable validation.
func NewPermissionExistsFunction() function.Function { return &permissionExistsFunction{} }

func (f *permissionExistsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "permission_exists"
}

func (f *permissionExistsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Whether a permission name resolves to exactly one group",
		MarkdownDescription: "Returns `true` when the name resolves to exactly one permission group (in the scope, if given), " +
			"`false` when it is null, unknown to the catalog, blank, ambiguous or in another scope. A well-formed id newer " +
			"than the catalog counts as existing, as every other function passes it through; an id one or two characters off " +
			"a known one does not. Meant for `variable` validation conditions, where an error message of your own follows: " +
			"`var.x == null || permission_exists(var.x)` works for optional variables. A malformed scope argument is still an error.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "name", MarkdownDescription: nameParamDescription, AllowNullValue: true},
		},
		VariadicParameter: scopeParameter(),
		Return:            function.BoolReturn{},
	}
}

func (f *permissionExistsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	name, scope, ferr := nameArguments(ctx, req)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	if name == nil {
		resp.Error = resp.Result.Set(ctx, false)
		return
	}
	_, err := catalog.Default().ResolvePermission(*name, scope)
	resp.Error = resp.Result.Set(ctx, err == nil)
}
