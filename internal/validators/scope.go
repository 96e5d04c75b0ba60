package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var (
	_ validator.String                  = scopeValidator{}
	_ function.StringParameterValidator = scopeValidator{}
)

type scopeValidator struct{}

// Scope accepts "user", "account", "zone", "r2" or a scope key, and suggests
// the closest one for a typo.
func Scope() scopeValidator { return scopeValidator{} }

func (v scopeValidator) Description(ctx context.Context) string { return v.MarkdownDescription(ctx) }

func (v scopeValidator) MarkdownDescription(_ context.Context) string {
	return fmt.Sprintf("value must be one of `%s`, or a scope key such as `%s`",
		strings.Join(catalog.ShortScopeNames(), "`, `"), catalog.ScopeKeyZone)
}

func (v scopeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if e := scopeError(req.ConfigValue.ValueString()); e != nil {
		resp.Diagnostics.AddAttributeError(req.Path, e.Summary(), e.Error())
	}
}

func (v scopeValidator) ValidateParameterString(_ context.Context, req function.StringParameterValidatorRequest, resp *function.StringParameterValidatorResponse) {
	if req.Value.IsNull() || req.Value.IsUnknown() {
		return
	}
	if e := scopeError(req.Value.ValueString()); e != nil {
		resp.Error = ArgumentError(req.ArgumentPosition, e.Error())
	}
}

// scopeError treats an empty scope as a mistake: in configuration, leaving
// the attribute out is how one says "any scope".
func scopeError(value string) *catalog.Error {
	if value == "" {
		value = " "
	}
	_, err := catalog.Default().ParseScope(value)
	return catalog.AsError(err)
}
