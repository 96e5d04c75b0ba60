// Command reference is the smallest terraform-plugin-framework provider that
// does what the plan benchmarks compare cfperms against: a data source that
// returns a constant, a data source and a function that echo a list back.
// Its plan times are the framework's floor.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func main() {
	err := providerserver.Serve(context.Background(), func() provider.Provider { return referenceProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/cfperms/reference"})
	if err != nil {
		log.Fatal(err)
	}
}

type referenceProvider struct{}

func (referenceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "reference"
}
func (referenceProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (referenceProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (referenceProvider) Resources(context.Context) []func() resource.Resource { return nil }
func (referenceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		func() datasource.DataSource { return constantDataSource{} },
		func() datasource.DataSource { return echoDataSource{} },
	}
}
func (referenceProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{func() function.Function { return echoFunction{} }}
}

type constantDataSource struct{}

func (constantDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "reference_constant"
}
func (constantDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true},
		"id":   schema.StringAttribute{Computed: true},
	}}
}
func (constantDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data struct {
		Name types.String `tfsdk:"name"`
		ID   types.String `tfsdk:"id"`
	}
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	data.ID = types.StringValue("4755a26eedb94da69e1066d98aa820be")
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

type echoDataSource struct{}

func (echoDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "reference_echo"
}
func (echoDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"names": schema.ListAttribute{ElementType: types.StringType, Required: true},
		"ids":   schema.ListAttribute{ElementType: types.StringType, Computed: true},
	}}
}
func (echoDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data struct {
		Names types.List `tfsdk:"names"`
		IDs   types.List `tfsdk:"ids"`
	}
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	data.IDs = data.Names
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

type echoFunction struct{}

func (echoFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "echo"
}
func (echoFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Parameters: []function.Parameter{function.ListParameter{Name: "names", ElementType: types.StringType}},
		Return:     function.ListReturn{ElementType: types.StringType},
	}
}
func (echoFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var names []string
	resp.Error = req.Arguments.Get(ctx, &names)
	if resp.Error == nil {
		resp.Error = resp.Result.Set(ctx, names)
	}
}
