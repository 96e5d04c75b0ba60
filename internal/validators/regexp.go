package validators

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	_ validator.String                  = regexpValidator{}
	_ function.StringParameterValidator = regexpValidator{}
)

type regexpValidator struct{}

// Regexp checks that a value compiles as an RE2 regular expression, so a bad
// name_regex fails at validate time rather than mid-plan.
func Regexp() regexpValidator { return regexpValidator{} }

func (v regexpValidator) Description(ctx context.Context) string { return v.MarkdownDescription(ctx) }

func (v regexpValidator) MarkdownDescription(_ context.Context) string {
	return "value must be a valid RE2 regular expression"
}

func (v regexpValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			"The value is not a valid RE2 regular expression: "+err.Error()+". See https://github.com/google/re2/wiki/Syntax.")
	}
}

func (v regexpValidator) ValidateParameterString(_ context.Context, req function.StringParameterValidatorRequest, resp *function.StringParameterValidatorResponse) {
	if req.Value.IsNull() || req.Value.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.Value.ValueString()); err != nil {
		resp.Error = ArgumentError(req.ArgumentPosition, "invalid RE2 regular expression: "+err.Error())
	}
}
