package provider

import (
	"encoding/json"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// TestGoValue: the one converter agrees with plan JSON on every kind, and
// marks unknowns wherever they are, dynamic values included.
func TestGoValue(t *testing.T) {
	t.Parallel()
	str := types.StringValue
	for _, tc := range []struct {
		name string
		in   attr.Value
		want any
	}{
		{name: "string", in: str("*"), want: "*"},
		{name: "bool", in: types.BoolValue(true), want: true},
		{name: "number keeps its text", in: types.NumberValue(big.NewFloat(1.5)), want: json.Number("1.5")},
		{name: "null", in: types.StringNull(), want: nil},
		{name: "unknown", in: types.StringUnknown(), want: catalog.Unknown{}},
		{name: "list", in: types.ListValueMust(types.StringType, []attr.Value{str("a"), types.StringUnknown()}), want: []any{"a", catalog.Unknown{}}},
		{name: "set", in: types.SetValueMust(types.StringType, []attr.Value{str("a")}), want: []any{"a"}},
		{name: "tuple", in: types.TupleValueMust([]attr.Type{types.StringType, types.BoolType}, []attr.Value{str("a"), types.BoolValue(false)}), want: []any{"a", false}},
		{name: "map", in: types.MapValueMust(types.StringType, map[string]attr.Value{"k": str("*")}), want: map[string]any{"k": "*"}},
		{name: "object with an unknown inside", in: types.ObjectValueMust(map[string]attr.Type{"k": types.StringType}, map[string]attr.Value{"k": types.StringUnknown()}), want: map[string]any{"k": catalog.Unknown{}}},
		{name: "dynamic", in: types.DynamicValue(str("*")), want: "*"},
		{name: "dynamic unknown", in: types.DynamicUnknown(), want: catalog.Unknown{}},
		{name: "dynamic holding an unknown", in: types.DynamicValue(types.StringUnknown()), want: catalog.Unknown{}},
		{name: "dynamic null", in: types.DynamicNull(), want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := goValue(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("goValue = %#v, want %#v", got, tc.want)
			}
		})
	}
}
