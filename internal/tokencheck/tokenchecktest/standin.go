// Package tokenchecktest gives tests a stand-in for the Cloudflare
// provider's token resources and a way to run the Terraform CLI against it,
// so that the plan and state JSON the checks read is the CLI's own, types,
// unknown values, modules and deposed objects included. It is imported by
// tests only.
package tokenchecktest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Shape is the Cloudflare provider schema a stand-in copies.
type Shape string

const (
	// V4 has `policy` blocks: permission_groups a set of ids, resources a map.
	V4 Shape = "v4"
	// V5Map has `policies`: permission_groups [{id}], resources a map of
	// strings, as before 5.13.
	V5Map Shape = "v5-map"
	// V5JSON is V5Map with resources a JSON string, as from 5.13.
	V5JSON Shape = "v5-json"
)

// StuckSuffix makes a stand-in token refuse deletion, which leaves a deposed
// object in the state when it is replaced with create_before_destroy.
const StuckSuffix = "-stuck"

// NewProvider is a provider named cloudflare whose cloudflare_api_token and
// cloudflare_account_token have the attributes of the given shape. It keeps
// what it is given; it talks to nothing.
func NewProvider(shape Shape) provider.Provider { return &standIn{shape: shape} }

type standIn struct{ shape Shape }

func (p *standIn) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cloudflare"
}

func (p *standIn) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *standIn) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *standIn) DataSources(context.Context) []func() datasource.DataSource {
	return otherDataSources()
}

func (p *standIn) Resources(context.Context) []func() resource.Resource {
	return append([]func() resource.Resource{
		func() resource.Resource { return &token{typeName: "cloudflare_api_token", shape: p.shape} },
		func() resource.Resource { return &token{typeName: "cloudflare_account_token", shape: p.shape} },
	}, otherResources()...)
}

type token struct {
	typeName string
	shape    Shape
}

func (r *token) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.typeName
}

func (r *token) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"name":       schema.StringAttribute{Required: true},
		"account_id": schema.StringAttribute{Optional: true},
	}
	if r.shape == V4 {
		resp.Schema = schema.Schema{Attributes: attrs, Blocks: map[string]schema.Block{"policy": v4PolicyBlock()}}
		return
	}
	attrs["policies"] = v5Policies(r.shape)
	resp.Schema = schema.Schema{Attributes: attrs}
}

func v4PolicyBlock() schema.SetNestedBlock {
	return schema.SetNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
		"effect":            schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("allow")},
		"permission_groups": schema.SetAttribute{Required: true, ElementType: types.StringType},
		"resources":         schema.MapAttribute{Required: true, ElementType: types.StringType},
	}}}
}

func v5Policies(shape Shape) schema.ListNestedAttribute {
	var resources schema.Attribute = schema.MapAttribute{Required: true, ElementType: types.StringType}
	if shape == V5JSON {
		resources = schema.StringAttribute{Required: true}
	}
	return schema.ListNestedAttribute{Required: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"effect": schema.StringAttribute{Required: true},
		"permission_groups": schema.ListNestedAttribute{Required: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Required: true},
			"meta": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
				"key": schema.StringAttribute{Optional: true}, "value": schema.StringAttribute{Optional: true},
			}},
		}}},
		"resources": resources,
	}}}
}

func (r *token) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var name string
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.State.Raw = req.Plan.Raw
	sum := sha256.Sum256([]byte(r.typeName + name))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), hex.EncodeToString(sum[:16]))...)
}

func (r *token) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *token) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (r *token) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var name string
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("name"), &name)...)
	if strings.HasSuffix(name, StuckSuffix) {
		resp.Diagnostics.AddError("Stand-in token refuses deletion", "The test named it "+name+" to keep it as a deposed object.")
	}
}
