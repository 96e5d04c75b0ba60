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
)

type permissionGroupIDValidator struct {
	live LiveMode
	// quietOnUnknown leaves the warning about an unknown id to a read that
	// gives it itself: Terraform validates in two walks and would show it
	// three times.
	quietOnUnknown bool
}

// LeavingUnknownIDsToRead returns the validator without its warning for an
// id the catalog lacks, for attributes whose read warns about it.
func (v permissionGroupIDValidator) LeavingUnknownIDsToRead() permissionGroupIDValidator {
	v.quietOnUnknown = true
	return v
}

// InLiveMode returns the validator accepting ids the embedded catalog lacks
// without a warning whenever live reports true: the read checks them.
func (v permissionGroupIDValidator) InLiveMode(live LiveMode) permissionGroupIDValidator {
	v.live = live
	return v
}

// PermissionGroupID checks the shape of a permission group id. An id the
// catalog does not know is a warning, not an error: Cloudflare adds groups
// after any snapshot.
func PermissionGroupID() permissionGroupIDValidator { return permissionGroupIDValidator{} }

func (v permissionGroupIDValidator) Description(ctx context.Context) string {
	return v.MarkdownDescription(ctx)
}

func (v permissionGroupIDValidator) MarkdownDescription(_ context.Context) string {
	return "value must be a permission group id: 32 lower-case hex digits"
}

func (v permissionGroupIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	m, err := catalog.Default().ResolveID(req.ConfigValue.ValueString(), "")
	switch {
	case err != nil:
		e := catalog.AsError(err)
		resp.Diagnostics.AddAttributeError(req.Path, e.Summary(), e.Error())
	case !m.Known() && !v.live.on() && !v.quietOnUnknown:
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
