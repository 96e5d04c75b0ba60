package provider

import (
	"context"
	"fmt"

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
	scopeParamDescription = "Optional scope: `user`, `account`, `zone`, `r2` or a full scope key. " +
		"Needed only for names that exist in more than one scope, such as `Logs Write`."
)

// nameParameter has no validator of its own: a parameter validator cannot
// see the scope argument, and Run gives the scope-aware error.
func nameParameter() function.StringParameter {
	return function.StringParameter{
		Name:                "name",
		MarkdownDescription: nameParamDescription,
	}
}

func scopeParameter() function.StringParameter {
	return function.StringParameter{
		Name:                "scope",
		MarkdownDescription: scopeParamDescription,
		Validators:          []function.StringParameterValidator{validators.Scope()},
	}
}

// scopeArgument reads the optional trailing scope argument at position pos.
func scopeArgument(scopes []string, pos int64) (string, *function.FuncError) {
	switch len(scopes) {
	case 0:
		return "", nil
	case 1:
		if _, err := catalog.Default().ParseScope(scopes[0]); err != nil {
			return "", validators.ArgumentError(pos, catalog.AsError(err).Error())
		}
		return scopes[0], nil
	}
	return "", validators.ArgumentError(pos+1,
		fmt.Sprintf("at most one scope argument is allowed, got %d: %q", len(scopes), scopes))
}

// nameArguments reads the (name, [scope]) arguments the name functions take.
func nameArguments(ctx context.Context, req function.RunRequest) (name, scope string, ferr *function.FuncError) {
	var scopes []string
	if ferr = req.Arguments.Get(ctx, &name, &scopes); ferr != nil {
		return "", "", ferr
	}
	scope, ferr = scopeArgument(scopes, 1)
	return name, scope, ferr
}

// resolveArguments reads (name, [scope]) and resolves the name, blaming the
// argument at fault.
func resolveArguments(ctx context.Context, req function.RunRequest) (catalog.Match, *function.FuncError) {
	name, scope, ferr := nameArguments(ctx, req)
	if ferr != nil {
		return catalog.Match{}, ferr
	}
	m, err := catalog.Default().ResolvePermission(name, scope)
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
