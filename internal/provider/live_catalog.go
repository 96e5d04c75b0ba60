package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
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
	// live is the provider's live mode, given by serve (servedDataSource),
	// for checks of a whole configuration; attribute validators get it there
	// too.
	live validators.LiveMode
}

func (c *configuredCatalog) useLiveMode(live validators.LiveMode) { c.live = live }

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
	// version is the provider's, for the User-Agent.
	version string
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
		r.source, r.err = fetchAndMerge(ctx, s)
		if r.err != nil {
			// The client cleans its own errors; this holds for every error
			// of live mode, whatever produced it.
			r.err = &catalog.CleanError{Err: r.err, Token: s.token}
		}
	})
	return r.source, r.err
}

// fetchAndMerge lists the live groups and merges them with the embedded
// catalog, refusing a list that is unusable or fails the sanity floors.
func fetchAndMerge(ctx context.Context, s liveSettings) (*catalogSource, error) {
	client := &cfapi.Client{BaseURL: s.baseURL, Token: s.token, AccountID: s.accountID, Timeout: s.timeout, UserAgent: cfapi.UserAgent(s.version)}
	start := time.Now()
	merged, diff, err := cfapi.LiveCatalog(ctx, client)
	if err != nil {
		return nil, err
	}
	tflog.Info(ctx, "fetched the live list of permission groups", map[string]any{
		"groups": merged.Len(), "added": len(diff.Added), "removed": len(diff.Removed), "renamed": len(diff.Renamed),
		"elapsed_ms": time.Since(start).Milliseconds(),
	})
	return &catalogSource{catalog: merged, diff: &diff}, nil
}

// liveFailureSummary is the diagnostic title for a live list not used: a
// list that failed the sanity floors says so, rather than "unavailable".
func liveFailureSummary(err error) string {
	var floor *catalog.LiveFloorError
	if errors.As(err, &floor) {
		return floor.Summary()
	}
	return "Live permission group list unavailable"
}
