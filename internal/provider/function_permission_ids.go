package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var _ function.Function = &permissionIDsFunction{}

type permissionIDsFunction struct{}

// NewPermissionIDsFunction resolves a list of names in one call.
func NewPermissionIDsFunction() function.Function { return &permissionIDsFunction{} }

func (f *permissionIDsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "permission_ids"
}

func (f *permissionIDsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Permission group ids of a list of permission names",
		MarkdownDescription: "Returns the ids of the permission groups the names mean, in the same order, duplicates kept. " +
			"Every bad name is reported in one error, each with its index. The optional second argument is the scope. " +
			"Ids follow `permission_id`'s rule: one newer than the catalog passes as it is, one a character or two off a known id fails. " +
			"One `permission_ids` call is much cheaper than many `permission_id` calls: Terraform pays a round trip to the provider per call.\n\n" +
			"An error lists every bad element, one per line: `names[1]: \"Zone Raed\" is not a zone permission group. Did you mean \"Zone Read\"? It is the closest spelling in the catalog.`. " +
			"Past 20 bad elements, a last line counts the rest.",
		Parameters: []function.Parameter{
			function.ListParameter{
				Name:                "names",
				ElementType:         types.StringType,
				MarkdownDescription: "Permission names, in any form `permission_id` accepts.",
			},
		},
		VariadicParameter: scopeParameter(),
		Return:            function.ListReturn{ElementType: types.StringType},
	}
}

func (f *permissionIDsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var list []types.String
	var scopes []types.String
	resp.Error = req.Arguments.Get(ctx, &list, &scopes)
	if resp.Error != nil {
		return
	}
	scope, ferr := scopeArgument(scopes, 1)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	names, known := stringElements(list)
	if !known {
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(types.StringType))
		return
	}
	matches, problems := resolveNames(catalog.Default(), names, scope)
	if len(problems) > 0 {
		resp.Error = validators.ArgumentError(0, nameProblemLines(problems))
		return
	}
	ids := make([]string, len(matches))
	for i, m := range matches {
		ids[i] = m.Group.ID
	}
	resp.Error = resp.Result.Set(ctx, ids)
}
