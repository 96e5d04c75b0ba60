// Package provider holds every Terraform-facing type of the cfperms provider.
// Each is a thin adapter: parse configuration, ask the catalog, set state.
package provider

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var (
	_ provider.Provider                   = &cfpermsProvider{}
	_ provider.ProviderWithFunctions      = &cfpermsProvider{}
	_ provider.ProviderWithValidateConfig = &cfpermsProvider{}
)

type cfpermsProvider struct {
	version string
	// live is set from live_catalog when Terraform validates the provider's
	// configuration, which it does before any data source's in the same
	// process; every served data source reads it through liveMode.
	live atomic.Bool
}

// liveMode is the provider's live mode, as validators read it.
func (p *cfpermsProvider) liveMode() bool { return p.live.Load() }

// New returns the provider factory providerserver.Serve expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &cfpermsProvider{version: version}
	}
}

type providerModel struct {
	APIToken          types.String `tfsdk:"api_token"`
	AccountID         types.String `tfsdk:"account_id"`
	BaseURL           types.String `tfsdk:"base_url"`
	LiveCatalog       types.Bool   `tfsdk:"live_catalog"`
	LiveCatalogStrict types.Bool   `tfsdk:"live_catalog_strict"`
	Timeout           types.String `tfsdk:"timeout"`
}

func (p *cfpermsProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cfperms"
	resp.Version = p.version
}

func (p *cfpermsProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves Cloudflare API token permission names (`DNS Write`, `Zone > DNS > Edit`) " +
			"to permission group ids from a catalog embedded in the provider (snapshot of " + catalog.EmbeddedAsOfText() +
			"), offline and without credentials, and checks them at plan time. Every argument is optional: " +
			"without `live_catalog` the provider makes no network call at all.",
		Attributes: map[string]schema.Attribute{
			"live_catalog": schema.BoolAttribute{
				MarkdownDescription: "Fetch Cloudflare's List permission groups once per provider process and resolve against it, merged " +
					"with the embedded vocabulary: groups newer than the embedded catalog resolve, renamed groups resolve under " +
					"both names (the old one with a warning), and groups missing from the live list resolve with a warning, never " +
					"in place of a live group of the same name. " +
					"Needs `api_token`. Functions always use the embedded catalog. Default `false`.",
				Optional: true,
			},
			"live_catalog_strict": schema.BoolAttribute{
				MarkdownDescription: "With `live_catalog`, fail when the live list cannot be fetched, or looks truncated or wrong " +
					"(a scope gone, more than 10% of the groups gone, or names moved between groups), instead of warning and using the embedded catalog. Default `false`.",
				Optional: true,
			},
			"api_token": schema.StringAttribute{
				MarkdownDescription: "Cloudflare API token used by `live_catalog`; it needs permission to list permission " +
					"groups (`API Tokens Read`, or `Account API Tokens Read` with `account_id`). Defaults to the " +
					"`CLOUDFLARE_API_TOKEN` environment variable. Never written to logs, diagnostics or state.",
				Optional:  true,
				Sensitive: true,
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "List the account's permission groups (`/accounts/{account_id}/tokens/permission_groups`) " +
					"instead of the user's (`/user/tokens/permission_groups`).",
				Optional: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Cloudflare API root: an `https` URL without user info, query or fragment (`http` only for " +
					"loopback hosts such as `127.0.0.1`, for testing). Redirects are not followed, so the token goes to this host " +
					"only. Default `" + cfapi.DefaultBaseURL + "`.",
				Optional:   true,
				Validators: []validator.String{validators.BaseURL()},
			},
			"timeout": schema.StringAttribute{
				MarkdownDescription: "Longest time the live list may take, every page and retry included, as a Go duration " +
					"such as `30s`. Rate limits (HTTP 429, honouring `Retry-After`) and server errors are retried within it. " +
					"Default `60s`.",
				Optional: true,
			},
		},
	}
}

// ValidateConfig runs before Terraform validates any data source in the
// same process, so the validators learn here whether names may be newer
// than the embedded catalog.
func (p *cfpermsProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p.live.Store(config.LiveCatalog.ValueBool() || config.LiveCatalog.IsUnknown())
	if !config.Timeout.IsNull() && !config.Timeout.IsUnknown() {
		if d, err := time.ParseDuration(config.Timeout.ValueString()); err != nil || d <= 0 {
			resp.Diagnostics.AddAttributeError(path.Root("timeout"), "Invalid timeout",
				"timeout must be a positive Go duration such as \"30s\" or \"2m\", not "+config.Timeout.String()+".")
		}
	}
}

func (p *cfpermsProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	source, diags := p.catalogSource(ctx, config)
	resp.Diagnostics.Append(diags...)
	if !diags.HasError() {
		resp.DataSourceData = source
	}
}

// catalogSource is the catalog the data sources resolve against, built once:
// the embedded one, or in live mode the live list merged with it, falling
// back to the embedded one with a warning unless live_catalog_strict is set.
func (p *cfpermsProvider) catalogSource(ctx context.Context, config providerModel) (*catalogSource, diag.Diagnostics) {
	var diags diag.Diagnostics
	embedded := &catalogSource{catalog: catalog.Default()}
	if !config.LiveCatalog.ValueBool() {
		return embedded, diags
	}
	if unknown := config.unknownLiveSettings(); len(unknown) > 0 {
		return liveFailure(config.LiveCatalogStrict.ValueBool(), embedded, errors.New(catalog.LiveSettingsUnknown(unknown)))
	}
	settings := liveSettings{
		token:     config.APIToken.ValueString(),
		accountID: config.AccountID.ValueString(),
		baseURL:   config.BaseURL.ValueString(),
		version:   p.version,
	}
	if settings.token == "" {
		settings.token = os.Getenv("CLOUDFLARE_API_TOKEN")
	}
	if !config.Timeout.IsNull() {
		settings.timeout, _ = time.ParseDuration(config.Timeout.ValueString())
	}
	live, err := fetchLive(ctx, settings)
	if err == nil {
		return live, diags
	}
	return liveFailure(config.LiveCatalogStrict.ValueBool(), embedded, err)
}

// unknownLiveSettings names the live settings known only after apply.
func (m providerModel) unknownLiveSettings() []string {
	var names []string
	for _, s := range []struct {
		name  string
		value types.String
	}{{"api_token", m.APIToken}, {"account_id", m.AccountID}, {"base_url", m.BaseURL}, {"timeout", m.Timeout}} {
		if s.value.IsUnknown() {
			names = append(names, s.name)
		}
	}
	return names
}

// liveFailure reports a live list not used: an error when
// live_catalog_strict is set, otherwise a warning and the embedded catalog.
func liveFailure(strict bool, embedded *catalogSource, err error) (*catalogSource, diag.Diagnostics) {
	var diags diag.Diagnostics
	summary := liveFailureSummary(err)
	detail := strings.TrimSuffix(err.Error(), ".") + "."
	if strict {
		diags.AddAttributeError(path.Root("live_catalog"), summary, detail+" live_catalog_strict is set, so the run stops.")
		return nil, diags
	}
	diags.AddAttributeWarning(path.Root("live_catalog"), summary,
		detail+" Resolving against the embedded catalog (snapshot of "+catalog.EmbeddedAsOf()+") instead; set live_catalog_strict to fail here.")
	return embedded, diags
}

func (p *cfpermsProvider) Resources(context.Context) []func() resource.Resource { return nil }

func (p *cfpermsProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		serve(p.liveMode, newPermissionGroupDataSource),
		serve(p.liveMode, newPermissionGroupsDataSource),
		serve(p.liveMode, newCatalogDataSource),
		serve(p.liveMode, newTokenPolicyDataSource),
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
		NewCheckTokenPoliciesFunction,
		NewRequiredPermissionsFunction,
	}
}
