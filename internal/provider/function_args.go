package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

// Functions never see provider configuration: everything comes from the
// catalog, and every error text from catalog errors.

const (
	nameParamDescription = "Permission name: an API name such as `DNS Write`, a dashboard name such as " +
		"`Zone > DNS > Edit`, a docs label, a former name, or a permission group id."
)

var scopeParamDescription = "Optional scope: " + shortScopeList() + ", or a full scope key. " +
	"Needed only for names that exist in more than one scope, such as `Logs Write`."

// nameParameter has no validator of its own: a parameter validator cannot
// see the scope argument, and Run gives the scope-aware error.
func nameParameter() function.StringParameter {
	return function.StringParameter{
		Name:                "name",
		MarkdownDescription: nameParamDescription,
	}
}

// scopeParameter is the optional trailing scope. It may be null, so that a
// module can pass an optional variable straight through: null and "" both
// mean "no scope given".
func scopeParameter() function.StringParameter {
	return function.StringParameter{
		Name:                "scope",
		MarkdownDescription: scopeParamDescription + " Null or `\"\"` means no scope.",
		AllowNullValue:      true,
		Validators:          []function.StringParameterValidator{validators.Scope()},
	}
}

// optionalArgument reads an optional trailing argument at position pos:
// absent, null and "" all mean "not given", so a module can pass its own
// optional variable straight through.
func optionalArgument(values []types.String, pos int64, name string) (string, *function.FuncError) {
	if len(values) > 1 {
		return "", validators.ArgumentError(pos+1, catalog.TooManyArguments(name, len(values)))
	}
	if len(values) == 0 {
		return "", nil
	}
	return values[0].ValueString(), nil
}

// scopeArgument reads the optional trailing scope argument at position pos.
func scopeArgument(scopes []types.String, pos int64) (string, *function.FuncError) {
	scope, ferr := optionalArgument(scopes, pos, "scope")
	if ferr != nil || scope == "" {
		return "", ferr
	}
	if _, err := catalog.Default().ParseScope(scope); err != nil {
		return "", validators.ArgumentError(pos, catalog.AsError(err).Error())
	}
	return scope, nil
}

// nameArguments reads the (name, [scope]) arguments the name functions take.
// A null name reads as nil.
func nameArguments(ctx context.Context, req function.RunRequest) (name *string, scope string, ferr *function.FuncError) {
	var n types.String
	var scopes []types.String
	if ferr = req.Arguments.Get(ctx, &n, &scopes); ferr != nil {
		return nil, "", ferr
	}
	scope, ferr = scopeArgument(scopes, 1)
	return n.ValueStringPointer(), scope, ferr
}

// resolveArguments reads (name, [scope]) and resolves the name, blaming the
// argument at fault.
func resolveArguments(ctx context.Context, req function.RunRequest) (catalog.Match, *function.FuncError) {
	name, scope, ferr := nameArguments(ctx, req)
	if ferr != nil {
		return catalog.Match{}, ferr
	}
	if name == nil {
		return catalog.Match{}, validators.ArgumentError(0, catalog.NullArgument("name"))
	}
	m, err := catalog.Default().ResolvePermission(*name, scope)
	if err != nil {
		return m, validators.ArgumentError(0, catalog.AsError(err).Error())
	}
	return m, nil
}

// stringElements reads the elements of a list argument, nil for a null one.
// known is false when an element is unknown: Terraform holds back a call
// whose arguments are partly unknown, but OpenTofu 1.7 makes it, and the
// result must then be unknown too.
func stringElements(list []types.String) (elements []*string, known bool) {
	elements = make([]*string, len(list))
	for i, v := range list {
		if v.IsUnknown() {
			return nil, false
		}
		if !v.IsNull() {
			elements[i] = v.ValueStringPointer()
		}
	}
	return elements, true
}
