// Command refreshfixture writes a List permission groups response that
// differs from the embedded catalog the way a real refresh would: a week
// later, one group added, one removed and one renamed. scripts/refresh-check.sh
// feeds it to the generator in a scratch copy of the repository and runs the
// suites there, to prove a refresh needs no test edits.
//
// The removed and renamed groups are chosen, not fixed, so the check keeps
// working after real refreshes: the removed group is one that no test, test
// fixture or vocabulary entry names; the renamed one is named by the seed
// fixture (so the seed test proves its old name still resolves) but by no
// test's code. (testdata/resolutions.tsv names every group; its test skips
// ids a refresh removed.)
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
)

func main() {
	out := flag.String("out", "response.json", "file to write the response to")
	root := flag.String("root", ".", "repository root, searched for the names tests use")
	flag.Parse()
	if err := run(*out, *root); err != nil {
		fmt.Fprintln(os.Stderr, "refreshfixture:", err)
		os.Exit(1)
	}
}

func run(out, root string) error {
	snap, err := catalog.EmbeddedSnapshot()
	if err != nil {
		return err
	}
	code, fixtures, err := testTexts(root)
	if err != nil {
		return err
	}
	removed, renamed := pick(snap, code, fixtures)
	if removed == "" || renamed == "" {
		return fmt.Errorf("no group fits (removed %q, renamed %q)", removed, renamed)
	}
	resp := response(snap, removed, renamed)
	data, err := json.MarshalIndent(resp, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o600); err != nil {
		return err
	}
	asOf, err := time.Parse("2006-01-02", snap.AsOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "refreshfixture: removed %s, renamed %s, added %s\n", removed, renamed, probeID)
	fmt.Println(asOf.AddDate(0, 0, 7).Format("2006-01-02")) // the new as_of, for the generator
	return nil
}

// probeID and probeName are the added group.
const (
	probeID   = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0"
	probeName = "Refresh Check Probe Read"
)

// testTexts reads every test file's code, and the seed fixture, of root.
func testTexts(root string) (code, fixtures string, err error) {
	var c, f strings.Builder
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		isFixture := filepath.Base(path) == "seed-names.tsv"
		if !strings.HasSuffix(path, "_test.go") && !isFixture {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if isFixture {
			f.Write(data)
		} else {
			c.Write(data)
		}
		return nil
	})
	return c.String(), f.String(), err
}

// pick chooses the account group to remove and the one to rename.
func pick(snap catalog.Snapshot, code, fixtures string) (removed, renamed string) {
	c := catalog.Default()
	names := map[string]int{}
	for _, g := range snap.Groups {
		names[g.Name]++
	}
	for _, g := range c.List(catalog.Filter{ScopeKey: catalog.ScopeKeyAccount}) {
		named := strings.Contains(code, g.Name) || strings.Contains(code, g.ID) || names[g.Name] > 1
		inFixtures := strings.Contains(fixtures, g.ID)
		hasAliases := len(c.Aliases(g.ID, catalog.ScopeKeyAccount)) > 0
		switch {
		case named || hasAliases:
		case !inFixtures && removed == "":
			removed = g.ID
		case inFixtures && renamed == "" && strings.HasSuffix(g.Name, " Read"):
			renamed = g.ID
		}
	}
	return removed, renamed
}

func response(snap catalog.Snapshot, removed, renamed string) map[string]any {
	var result []cfapi.PermissionGroup
	for _, g := range snap.Groups {
		switch g.ID {
		case removed:
			continue
		case renamed:
			g.Name = strings.TrimSuffix(g.Name, " Read") + " Renamed Read"
		}
		result = append(result, cfapi.PermissionGroup{ID: g.ID, Name: g.Name, Scopes: g.ScopeKeys, Category: g.Category})
	}
	result = append(result, cfapi.PermissionGroup{ID: probeID, Name: probeName, Scopes: []string{catalog.ScopeKeyAccount}, Category: "other"})
	return map[string]any{"success": true, "errors": []any{}, "messages": []any{}, "result": result}
}
