package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ validator.List = permissionNamesValidator{}
	_ LiveAwareList  = permissionNamesValidator{}
)

type permissionNamesValidator struct {
	element permissionNameValidator
}

// PermissionNames checks every element of a list of permission names, each
// diagnostic at its element's path. It reads the scope once for the whole
// list: per-element validators would each search the configuration for it,
// which costs quadratic time on long lists.
func PermissionNames(opts ...Option) permissionNamesValidator {
	return permissionNamesValidator{element: permissionNameValidator{settings: newSettings("PermissionNames", opts, "ScopeAt")}}
}

// InLiveMode: see permissionNameValidator.InLiveMode.
func (v permissionNamesValidator) InLiveMode(live LiveMode) validator.List {
	v.element.live = live
	return v
}

func (v permissionNamesValidator) Description(ctx context.Context) string {
	return v.MarkdownDescription(ctx)
}

func (v permissionNamesValidator) MarkdownDescription(ctx context.Context) string {
	return "each element: " + v.element.MarkdownDescription(ctx)
}

func (v permissionNamesValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if v.element.reportMisuse(req.Path, &resp.Diagnostics) || req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	scope, scopeKnown := v.element.scopeFromConfig(ctx, req.Config, req.PathExpression, &resp.Diagnostics)
	elements := NewElementDiagnostics(req.Path, req.Path.String(), &resp.Diagnostics)
	for i, elem := range req.ConfigValue.Elements() {
		s, ok := elem.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		if e := nameError(s.ValueString(), scope, scopeKnown, v.element.live); e != nil {
			elements.AddError(i, e.Summary(), withElement(req.Path.AtListIndex(i), e.Error()))
		}
	}
	elements.Close()
}
