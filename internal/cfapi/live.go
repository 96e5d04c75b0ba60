package cfapi

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
	if echoesToken(raw, c.Token) {
		return nil, catalog.Diff{}, errors.New("the live list of permission groups is not usable: it holds the API token itself, which would reach plan output and state")
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

// minEchoed is the shortest token looked for in a response: Cloudflare's
// tokens are 40 characters, and a shorter string would match by chance.
const minEchoed = 16

// echoesToken reports a response that repeats the token in a group's id,
// name, scope or category: what the catalog keeps of a group goes into
// diagnostics, plan output and state.
func echoesToken(raw []PermissionGroup, token string) bool {
	if len(token) < minEchoed {
		return false
	}
	for _, g := range raw {
		fields := append([]string{g.ID, g.Name, g.Category}, g.Scopes...)
		for _, f := range fields {
			if strings.Contains(f, token) {
				return true
			}
		}
	}
	return false
}
