package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
)

var _ validator.String = baseURLValidator{}

type baseURLValidator struct{}

// BaseURL checks an API root at plan time, before live mode sends the token
// anywhere: https only (http for loopback hosts, for tests), no user info,
// query or fragment. A bad value is described without its user info, as it
// reaches the diagnostic and the trace log.
func BaseURL() baseURLValidator { return baseURLValidator{} }

func (v baseURLValidator) Description(ctx context.Context) string { return v.MarkdownDescription(ctx) }

func (v baseURLValidator) MarkdownDescription(_ context.Context) string {
	return "value must be an https URL without user info, query or fragment (http only for loopback hosts)"
}

func (v baseURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := cfapi.CheckBaseURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid base_url", err.Error())
	}
}
