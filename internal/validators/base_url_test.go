package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		value types.String
		want  string // "" for accepted
	}{
		{name: "default", value: types.StringValue("https://api.cloudflare.com/client/v4")},
		{name: "loopback http", value: types.StringValue("http://127.0.0.1:8787")},
		{name: "null", value: types.StringNull()},
		{name: "unknown", value: types.StringUnknown()},
		{name: "cleartext", value: types.StringValue("http://api.cloudflare.com/client/v4"), want: "clear text"},
		{name: "file", value: types.StringValue("file:///etc/passwd"), want: `scheme "file"`},
		{name: "query", value: types.StringValue("https://api.cloudflare.com/client/v4?a=b"), want: "has a query"},
		{name: "user info", value: types.StringValue("https://me:s3cr3tpw@api.cloudflare.com"), want: "user name or password"},
		{name: "unparseable with password", value: types.StringValue("https://me:s3cr3tpw%@api.cloudflare.com"), want: "is not a URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			resp := &validator.StringResponse{}
			BaseURL().ValidateString(ctx, validator.StringRequest{Path: path.Root("base_url"), ConfigValue: tt.value}, resp)
			if tt.want == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("refused: %v", resp.Diagnostics)
				}
				return
			}
			if resp.Diagnostics.ErrorsCount() != 1 {
				t.Fatalf("want one error, got %v", resp.Diagnostics)
			}
			d := resp.Diagnostics[0]
			if d.Summary() != "Invalid base_url" || !strings.Contains(d.Detail(), tt.want) {
				t.Fatalf("got %q: %q, want %q", d.Summary(), d.Detail(), tt.want)
			}
			if strings.Contains(d.Detail(), "s3cr3tpw") {
				t.Fatalf("the password leaked: %q", d.Detail())
			}
		})
	}
}
