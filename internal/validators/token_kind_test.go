package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestTokenKind: the two kinds pass, anything else is one error carrying the
// catalog's sentence, and null or unknown waits.
func TestTokenKind(t *testing.T) {
	t.Parallel()
	for value, wantErrors := range map[types.String]int{
		types.StringValue("user"):    0,
		types.StringValue("account"): 0,
		types.StringNull():           0,
		types.StringUnknown():        0,
		types.StringValue("Account"): 1,
		types.StringValue("org"):     1,
	} {
		resp := &validator.StringResponse{}
		TokenKind().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("token_kind"), ConfigValue: value}, resp)
		if got := resp.Diagnostics.ErrorsCount(); got != wantErrors {
			t.Errorf("%s: %d errors, want %d: %v", value, got, wantErrors, resp.Diagnostics)
		}
	}
}
