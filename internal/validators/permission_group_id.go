package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var (
	_ validator.String                  = permissionGroupIDValidator{}
	_ function.StringParameterValidator = permissionGroupIDValidator{}
	_ LiveAwareString                   = permissionGroupIDValidator{}
)

type permissionGroupIDValidator struct {
	settings
	live LiveMode
}

// InLiveMode returns the validator accepting ids the embedded catalog lacks
// without a warning whenever live reports true: the read checks them.
func (v permissionGroupIDValidator) InLiveMode(live LiveMode) validator.String {
	v.live = live
	return v
}

// PermissionGroupID checks the shape of a permission group id. An id the
// catalog does not know is a warning, not an error: Cloudflare adds groups
// after any snapshot. UnknownIDsWarnedByRead leaves that warning to the read.
func PermissionGroupID(opts ...Option) permissionGroupIDValidator {
	return permissionGroupIDValidator{settings: newSettings("PermissionGroupID", opts, "UnknownIDsWarnedByRead")}
}

func (v permissionGroupIDValidator) Description(ctx context.Context) string {
	return v.MarkdownDescription(ctx)
}

func (v permissionGroupIDValidator) MarkdownDescription(_ context.Context) string {
	return "value must be a permission group id: 32 lower-case hex digits"
}

func (v permissionGroupIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if v.reportMisuse(req.Path, &resp.Diagnostics) || req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	m, err := catalog.Default().ResolveID(req.ConfigValue.ValueString(), "")
	switch {
	case err != nil:
		if e := catalog.AsError(err); !deferredToRead(e, v.live) {
			resp.Diagnostics.AddAttributeError(req.Path, e.Summary(), e.Error())
		}
	case !m.Known() && !v.live.on() && !v.unknownIDsByRead:
		resp.Diagnostics.AddAttributeWarning(req.Path, m.WarningSummary(), m.Warning())
	}
}

func (v permissionGroupIDValidator) ValidateParameterString(_ context.Context, req function.StringParameterValidatorRequest, resp *function.StringParameterValidatorResponse) {
	if req.Value.IsNull() || req.Value.IsUnknown() {
		return
	}
	// Functions cannot warn; an unknown id passes and the function decides.
	if _, err := catalog.Default().ResolveID(req.Value.ValueString(), ""); err != nil {
		resp.Error = ArgumentError(req.ArgumentPosition, catalog.AsError(err).Error())
	}
}
