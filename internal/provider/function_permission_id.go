package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
)

var _ function.Function = &permissionIDFunction{}

type permissionIDFunction struct{}

// NewPermissionIDFunction resolves one name to its id inside any expression.
func NewPermissionIDFunction() function.Function { return &permissionIDFunction{} }

func (f *permissionIDFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "permission_id"
}

func (f *permissionIDFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Permission group id of a permission name",
		MarkdownDescription: "Returns the id of the permission group a name means, from the embedded catalog. " +
			"The optional second argument is the scope; qualified names such as `Zone > Logs > Edit` need none. " +
			"An unknown, ambiguous or misplaced name fails the plan with what to write instead. " +
			"A well-formed id newer than the catalog is returned as it is, without a word, as a function cannot warn " +
			"(`cfperms_permission_group` shows the warning); an id one or two characters off a known one fails, naming that id. " +
			"For many names, prefer `permission_ids`: one call instead of one per name.\n\n" +
			"Errors name the argument at fault and what to write instead, for example " +
			"`Invalid value for \"name\" parameter: \"DNS Wirte\" is not a zone permission group. Did you mean \"DNS Write\"? It is the closest spelling in the catalog.`, " +
			"`\"Billing Read\" is an account permission, not zone`, or, for `\"Logs Write\"` alone, the two candidates " +
			"`\"Account > Logs Write\"` and `\"Zone > Logs Write\"`. Inside `try()` or `can()` an error gives the fallback or `false`.",
		Parameters:        []function.Parameter{nameParameter()},
		VariadicParameter: scopeParameter(),
		Return:            function.StringReturn{},
	}
}

func (f *permissionIDFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	m, ferr := resolveArguments(ctx, req)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	resp.Error = resp.Result.Set(ctx, m.Group.ID)
}
