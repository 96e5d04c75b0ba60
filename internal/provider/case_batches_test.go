package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// A table's cases are checked in one configuration, each case a block or an
// output of its own labelled after the case: a CLI run per case cost a dozen
// Terraform commands each and took most of the suite's time, against every
// CLI the suite runs on.

// caseLabel is a case name as a Terraform label ("typo in scope" →
// "typo_in_scope"), so a failure names the case.
func caseLabel(name string) string {
	label := strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(name), "_"), "_")
	if label == "" || label[0] >= '0' && label[0] <= '9' {
		label = "case_" + label
	}
	return label
}

// caseLabels labels the n cases of a table by their names (name(i) is the
// i-th), failing the test when two share a label: their blocks would
// collide in the one configuration.
func caseLabels(t *testing.T, n int, name func(i int) string) []string {
	t.Helper()
	labels := make([]string, n)
	seen := map[string]string{}
	for i := range n {
		labels[i] = caseLabel(name(i))
		if other, dup := seen[labels[i]]; dup {
			t.Fatalf("cases %q and %q share the label %q", other, name(i), labels[i])
		}
		seen[labels[i]] = name(i)
	}
	return labels
}

// blockError is a case that must fail: its block, where Terraform reports
// it (the block's header, as in `output "typo"`), the pattern its errors
// must match (joined by new lines, in the order reported), and how many
// there must be: one per mistake, 1 when unset.
type blockError struct {
	name, block, context, pattern string
	mistakes                      int
}

// dataBlockError is a data source block of the given type with arguments
// that must fail with pattern.
func dataBlockError(name, dataSource, arguments, pattern string) blockError {
	label := caseLabel(name)
	return blockError{
		name:    name,
		block:   fmt.Sprintf("data %q %q {\n%s\n}\n", dataSource, label, arguments),
		context: fmt.Sprintf("data %q %q", dataSource, label),
		pattern: pattern,
	}
}

// outputError is an output whose expression must fail with pattern.
func outputError(name, expr, pattern string) blockError {
	label := caseLabel(name)
	return blockError{
		name:    name,
		block:   fmt.Sprintf("output %q {\n  value = %s\n}\n", label, expr),
		context: fmt.Sprintf("output %q", label),
		pattern: pattern,
	}
}

// expectBlockErrors plans every case's block in one configuration and checks
// each block got exactly one error, matching its pattern (white space in it
// matches any run of white space, as with errorPattern). Terraform stops
// at the first phase with errors (validation before reading), so the blocks
// that have not failed yet are planned again on their own until each has
// failed or a plan finds nothing more. An error no case claims fails the
// test: every error must be one a case expects.
func expectBlockErrors(t *testing.T, cases []blockError) {
	t.Helper()
	caseLabels(t, len(cases), func(i int) string { return cases[i].name })
	pending := cases
	for len(pending) > 0 {
		var config strings.Builder
		for _, c := range pending {
			config.WriteString(c.block + "\n")
		}
		errs := errorsByContext(t, planDiagnostics(t, config.String()))
		if len(errs) == 0 {
			t.Fatalf("terraform plan reported no error; the cases that must fail (%d):\n%s", len(pending), config.String())
		}
		unreported := claimErrors(t, pending, errs)
		for context, texts := range errs {
			t.Errorf("errors no case expects, at %s:\n%s", context, strings.Join(texts, "\n"))
		}
		if len(unreported) == len(pending) {
			t.Fatalf("terraform plan reported no error at the blocks of %d cases that must fail:\n%s", len(pending), config.String())
		}
		pending = unreported
	}
}

// claimErrors checks the errors reported at each case's block against its
// pattern, removing them from errs, and returns the cases that got none.
func claimErrors(t *testing.T, cases []blockError, errs map[string][]string) (unreported []blockError) {
	t.Helper()
	for _, c := range cases {
		got, ok := errs[c.context]
		delete(errs, c.context)
		switch {
		case !ok:
			unreported = append(unreported, c)
		case len(got) != max(c.mistakes, 1):
			t.Errorf("%s: %d errors, want one diagnostic per mistake (%d):\n%s", c.name, len(got), max(c.mistakes, 1), strings.Join(got, "\n"))
		case !errorPattern(c.pattern).MatchString(strings.Join(got, "\n")):
			t.Errorf("%s: the errors\n%s\ndo not match %q", c.name, strings.Join(got, "\n"), c.pattern)
		}
	}
	return unreported
}

// errorsByContext groups the error diagnostics by the block Terraform
// reports them at, each as "summary: detail" with its line wrapping undone.
func errorsByContext(t *testing.T, diags []cliDiagnostic) map[string][]string {
	t.Helper()
	errs := map[string][]string{}
	for _, d := range diags {
		if d.Severity != "error" {
			continue
		}
		context := "(no block)"
		if d.Snippet != nil && d.Snippet.Context != nil {
			context = *d.Snippet.Context
		}
		errs[context] = append(errs[context], d.Summary+": "+strings.Join(strings.Fields(d.Detail), " "))
	}
	return errs
}
