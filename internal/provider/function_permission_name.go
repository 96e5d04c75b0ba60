package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var _ function.Function = &permissionNameFunction{}

type permissionNameFunction struct{}

// NewPermissionNameFunction is the reverse lookup, for reviewing raw ids.
func NewPermissionNameFunction() function.Function { return &permissionNameFunction{} }

func (f *permissionNameFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "permission_name"
}

func (f *permissionNameFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "API name of a permission group id",
		MarkdownDescription: "Returns the canonical API name of a permission group id: the reverse lookup, for reviewing " +
			"configurations full of raw ids. An id the embedded catalog does not have is an error that gives the catalog's date; " +
			"a malformed one says how to write it (`\"4755A26E-...\" looks like a permission group id, but ids are exactly 32 " +
			"lower-case hex digits with no dashes. Write \"4755a26e...\"`), and a name in place of an id gets its id offered.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "id",
				MarkdownDescription: "Permission group id: 32 lower-case hex digits.",
				Validators:          []function.StringParameterValidator{validators.PermissionGroupID()},
			},
		},
		Return: function.StringReturn{},
	}
}

func (f *permissionNameFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var id string
	resp.Error = req.Arguments.Get(ctx, &id)
	if resp.Error != nil {
		return
	}
	g, err := catalog.Default().LookupID(id)
	if err != nil {
		resp.Error = validators.ArgumentError(0, catalog.AsError(err).Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, g.Name)
}
