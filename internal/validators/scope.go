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
	_ LiveAwareString                   = scopeValidator{}
)

type scopeValidator struct {
	live LiveMode
}

// Scope accepts a short scope ("zone") or a scope key of the catalog, and
// suggests the closest one for a typo. In live mode a scope key the embedded
// catalog lacks waits for the read: it may be a scope Cloudflare added.
func Scope() scopeValidator { return scopeValidator{} }

// InLiveMode: see LiveAwareString.
func (v scopeValidator) InLiveMode(live LiveMode) validator.String {
	v.live = live
	return v
}

func (v scopeValidator) Description(ctx context.Context) string { return v.MarkdownDescription(ctx) }

func (v scopeValidator) MarkdownDescription(_ context.Context) string {
	return fmt.Sprintf("value must be one of `%s`, or a scope key such as `%s`",
		strings.Join(catalog.ShortScopeNames(), "`, `"), catalog.ScopeKeyZone)
}

func (v scopeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if e := scopeError(req.ConfigValue.ValueString()); e != nil && !deferredToRead(e, v.live) {
		resp.Diagnostics.AddAttributeError(req.Path, e.Summary(), e.Error())
	}
}

// ValidateParameterString checks a function's optional scope argument, where
// "" (like null) means no scope: a module passes its optional variable on.
func (v scopeValidator) ValidateParameterString(_ context.Context, req function.StringParameterValidatorRequest, resp *function.StringParameterValidatorResponse) {
	if req.Value.IsNull() || req.Value.IsUnknown() || req.Value.ValueString() == "" {
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
