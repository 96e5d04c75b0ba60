// Command cfperms-catalog turns a List permission groups API response into the
// provider's committed catalog (internal/catalog/groups.tsv).
//
//	cfperms-catalog -in permission_groups.json -as-of 2026-01-27
//	CLOUDFLARE_API_TOKEN=... cfperms-catalog [-account-id ID]
//
// Descriptions are dropped: they are Cloudflare's prose, not data we need.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "cfperms-catalog:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("cfperms-catalog", flag.ContinueOnError)
	in := fl.String("in", "", "read a saved List permission groups response from this file instead of the API")
	out := fl.String("out", "internal/catalog/groups.tsv", "catalog file to write")
	asOf := fl.String("as-of", "", "snapshot date YYYY-MM-DD (default: today for a live fetch; required with -in)")
	accountID := fl.String("account-id", "", "list the groups of this account (/accounts/{id}/tokens/permission_groups)")
	baseURL := fl.String("base-url", cfapi.DefaultBaseURL, "Cloudflare API root")
	force := fl.Bool("force", false, "write even when a scope disappears or the count drops by more than 10%")
	former := fl.String("former-names", "", "former names file to keep renamed groups' old names in (default: former-names.tsv beside -out)")
	summary := fl.String("summary", "", "also write what changed, in Markdown, to this file (for a refresh pull request)")
	if err := fl.Parse(args); err != nil {
		return err
	}

	groups, source, err := fetch(*in, *baseURL, *accountID)
	if err != nil {
		return err
	}
	date := *asOf
	if date == "" {
		if *in != "" {
			return errors.New("-as-of is required with -in: the file does not say when it was fetched")
		}
		date = time.Now().UTC().Format("2006-01-02")
	}
	snap := catalog.Snapshot{AsOf: date, Source: source, Groups: groups}
	data, err := snap.MarshalTSV()
	if err != nil {
		return err
	}
	old, err := checkAgainstCommitted(*out, snap, *force)
	if err != nil {
		return err
	}
	if *former == "" {
		*former = filepath.Join(filepath.Dir(*out), "former-names.tsv")
	}
	formerData, err := formerNamesUpdate(*former, old, snap)
	if err != nil {
		return err
	}
	if err := writeBoth(*out, data, *former, formerData); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d groups as of %s\n\n", *out, len(groups), date)
	return report(old, snap, *summary)
}

// formerNamesUpdate is the former names file with the old name of every
// renamed group added, dated with this refresh, so configurations written
// with it keep resolving; nil when nothing was renamed.
func formerNamesUpdate(path string, old *catalog.Snapshot, next catalog.Snapshot) ([]byte, error) {
	if old == nil {
		return nil, nil
	}
	renames := catalog.Compare(*old, next).FormerNamesOf(next.AsOf)
	if len(renames) == 0 {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return catalog.AppendFormerNames(data, renames), nil
}

// writeBoth writes the catalog, then the former names (when there are
// new ones); if the second write fails, the catalog is put back as it was,
// so a refresh changes both files or neither.
func writeBoth(catalogPath string, catalogData []byte, formerPath string, formerData []byte) error {
	previous, readErr := os.ReadFile(catalogPath)
	if err := writeCatalog(catalogPath, catalogData); err != nil {
		return err
	}
	if formerData == nil {
		return nil
	}
	err := writeFormerNames(formerPath, formerData)
	if err == nil {
		return nil
	}
	switch {
	case readErr == nil:
		if restoreErr := writeCatalog(catalogPath, previous); restoreErr != nil {
			return fmt.Errorf("%w; and putting %s back failed too: %v", err, catalogPath, restoreErr)
		}
	case errors.Is(readErr, fs.ErrNotExist):
		_ = os.Remove(catalogPath)
	}
	return fmt.Errorf("%w (%s is as it was)", err, catalogPath)
}

// report prints what the refresh changed, per scope, and writes it to
// summaryPath too when one is given.
func report(old *catalog.Snapshot, next catalog.Snapshot, summaryPath string) error {
	if old == nil {
		return nil
	}
	text := catalog.RefreshSummary(*old, next)
	fmt.Print(text)
	if summaryPath == "" {
		return nil
	}
	return os.WriteFile(summaryPath, []byte(text), 0o644)
}

func fetch(in, baseURL, accountID string) ([]catalog.Group, string, error) {
	var raw []cfapi.PermissionGroup
	var source string
	if in != "" {
		data, err := os.ReadFile(in)
		if err != nil {
			return nil, "", err
		}
		resp, err := cfapi.DecodeResponse(data)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", in, err)
		}
		raw, source = resp.Result, "saved response "+filepath.Base(in)
	} else {
		token := os.Getenv("CLOUDFLARE_API_TOKEN")
		if token == "" {
			return nil, "", errors.New("give -in FILE, or set CLOUDFLARE_API_TOKEN to fetch the list live")
		}
		client := &cfapi.Client{BaseURL: baseURL, Token: token, AccountID: accountID}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		var err error
		if raw, err = client.ListPermissionGroups(ctx); err != nil {
			return nil, "", err
		}
		source = "GET /user/tokens/permission_groups"
		if accountID != "" {
			source = "GET /accounts/{account_id}/tokens/permission_groups"
		}
	}
	return cfapi.CatalogGroups(raw), source, nil
}

// checkAgainstCommitted returns the committed catalog (nil when there is
// none, or with -force one that does not parse) after checking that next
// may replace it.
func checkAgainstCommitted(path string, next catalog.Snapshot, force bool) (*catalog.Snapshot, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	old, err := catalog.ParseTSV(data)
	if err != nil {
		if force {
			return nil, nil
		}
		return nil, fmt.Errorf("the committed catalog %s does not parse (%v); use -force to overwrite it", path, err)
	}
	if err := catalog.CheckFloors(old, next); err != nil {
		if !force {
			return nil, fmt.Errorf("%w; check the response, or use -force if Cloudflare really did this", err)
		}
		fmt.Fprintln(os.Stderr, "cfperms-catalog: warning:", err, "(written anyway: -force)")
	}
	return &old, nil
}
