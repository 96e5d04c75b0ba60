package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
)

// catalogSource is what Configure hands the data sources: the catalog to
// resolve against and, in live mode, how the live list differs.
type catalogSource struct {
	catalog *catalog.Catalog
	diff    *catalog.Diff
}

// configuredCatalog gives a data source the provider's catalog; embedded in
// every data source so none resolves against the wrong one.
type configuredCatalog struct {
	source *catalogSource
	// live is the provider's live mode, which validators consult before the
	// provider is configured (Terraform validates provider configuration
	// before the data sources that use it).
	live *atomic.Bool
}

func (c *configuredCatalog) liveMode() bool { return c.live != nil && c.live.Load() }

func (c *configuredCatalog) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // not configured yet: validation, or a provider-less call
	}
	source, ok := req.ProviderData.(*catalogSource)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected *catalogSource, got %T; this is a bug in the provider", req.ProviderData))
		return
	}
	c.source = source
}

func (c *configuredCatalog) catalog() *catalog.Catalog {
	if c.source == nil || c.source.catalog == nil {
		return catalog.Default()
	}
	return c.source.catalog
}

type liveSettings struct {
	token, accountID, baseURL string
	timeout                   time.Duration
}

// key identifies a fetch without keeping the token itself.
func (s liveSettings) key() string {
	sum := sha256.Sum256([]byte(s.token + "\x00" + s.accountID + "\x00" + s.baseURL))
	return hex.EncodeToString(sum[:])
}

type liveResult struct {
	once   sync.Once
	source *catalogSource
	err    error
}

// liveFetches holds one fetch per settings for the life of the process:
// Terraform configures the provider more than once per run.
var liveFetches sync.Map

func fetchLive(ctx context.Context, s liveSettings) (*catalogSource, error) {
	if s.token == "" {
		return nil, errors.New("live_catalog needs an API token: set api_token or the CLOUDFLARE_API_TOKEN environment variable")
	}
	entry, _ := liveFetches.LoadOrStore(s.key(), &liveResult{})
	r := entry.(*liveResult) //nolint:forcetypeassert // only *liveResult is stored
	r.once.Do(func() {
		client := &cfapi.Client{BaseURL: s.baseURL, Token: s.token, AccountID: s.accountID, Timeout: s.timeout}
		start := time.Now()
		raw, err := client.ListPermissionGroups(ctx)
		if err != nil {
			r.err = err
			return
		}
		live := catalog.Snapshot{AsOf: time.Now().UTC().Format("2006-01-02"), Source: "live List permission groups", Groups: cfapi.CatalogGroups(raw)}
		if err := live.Validate(); err != nil {
			r.err = fmt.Errorf("the live list of permission groups is not usable: %w", err)
			return
		}
		embedded, err := catalog.EmbeddedSnapshot()
		if err != nil {
			r.err = err
			return
		}
		merged, diff := catalog.Merge(embedded, live)
		r.source = &catalogSource{catalog: merged, diff: &diff}
		tflog.Info(ctx, "fetched the live list of permission groups", map[string]any{
			"groups": len(raw), "added": len(diff.Added), "removed": len(diff.Removed), "renamed": len(diff.Renamed),
			"elapsed_ms": time.Since(start).Milliseconds(),
		})
	})
	return r.source, r.err
}
