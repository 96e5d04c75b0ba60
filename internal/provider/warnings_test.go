package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// readDataSource calls the provider's gRPC-level server directly: the
// Terraform CLI shows warnings, but terraform-plugin-testing cannot assert
// them, so this is how tests see them.
func readDataSource(t *testing.T, typeName string, config map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	ctx := context.Background()
	server, err := testAccProtoV6ProviderFactories["cfperms"]()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	objType, ok := schemas.DataSourceSchemas[typeName].ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("%s has no object schema", typeName)
	}
	values := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		if v, ok := config[name]; ok {
			values[name] = v
		} else {
			values[name] = tftypes.NewValue(typ, nil)
		}
	}
	dv, err := tfprotov6.NewDynamicValue(objType, tftypes.NewValue(objType, values))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	tests := []struct {
		name, typeName string
		config         map[string]tftypes.Value
		want           string // "" means no warning
		attribute      string
	}{
		{"docs label", "cfperms_permission_group", map[string]tftypes.Value{"name": str("Cloudflare Pages Write")},
			`is a label from Cloudflare's docs, not an API name. It resolved to the account permission group "Pages Write"`, "name"},
		{"renamed", "cfperms_permission_group", map[string]tftypes.Value{"name": str("Argo Tunnel Write")},
			`is a former name of the account permission group "Cloudflare Tunnel Write"`, "name"},
		{"unknown id passes through", "cfperms_permission_group", map[string]tftypes.Value{"id": str("0123456789abcdef0123456789abcdef")},
			`not a permission group id in this catalog`, "id"},
		{"api name", "cfperms_permission_group", map[string]tftypes.Value{"name": str("DNS Write")}, "", ""},
		{"element of names", "cfperms_permission_groups", map[string]tftypes.Value{
			"names": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("DNS Write"), str("Teams Read")}),
		}, `names[1]: "Teams Read" is a former name`, "names"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			diags := readDataSource(t, tt.typeName, tt.config)
			var warnings []*tfprotov6.Diagnostic
			for _, d := range diags {
				switch d.Severity {
				case tfprotov6.DiagnosticSeverityError:
					t.Fatalf("unexpected error: %s: %s", d.Summary, d.Detail)
				case tfprotov6.DiagnosticSeverityWarning:
					warnings = append(warnings, d)
				}
			}
			if tt.want == "" {
				if len(warnings) > 0 {
					t.Fatalf("unexpected warning: %s", warnings[0].Detail)
				}
				return
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0].Detail, tt.want) {
				t.Fatalf("warnings %v, want one containing %q", warnings, tt.want)
			}
			if p := warnings[0].Attribute; p == nil || len(p.Steps()) == 0 || p.Steps()[0] != tftypes.AttributeName(tt.attribute) {
				t.Fatalf("warning not attached to %q: %v", tt.attribute, p)
			}
		})
	}
}
