package cloudflaretest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestSchemaMatchesPublished compares the 5.13 line's stand-in with the
// schemas `terraform providers schema -json` printed for the Cloudflare
// provider built from tag v5.22.0 (testdata/schema-v5.22.0-tokens.json,
// descriptions removed): every attribute, its type, nesting and flags.
func TestSchemaMatchesPublished(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "schema-v5.22.0-tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var published struct {
		ResourceSchemas map[string]any `json:"resource_schemas"`
	}
	if err := json.Unmarshal(data, &published); err != nil {
		t.Fatal(err)
	}
	got := servedSchemas(t, V5_13)
	if len(got) != len(published.ResourceSchemas) {
		t.Errorf("the stand-in has %d token resources, the published schema %d", len(got), len(published.ResourceSchemas))
	}
	for name, want := range published.ResourceSchemas {
		if !reflect.DeepEqual(got[name], want) {
			g, _ := json.MarshalIndent(got[name], "", " ")
			w, _ := json.MarshalIndent(want, "", " ")
			t.Errorf("%s differs from the published schema:\nstand-in:\n%s\npublished:\n%s", name, g, w)
		}
	}
}

// TestEveryReleaseServes checks that each line's schema is one the framework
// accepts, with the resources the line has.
func TestEveryReleaseServes(t *testing.T) {
	t.Parallel()
	for _, r := range Releases {
		got := servedSchemas(t, r)
		want := 1
		if r.AccountToken {
			want = 2
		}
		if len(got) != want {
			t.Errorf("%s: %d token resources, want %d", r.Name, len(got), want)
		}
	}
}

// servedSchemas is the stand-in's resource schemas as the provider protocol
// carries them, in the JSON form of `terraform providers schema -json`.
func servedSchemas(t *testing.T, r Release) map[string]any {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(NewProvider(r))()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("%s: %s: %s", r.Name, d.Summary, d.Detail)
	}
	out := map[string]any{}
	for name, s := range resp.ResourceSchemas {
		out[name] = map[string]any{"block": blockJSON(s.Block), "version": float64(s.Version)}
	}
	return out
}

func blockJSON(b *tfprotov6.SchemaBlock) map[string]any {
	out := map[string]any{}
	if len(b.Attributes) > 0 {
		attrs := map[string]any{}
		for _, a := range b.Attributes {
			attrs[a.Name] = attributeJSON(a)
		}
		out["attributes"] = attrs
	}
	if len(b.BlockTypes) > 0 {
		blocks := map[string]any{}
		for _, nb := range b.BlockTypes {
			blocks[nb.TypeName] = map[string]any{"block": blockJSON(nb.Block), "nesting_mode": strings.ToLower(nb.Nesting.String())}
		}
		out["block_types"] = blocks
	}
	return out
}

func attributeJSON(a *tfprotov6.SchemaAttribute) map[string]any {
	out := map[string]any{}
	for flag, set := range map[string]bool{"required": a.Required, "optional": a.Optional, "computed": a.Computed, "sensitive": a.Sensitive} {
		if set {
			out[flag] = true
		}
	}
	if a.NestedType != nil {
		attrs := map[string]any{}
		for _, n := range a.NestedType.Attributes {
			attrs[n.Name] = attributeJSON(n)
		}
		out["nested_type"] = map[string]any{"attributes": attrs, "nesting_mode": strings.ToLower(a.NestedType.Nesting.String())}
		return out
	}
	out["type"] = typeJSON(a.Type)
	return out
}

// typeJSON writes a type as the CLI's JSON does: "string", ["list", "string"].
func typeJSON(typ tftypes.Type) any {
	switch typ := typ.(type) {
	case tftypes.List:
		return []any{"list", typeJSON(typ.ElementType)}
	case tftypes.Set:
		return []any{"set", typeJSON(typ.ElementType)}
	case tftypes.Map:
		return []any{"map", typeJSON(typ.ElementType)}
	case tftypes.Object:
		attrs := map[string]any{}
		for name, a := range typ.AttributeTypes {
			attrs[name] = typeJSON(a)
		}
		return []any{"object", attrs}
	}
	switch {
	case typ.Is(tftypes.String):
		return "string"
	case typ.Is(tftypes.Number):
		return "number"
	case typ.Is(tftypes.Bool):
		return "bool"
	}
	return "dynamic"
}
