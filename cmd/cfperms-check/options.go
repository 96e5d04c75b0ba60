package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/cfapi"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

type options struct {
	format    string
	live      bool
	accountID string
	baseURL   string
	timeout   time.Duration
	file      string
}

const usageHead = `Usage: cfperms-check [flags] [FILE]

Checks the policies of every cloudflare_api_token and cloudflare_account_token
in the JSON of terraform show -json (a plan, or the state), read from FILE or
from standard input:

  terraform plan -out=tfplan
  terraform show -json tfplan | cfperms-check

Exit status: 0 when no finding is an error, 1 when one is, 2 when the input
cannot be checked.

cfperms-check needs -h: the permission groups a plan needs, for a
least-privilege token.

Flags:
`

// parseOptions reads the flags and the file argument, which may come in
// any order. done is set when the command ends here, with status.
func parseOptions(args []string, stdout, stderr io.Writer) (o options, status int, done bool) {
	fl := flag.NewFlagSet("cfperms-check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.format, "format", "text", "output: text, json, or github (workflow annotations)")
	fl.BoolVar(&o.live, "live", false, "check against Cloudflare's current list of permission groups (needs CLOUDFLARE_API_TOKEN)")
	fl.StringVar(&o.accountID, "account-id", "", "with -live: list this account's permission groups instead of the user's")
	fl.StringVar(&o.baseURL, "base-url", cfapi.DefaultBaseURL, "with -live: the Cloudflare API root")
	fl.DurationVar(&o.timeout, "timeout", cfapi.DefaultTimeout, "with -live: the longest the list may take, retries included")
	version := fl.Bool("version", false, "print the version and exit")
	fl.Usage = func() {
		say(stderr, "%s", usageHead)
		fl.PrintDefaults()
	}
	files, err := parseInterspersed(fl, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return o, exitClean, true
	case err != nil:
		return o, exitBadInput, true // the flag package has said why
	case *version:
		say(stdout, "cfperms-check %s\n", moduleVersion())
		return o, exitClean, true
	}
	if err := o.check(files); err != nil {
		say(stderr, "cfperms-check: %v\n", err)
		return o, exitBadInput, true
	}
	return o, exitClean, false
}

// parseInterspersed lets the file come before flags: `cfperms-check
// plan.json -format github` works as people type it.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		args = fl.Args()
		if len(args) == 0 {
			return files, nil
		}
		files, args = append(files, args[0]), args[1:]
	}
}

// check validates the options together.
func (o *options) check(files []string) error {
	switch {
	case len(files) > 1:
		return fmt.Errorf("one input file at most, got %d: %s", len(files), strings.Join(files, " "))
	case !slices.Contains(tokencheck.Formats, o.format):
		return fmt.Errorf("-format %q is not one of %s", o.format, strings.Join(tokencheck.Formats, ", "))
	case o.timeout <= 0:
		return fmt.Errorf("-timeout must be positive, such as 30s")
	case !o.live && (o.accountID != "" || o.baseURL != cfapi.DefaultBaseURL):
		return errors.New("-account-id and -base-url are for -live; add -live, or leave them out")
	}
	if len(files) == 1 {
		o.file = files[0]
	}
	return baseURLProblem(o.baseURL)
}

// baseURLProblem is the client's own check of the API root (https, or http
// to a loopback host only), worded for the flag.
func baseURLProblem(raw string) error {
	err := cfapi.CheckBaseURL(raw)
	var bad *cfapi.BaseURLError
	if errors.As(err, &bad) {
		return fmt.Errorf("-base-url %s %s", bad.URL, bad.Reason)
	}
	return err
}

// chooseCatalog is the embedded catalog, or with -live Cloudflare's current
// list merged with it. A failed fetch ends the run: the user asked for live.
func chooseCatalog(ctx context.Context, o options, stderr io.Writer, getenv func(string) string) (*catalog.Catalog, error) {
	if !o.live {
		return catalog.Default(), nil
	}
	token := getenv("CLOUDFLARE_API_TOKEN")
	if token == "" {
		return nil, errors.New(`-live needs a Cloudflare API token in CLOUDFLARE_API_TOKEN, one that may list permission groups ("API Tokens Read", or "Account API Tokens Read" with -account-id)`)
	}
	client := &cfapi.Client{BaseURL: o.baseURL, Token: token, AccountID: o.accountID, Timeout: o.timeout, UserAgent: userAgent()}
	c, diff, err := cfapi.LiveCatalog(ctx, client)
	if err != nil {
		return nil, fmt.Errorf("cannot fetch Cloudflare's live list of permission groups: %s", catalog.Printable(err.Error()))
	}
	say(stderr, "cfperms-check: Cloudflare's live list has %d groups: %d newer than the embedded catalog (snapshot of %s), %d of its groups no longer listed.\n",
		c.Len(), len(diff.Added), catalog.EmbeddedAsOf(), len(diff.Removed))
	return c, nil
}

// userAgent tells Cloudflare the requests come from cfperms-check.
func userAgent() string {
	v := moduleVersion()
	if !strings.HasPrefix(v, "v") {
		v = "dev"
	}
	return "cfperms-check/" + v
}

// version is set by goreleaser through -ldflags "-X main.version=1.5.0".
var version string

// moduleVersion is the version of a release build, or the one go install
// built, such as v1.4.0.
func moduleVersion() string {
	if version != "" {
		return "v" + strings.TrimPrefix(version, "v")
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(unknown)"
}
