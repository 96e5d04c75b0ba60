// Package provider holds every Terraform-facing type of the cfperms provider.
// Each is a thin adapter: parse configuration, ask the catalog, set state.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

var (
	_ provider.Provider              = &cfpermsProvider{}
	_ provider.ProviderWithFunctions = &cfpermsProvider{}
)

type cfpermsProvider struct {
	version string
}

// New returns the provider factory providerserver.Serve expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &cfpermsProvider{version: version}
	}
}

func (p *cfpermsProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cfperms"
	resp.Version = p.version
}

func (p *cfpermsProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves Cloudflare API token permission names (`DNS Write`, `Zone > DNS > Edit`) " +
			"to permission group ids from a catalog embedded in the provider (snapshot of " + catalog.EmbeddedAsOf() +
			"), offline and without credentials, and checks them at plan time. The provider takes no configuration.",
	}
}

func (p *cfpermsProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *cfpermsProvider) Resources(context.Context) []func() resource.Resource { return nil }

func (p *cfpermsProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewPermissionGroupDataSource,
		NewPermissionGroupsDataSource,
		NewCatalogDataSource,
		NewTokenPolicyDataSource,
	}
}

func (p *cfpermsProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewPermissionIDFunction,
		NewPermissionIDsFunction,
		NewPermissionNameFunction,
		NewPermissionGroupFunction,
		NewPermissionExistsFunction,
		NewTokenPolicyFunction,
	}
}
