package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var _ validator.String = tokenKindValidator{}

type tokenKindValidator struct{}

// TokenKind accepts "user" or "account", with the catalog's sentence for
// anything else (a capitalised one is told to write it in lower case).
func TokenKind() tokenKindValidator { return tokenKindValidator{} }

func (v tokenKindValidator) Description(ctx context.Context) string {
	return v.MarkdownDescription(ctx)
}

func (v tokenKindValidator) MarkdownDescription(_ context.Context) string {
	return "value must be `" + catalog.TokenKindUser + "` or `" + catalog.TokenKindAccount + "`"
}

func (v tokenKindValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := catalog.TokenKindProblem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid token kind", problem)
	}
}
