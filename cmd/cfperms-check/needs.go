package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

const needsUsage = `Usage: cfperms-check needs [flags] [FILE]

Prints the permission groups a token needs to apply a plan of the Cloudflare
provider (or to refresh a state), read from the JSON of terraform show -json
in FILE or standard input:

  terraform show -json tfplan | cfperms-check needs
  terraform show -json tfplan | cfperms-check needs -format hcl
  terraform show -json tfplan | cfperms-check needs -token cloudflare_api_token.ci

With -token or -token-policies it compares: a group the plan needs that the
token lacks is an error (exit 1), one the token grants that nothing needs a
warning.

Flags:
`

type needsOptions struct {
	format, token, tokenPolicies, file string
}

func parseNeedsOptions(args []string, stderr io.Writer) (o needsOptions, status int, done bool) {
	fl := flag.NewFlagSet("cfperms-check needs", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.format, "format", "text", "output: "+strings.Join(tokencheck.NeedsFormats, ", "))
	fl.StringVar(&o.token, "token", "", "compare with this cloudflare_api_token or cloudflare_account_token of the same plan or state (its address)")
	fl.StringVar(&o.tokenPolicies, "token-policies", "", "compare with a token's policies in this JSON file (a list of policies, as the Cloudflare provider v5 or its API writes them)")
	fl.Usage = func() {
		say(stderr, "%s", needsUsage)
		fl.PrintDefaults()
	}
	files, err := parseInterspersed(fl, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return o, exitClean, true
	case err != nil:
		return o, exitBadInput, true
	}
	if err := o.check(files); err != nil {
		say(stderr, "cfperms-check needs: %v\n", err)
		return o, exitBadInput, true
	}
	return o, exitClean, false
}

func (o *needsOptions) check(files []string) error {
	o.format = strings.ToLower(o.format) // -format JSON means json
	switch {
	case len(files) > 1:
		return fmt.Errorf("one input file at most, got %d: %s", len(files), strings.Join(files, " "))
	case !slices.Contains(tokencheck.NeedsFormats, o.format):
		return fmt.Errorf("-format %q is not one of %s", o.format, strings.Join(tokencheck.NeedsFormats, ", "))
	case o.token != "" && o.tokenPolicies != "":
		return errors.New("-token and -token-policies both name a token to compare with: give one")
	}
	if len(files) == 1 {
		o.file = files[0]
	}
	return nil
}

// runNeeds is the needs subcommand.
func runNeeds(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, status, done := parseNeedsOptions(args, stderr)
	if done {
		return status
	}
	report, err := needsReport(o, stdin)
	if err != nil {
		say(stderr, "cfperms-check needs: %v\n", err)
		return exitBadInput
	}
	if err := tokencheck.WriteNeeds(stdout, report, o.format); err != nil {
		say(stderr, "cfperms-check needs: %v\n", err)
		return exitBadInput
	}
	if o.format == "hcl" {
		// hcl is configuration only: the findings go beside it.
		_ = tokencheck.WriteNeedsFindings(stderr, report)
	}
	if report.Errors() > 0 {
		return exitFindings
	}
	return exitClean
}

func needsReport(o needsOptions, stdin io.Reader) (tokencheck.NeedsReport, error) {
	changes, err := readChanges(o.file, stdin)
	if err != nil {
		return tokencheck.NeedsReport{}, err
	}
	c, t := catalog.Default(), needs.Default()
	r := tokencheck.NeedsReport{
		Input:    changes.Kind,
		Catalog:  tokencheck.CatalogInfo{AsOf: c.AsOf(), Source: c.Source()},
		Provider: t.ProviderVersion(),
		Result:   t.Compute(c, changes.Changes),
	}
	policies, err := tokenPolicies(o, changes)
	if err != nil || policies == nil {
		return r, err
	}
	granted, complete := catalog.AllowedGroupIDs(policies.value)
	cmp := needs.Compare(c, r.Result, granted, complete)
	r.Token, r.TokenKind, r.Comparison = policies.name, policies.kind, &cmp
	return r, nil
}

type namedPolicies struct {
	name  string
	kind  string // tokencheck.TokenTypes' kind, "" for a file
	value any
}

// tokenPolicies are the policies to compare with, or nil for none.
func tokenPolicies(o needsOptions, changes tokencheck.Changes) (*namedPolicies, error) {
	switch {
	case o.tokenPolicies != "":
		return readPoliciesFile(o.tokenPolicies)
	case o.token == "":
		return nil, nil
	}
	var addresses, instances []string
	seen := map[string]bool{}
	for _, t := range changes.Tokens {
		if t.Address == o.token {
			if t.NotChecked != "" {
				return nil, fmt.Errorf("-token %s: %s", o.token, t.NotChecked)
			}
			return &namedPolicies{name: t.Address, kind: tokencheck.TokenTypes[t.Type], value: t.Policies}, nil
		}
		if seen[t.Address] {
			continue // a deposed object beside its current one: one address
		}
		seen[t.Address] = true
		addresses = append(addresses, t.Address)
		if strings.HasPrefix(t.Address, o.token+"[") {
			instances = append(instances, t.Address)
		}
	}
	switch {
	case len(addresses) == 0:
		return nil, fmt.Errorf("-token %s: this %s has no cloudflare_api_token or cloudflare_account_token; use -token-policies FILE for a token managed elsewhere", catalog.Printable(o.token), changes.Kind)
	case len(instances) > 0:
		// count or for_each: the address names instances, not one token.
		return nil, fmt.Errorf("-token %s names %d tokens (count or for_each): give one instance, such as %s", catalog.Printable(o.token), len(instances), catalog.Printable(needs.Addresses(instances)))
	}
	return nil, fmt.Errorf("-token %s is not a token of this %s; its tokens are %s", catalog.Printable(o.token), changes.Kind, catalog.Printable(needs.Addresses(addresses)))
}

// readPoliciesFile reads a list of policies, or an object holding one
// under "policies" (a token as the API returns it).
func readPoliciesFile(file string) (*namedPolicies, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("-token-policies: cannot read %s: %w", file, unwrapPathError(err))
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("-token-policies %s is not JSON: %v", file, err)
	}
	if m, ok := v.(map[string]any); ok {
		if inner, ok := m["result"].(map[string]any); ok {
			m = inner
		}
		v = m["policies"]
	}
	if _, ok := v.([]any); !ok {
		return nil, fmt.Errorf("-token-policies %s holds no list of policies: write the token's policies as a JSON list, or the token as the API returns it (with \"policies\")", file)
	}
	return &namedPolicies{name: file, value: v}, nil
}

// readChanges reads the file named, or standard input for "" or "-".
func readChanges(file string, stdin io.Reader) (tokencheck.Changes, error) {
	if file == "" || file == "-" {
		if isTerminal(stdin) {
			return tokencheck.Changes{}, errors.New("no input: name a file, or pipe the output of `terraform show -json PLANFILE` into cfperms-check needs (-h for help)")
		}
		return tokencheck.ReadChanges(stdin)
	}
	f, err := os.Open(file)
	if err != nil {
		return tokencheck.Changes{}, fmt.Errorf("cannot read %s: %w", file, unwrapPathError(err))
	}
	defer func() { _ = f.Close() }()
	ch, err := tokencheck.ReadChanges(f)
	if err != nil {
		return ch, fmt.Errorf("%s: %w", file, err)
	}
	return ch, nil
}
