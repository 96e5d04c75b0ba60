package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

// probeDataSource is written the way the next data source will be: a name
// attribute with the usual validators and not a word about live mode.
type probeDataSource struct {
	configuredCatalog
}

func (d *probeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_probe"
}

func (d *probeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true, Validators: []validator.String{validators.PermissionName()}},
		"id":   schema.StringAttribute{Computed: true},
	}}
}

func (d *probeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	m, err := d.catalog().Resolve(name.ValueString(), "")
	if err != nil {
		resp.Diagnostics.AddError("probe", err.Error())
		return
	}
	resp.State.Raw = req.Config.Raw
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), m.Group.ID)...)
}

// probeProvider is the provider with the probe listed beside the others.
type probeProvider struct{ *cfpermsProvider }

func (p probeProvider) DataSources(ctx context.Context) []func() datasource.DataSource {
	return append(p.cfpermsProvider.DataSources(ctx), serve(p.liveMode, func() datasource.DataSource { return &probeDataSource{} }))
}

// A data source gets the live-mode rule by being served, with no wiring of
// its own: in live mode a name only the live list has passes validation and
// resolves; with live mode off the same name fails validation.
func TestNewDataSourceGetsLiveModeByConstruction(t *testing.T) {
	t.Parallel()
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"cfperms": func() (tfprotov6.ProviderServer, error) {
			return providerserver.NewProtocol6WithError(probeProvider{&cfpermsProvider{version: "test"}})()
		},
	}
	srv := newFakeCloudflare(t, "")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		// Offline first: the destroy after the last step plans its config.
		Steps: []resource.TestStep{
			{
				// The validator's summary, not the read's ("probe"): the name
				// must fail validation, before any read.
				Config:      `data "cfperms_probe" "x" { name = "Workers Secrets Write" }`,
				ExpectError: errorPattern(`Error: Unknown permission group(?s).*"Workers Secrets Write" is not a permission group in any scope`),
			},
			{
				Config: srv.providerBlock("") + `data "cfperms_probe" "x" { name = "Workers Secrets Write" }`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cfperms_probe.x", tfjsonpath.New("id"), knownvalue.StringExact(newGroupID)),
				},
			},
		},
	})
}

// Every data source the provider lists builds its schema through serve, and
// a live-aware validator on an attribute kind inLiveMode does not reach
// panics there rather than staying offline unseen.
func TestEveryDataSourceServes(t *testing.T) {
	t.Parallel()
	p := &cfpermsProvider{version: "test"}
	for _, newDataSource := range p.DataSources(context.Background()) {
		ds := newDataSource()
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "cfperms"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() || len(resp.Schema.Attributes) == 0 {
			t.Errorf("%s: schema %v, %v", meta.TypeName, resp.Schema.Attributes, resp.Diagnostics)
		}
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), `attribute "x"`) {
			t.Fatalf("a live-aware validator on a dynamic attribute did not panic: %v", r)
		}
	}()
	inLiveMode(map[string]schema.Attribute{"x": schema.DynamicAttribute{Optional: true, Validators: []validator.Dynamic{liveAwareDynamic{}}}}, nil)
}

// liveAwareDynamic is a dynamic validator that waits for live data, of a
// kind inLiveMode does not hand live mode to.
type liveAwareDynamic struct{}

func (liveAwareDynamic) Description(context.Context) string         { return "" }
func (liveAwareDynamic) MarkdownDescription(context.Context) string { return "" }
func (liveAwareDynamic) ValidateDynamic(context.Context, validator.DynamicRequest, *validator.DynamicResponse) {
}
func (v liveAwareDynamic) InLiveMode(validators.LiveMode) validator.Dynamic { return v }
