// Command cfperms-check checks the policies of every cloudflare_api_token
// and cloudflare_account_token in a Terraform plan or state, as the JSON of
// `terraform show -json` prints them (OpenTofu's too), against the
// permission group catalog of terraform-provider-cfperms.
//
//	terraform plan -out=tfplan
//	terraform show -json tfplan | cfperms-check
//	terraform show -json > state.json && cfperms-check -format json state.json
//	cfperms-check -format github plan.json      # GitHub Actions annotations
//	CLOUDFLARE_API_TOKEN=... cfperms-check -live plan.json
//
// `cfperms-check needs` prints the permission groups a token needs to apply
// the plan (see needs.go), and with -token compares a token with them.
//
// Exit status: 0 when no finding is an error, 1 when one is, 2 when the
// input cannot be checked (unreadable, not show -json output, bad flags).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

// Exit statuses.
const (
	exitClean    = 0
	exitFindings = 1
	exitBadInput = 2
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run is the whole command, with its surroundings passed in for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (status int) {
	defer func() {
		if r := recover(); r != nil {
			say(stderr, "cfperms-check: internal error, please report it: %v\n", r)
			status = exitBadInput
		}
	}()
	if len(args) > 0 && args[0] == "needs" {
		return runNeeds(args[1:], stdin, stdout, stderr)
	}
	opts, status, done := parseOptions(args, stdout, stderr)
	if done {
		return status
	}
	report, err := check(ctx, opts, stdin, stderr, getenv)
	if err != nil {
		say(stderr, "cfperms-check: %v\n", err)
		return exitBadInput
	}
	if err := tokencheck.WriteReport(stdout, report, opts.format); err != nil {
		say(stderr, "cfperms-check: %v\n", err)
		return exitBadInput
	}
	if report.Counts.Errors > 0 {
		return exitFindings
	}
	return exitClean
}

// check reads the input and checks it against the chosen catalog.
func check(ctx context.Context, opts options, stdin io.Reader, stderr io.Writer, getenv func(string) string) (tokencheck.Report, error) {
	doc, err := readInput(opts.file, stdin)
	if err != nil {
		return tokencheck.Report{}, err
	}
	c, err := chooseCatalog(ctx, opts, stderr, getenv)
	if err != nil {
		return tokencheck.Report{}, err
	}
	return tokencheck.Check(c, doc), nil
}

// readInput reads the file named, or standard input for "" or "-".
func readInput(file string, stdin io.Reader) (tokencheck.Document, error) {
	if file == "" || file == "-" {
		if isTerminal(stdin) {
			return tokencheck.Document{}, errors.New("no input: name a file, or pipe the output of `terraform show -json PLANFILE` into cfperms-check (-h for help)")
		}
		return tokencheck.Read(stdin)
	}
	f, err := os.Open(file)
	if err != nil {
		return tokencheck.Document{}, fmt.Errorf("cannot read %s: %w", file, unwrapPathError(err))
	}
	defer func() { _ = f.Close() }()
	doc, err := tokencheck.Read(f)
	if err != nil {
		return doc, fmt.Errorf("%s: %w", file, err)
	}
	return doc, nil
}

// say writes a line for people; if stderr itself fails there is no one
// left to tell.
func say(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, format, args...)
}

// isTerminal reports whether r is a terminal, where nobody will type a plan.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// unwrapPathError keeps the reason of an *os.PathError ("no such file or
// directory"); the path is already in the message.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
