package tokenchecktest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// ResourceTypes are the other Cloudflare resource types the stand-in
// serves, for the needs of a plan: each has the Cloudflare provider's
// account_id and zone_id (optional, as in account-or-zone types), a name
// whose change replaces it, and a content that updates in place. Their
// accepted permissions come from the real table, so the types are real.
var ResourceTypes = []string{
	"cloudflare_dns_record", "cloudflare_workers_script", "cloudflare_access_rule",
	"cloudflare_ruleset", "cloudflare_page_rule", "cloudflare_zone_setting",
}

// DataSourceTypes are the data sources it serves, the same way.
var DataSourceTypes = []string{"cloudflare_zone", "cloudflare_zones", "cloudflare_account"}

func otherResources() []func() resource.Resource {
	var out []func() resource.Resource
	for _, typ := range ResourceTypes {
		out = append(out, func() resource.Resource { return &thing{typeName: typ} })
	}
	return out
}

func otherDataSources() []func() datasource.DataSource {
	var out []func() datasource.DataSource
	for _, typ := range DataSourceTypes {
		out = append(out, func() datasource.DataSource { return &lookup{typeName: typ} })
	}
	return out
}

type thing struct{ typeName string }

func (r *thing) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.typeName
}

func (r *thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"account_id": schema.StringAttribute{Optional: true, PlanModifiers: replace},
		"zone_id":    schema.StringAttribute{Optional: true, PlanModifiers: replace},
		"name":       schema.StringAttribute{Required: true, PlanModifiers: replace},
		"content":    schema.StringAttribute{Optional: true},
	}}
}

func (r *thing) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var name string
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.State.Raw = req.Plan.Raw
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), madeUpID(r.typeName+name))...)
}

func (r *thing) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *thing) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (r *thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

type lookup struct{ typeName string }

func (d *lookup) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.typeName
}

func (d *lookup) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{Attributes: map[string]dsschema.Attribute{
		"id":         dsschema.StringAttribute{Computed: true},
		"account_id": dsschema.StringAttribute{Optional: true},
		"zone_id":    dsschema.StringAttribute{Optional: true},
		"name":       dsschema.StringAttribute{Optional: true},
	}}
}

func (d *lookup) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	resp.State.Raw = req.Config.Raw
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), madeUpID(d.typeName))...)
}

func madeUpID(seed string) string {
	sum := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(sum[:16])
}
