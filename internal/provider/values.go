package provider

import (
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// goValue is the one converter from a Terraform value to the Go values the
// catalog reads (what encoding/json gives for the same value in plan JSON,
// numbers as json.Number so they keep their text), with catalog.Unknown for
// a value known only after apply, however deep. A dynamic value is read as
// the value it holds. Token policies and resources are read through it,
// from functions and data sources alike.
func goValue(v attr.Value) any {
	if d, ok := v.(basetypes.DynamicValue); ok {
		switch {
		case d.IsUnknown() || d.IsUnderlyingValueUnknown():
			return catalog.Unknown{}
		case d.IsNull() || d.IsUnderlyingValueNull():
			return nil
		}
		v = d.UnderlyingValue()
	}
	switch {
	case v.IsUnknown():
		return catalog.Unknown{}
	case v.IsNull():
		return nil
	}
	switch v := v.(type) {
	case basetypes.StringValue:
		return v.ValueString()
	case basetypes.BoolValue:
		return v.ValueBool()
	case basetypes.NumberValue:
		return json.Number(v.ValueBigFloat().Text('g', -1))
	case basetypes.ListValue:
		return goList(v.Elements())
	case basetypes.SetValue:
		return goList(v.Elements())
	case basetypes.TupleValue:
		return goList(v.Elements())
	case basetypes.MapValue:
		return goMap(v.Elements())
	case basetypes.ObjectValue:
		return goMap(v.Attributes())
	}
	return nil // unreachable: Terraform values are of the kinds above
}

func goList(elements []attr.Value) []any {
	out := make([]any, len(elements))
	for i, e := range elements {
		out[i] = goValue(e)
	}
	return out
}

func goMap(entries map[string]attr.Value) map[string]any {
	out := make(map[string]any, len(entries))
	for k, e := range entries {
		out[k] = goValue(e)
	}
	return out
}
