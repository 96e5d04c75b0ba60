package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestNullArgumentsAsOpenTofuSendsThem calls functions the way OpenTofu does
// when an argument is null: with no value at all in the argument's slot. The
// framework alone answers that with an internal error on every CLI run of
// OpenTofu; the server main serves must read it as the null it is.
func TestNullArgumentsAsOpenTofuSendsThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		function string
		args     []*tfprotov6.DynamicValue
		want     tftypes.Value
	}{
		{name: "nil scope", function: "permission_id",
			args: []*tfprotov6.DynamicValue{stringArg(t, "DNS Write"), nil},
			want: tftypes.NewValue(tftypes.String, idDNSWrite)},
		{name: "empty scope", function: "permission_id",
			args: []*tfprotov6.DynamicValue{stringArg(t, "DNS Write"), {}},
			want: tftypes.NewValue(tftypes.String, idDNSWrite)},
		{name: "nil name", function: "permission_exists",
			args: []*tfprotov6.DynamicValue{nil},
			want: tftypes.NewValue(tftypes.Bool, false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := NewServer("test")().CallFunction(context.Background(),
				&tfprotov6.CallFunctionRequest{Name: tt.function, Arguments: tt.args})
			if err != nil {
				t.Fatal(err)
			}
			if resp.Error != nil {
				t.Fatalf("function error: %s", resp.Error.Text)
			}
			got, err := resp.Result.Unmarshal(tt.want.Type())
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("result = %s, want %s", got, tt.want)
			}
		})
	}
}

func stringArg(t *testing.T, s string) *tfprotov6.DynamicValue {
	t.Helper()
	v, err := tfprotov6.NewDynamicValue(tftypes.String, tftypes.NewValue(tftypes.String, s))
	if err != nil {
		t.Fatal(err)
	}
	return &v
}
