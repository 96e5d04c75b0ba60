package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
)

var _ function.Function = &permissionGroupFunction{}

type permissionGroupFunction struct{}

// NewPermissionGroupFunction returns the whole resolved group as an object.
func NewPermissionGroupFunction() function.Function { return &permissionGroupFunction{} }

func (f *permissionGroupFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "permission_group"
}

func (f *permissionGroupFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Permission group a permission name means, as an object",
		MarkdownDescription: "Returns `{ " + groupFieldNames() + " }` for the permission group a name means. " +
			"Takes the same arguments and gives the same errors as `permission_id`. For an id newer than the catalog, which " +
			"passes, only `id` is set; the other attributes are null.",
		Parameters:        []function.Parameter{nameParameter()},
		VariadicParameter: scopeParameter(),
		Return:            function.ObjectReturn{AttributeTypes: groupAttrTypes},
	}
}

func (f *permissionGroupFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	m, ferr := resolveArguments(ctx, req)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	resp.Error = resp.Result.Set(ctx, groupObject(m.Group, m.ScopeKey))
}
