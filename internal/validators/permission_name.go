package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var (
	_ validator.String                  = permissionNameValidator{}
	_ function.StringParameterValidator = permissionNameValidator{}
	_ LiveAwareString                   = permissionNameValidator{}
)

type permissionNameValidator struct {
	settings
	live LiveMode
}

// InLiveMode returns the validator deferring to the read whatever depends on
// which groups exist, whenever live reports true.
func (v permissionNameValidator) InLiveMode(live LiveMode) validator.String {
	v.live = live
	return v
}

// PermissionName checks that a value names a permission group: an API name,
// a dashboard or docs name, a qualified name ("Zone > DNS > Edit") or an id.
// With ScopeAt the check is scope-aware; without it, or while the scope is
// unknown, only mistakes that hold in every scope are errors.
func PermissionName(opts ...Option) permissionNameValidator {
	return permissionNameValidator{settings: newSettings("PermissionName", opts, "ScopeAt")}
}

func (v permissionNameValidator) Description(ctx context.Context) string {
	return v.MarkdownDescription(ctx)
}

func (v permissionNameValidator) MarkdownDescription(_ context.Context) string {
	return fmt.Sprintf("value must name a permission group of the catalog (%s): an API name such as `DNS Write`, "+
		"a dashboard name such as `Zone > DNS > Edit`, or a permission group id", catalog.EmbeddedAsOf())
}

func (v permissionNameValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if v.reportMisuse(req.Path, &resp.Diagnostics) || req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	scope, scopeKnown := v.scopeFromConfig(ctx, req.Config, req.PathExpression, &resp.Diagnostics)
	if e := nameError(req.ConfigValue.ValueString(), scope, scopeKnown, v.live); e != nil {
		resp.Diagnostics.AddAttributeError(req.Path, e.Summary(), withElement(req.Path, e.Error()))
	}
}

// scopeFromConfig reads the sibling scope attribute, if the validator has one.
func (v settings) scopeFromConfig(ctx context.Context, config tfsdk.Config, at path.Expression, diags *diag.Diagnostics) (scope string, known bool) {
	if !v.hasScope {
		return "", true
	}
	known = true
	matched, d := config.PathMatches(ctx, at.Merge(v.scope))
	diags.Append(d...)
	for _, p := range matched {
		var s types.String
		diags.Append(config.GetAttribute(ctx, p, &s)...)
		if s.IsUnknown() {
			known = false
		}
		scope = s.ValueString()
	}
	return scope, known
}

func (v permissionNameValidator) ValidateParameterString(_ context.Context, req function.StringParameterValidatorRequest, resp *function.StringParameterValidatorResponse) {
	if req.Value.IsNull() || req.Value.IsUnknown() {
		return
	}
	// A function parameter cannot see its sibling scope argument.
	if e := nameError(req.Value.ValueString(), "", false, nil); e != nil {
		resp.Error = ArgumentError(req.ArgumentPosition, e.Error())
	}
}

// nameError resolves the value and keeps the errors that are certain: with
// the scope unknown, an ambiguity or a cross-scope miss may yet resolve. A
// malformed scope is left to the scope's own validator.
func nameError(value, scope string, scopeKnown bool, live LiveMode) *catalog.Error {
	if _, err := catalog.Default().ParseScope(scope); err != nil {
		scope, scopeKnown = "", false
	}
	_, err := catalog.Default().ResolvePermission(value, scope)
	e := catalog.AsError(err)
	if e == nil || deferredToRead(e, live) {
		return nil
	}
	if !scopeKnown {
		switch e.Kind {
		case catalog.ErrAmbiguous, catalog.ErrWrongScope, catalog.ErrScopeConflict:
			return nil
		}
	}
	return e
}

// withElement names the list element a message is about: Terraform shows
// the whole list in the diagnostic, not which element failed.
func withElement(p path.Path, msg string) string {
	if last, _ := p.Steps().LastStep(); last != nil {
		if _, isIndex := last.(path.PathStepElementKeyInt); isIndex {
			return p.String() + ": " + msg
		}
	}
	return msg
}
