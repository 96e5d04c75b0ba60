package cloudflaretest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NewProvider is a provider named cloudflare whose token resources have the
// schema of the release line r. It keeps what it is given and talks to
// nothing: an apply stores the plan, with each value known only after apply
// made up.
func NewProvider(r Release) provider.Provider { return &standIn{release: r} }

type standIn struct{ release Release }

func (p *standIn) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cloudflare"
}

// Schema is empty: the real provider's settings (api_token, base_url...)
// are all optional, and nothing here uses them.
func (p *standIn) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *standIn) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *standIn) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (p *standIn) Resources(context.Context) []func() resource.Resource {
	out := []func() resource.Resource{func() resource.Resource { return &token{release: p.release, typeName: "cloudflare_api_token"} }}
	if p.release.AccountToken {
		out = append(out, func() resource.Resource {
			return &token{release: p.release, typeName: "cloudflare_account_token", account: true}
		})
	}
	return out
}

// TokenSchema is the schema of a token resource of the release line r;
// account selects cloudflare_account_token.
func TokenSchema(r Release, account bool) schema.Schema {
	if r.Blocks {
		return v4Schema()
	}
	return schema.Schema{Version: r.Version, Attributes: v5Attributes(r, account)}
}

type token struct {
	release  Release
	typeName string
	account  bool
}

func (r *token) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.typeName
}

func (r *token) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = TokenSchema(r.release, r.account)
}

func (r *token) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = r.applied(ctx, req.Plan.Raw, &resp.Diagnostics)
}

// applied is the planned value with every value known only after apply made
// up: strings from the token's type and name, anything else null.
func (r *token) applied(ctx context.Context, planned tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	var name string
	diags.Append(tfsdk.Plan{Raw: planned, Schema: TokenSchema(r.release, r.account)}.GetAttribute(ctx, path.Root("name"), &name)...)
	sum := sha256.Sum256([]byte(r.typeName + name))
	made := hex.EncodeToString(sum[:16])
	known, err := tftypes.Transform(planned, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		switch {
		case v.IsKnown():
			return v, nil
		case v.Type().Is(tftypes.String):
			return tftypes.NewValue(tftypes.String, made), nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
	if err != nil {
		diags.AddError("Stand-in could not store the token", err.Error())
	}
	return known
}

func (r *token) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *token) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = r.applied(ctx, req.Plan.Raw, &resp.Diagnostics)
}

func (r *token) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// jsonValid is the check v5.13 and later make of resources: the string must
// be JSON, nothing more.
type jsonValid struct{}

var _ validator.String = jsonValid{}

func (jsonValid) Description(context.Context) string { return "value must be valid JSON" }

func (v jsonValid) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (jsonValid) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || json.Valid([]byte(req.ConfigValue.ValueString())) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON String Value", "A string value was provided that is not valid JSON string format (RFC 7159).")
}
