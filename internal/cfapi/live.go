package cfapi

import (
	"context"
	"fmt"
	"time"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// LiveCatalog fetches Cloudflare's current list of permission groups and
// merges it with the embedded catalog (catalog.Merge): every live group,
// plus the embedded ones the list lacks, which may have been retired. A list
// that fails the generator's floors (a truncated or wrong response) is
// refused. The snapshot is dated today. It is what live mode does, for the
// commands.
func LiveCatalog(ctx context.Context, c *Client) (*catalog.Catalog, catalog.Diff, error) {
	raw, err := c.ListPermissionGroups(ctx)
	if err != nil {
		return nil, catalog.Diff{}, err
	}
	live := catalog.Snapshot{AsOf: time.Now().UTC().Format("2006-01-02"), Source: "live List permission groups", Groups: CatalogGroups(raw)}
	if err := live.Validate(); err != nil {
		return nil, catalog.Diff{}, fmt.Errorf("the live list of permission groups is not usable: %w", err)
	}
	embedded, err := catalog.EmbeddedSnapshot()
	if err != nil {
		return nil, catalog.Diff{}, err
	}
	if err := catalog.CheckLiveFloors(embedded, live); err != nil {
		return nil, catalog.Diff{}, err
	}
	merged, diff := catalog.Merge(embedded, live)
	return merged, diff, nil
}
