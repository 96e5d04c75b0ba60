package tokencheck_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

// -update rewrites testdata/*-state.json and *-plan.json from the CLI run.
var update = flag.Bool("update", false, "rewrite the scenario fixtures from the Terraform CLI")

var shapes = []tokenchecktest.Shape{tokenchecktest.V4, tokenchecktest.V5Map, tokenchecktest.V5JSON}

// checkLines reads and checks one document, in the form of
// tokenchecktest.Lines.
func checkLines(t *testing.T, shape tokenchecktest.Shape, data []byte) (string, tokencheck.Report) {
	t.Helper()
	doc, err := tokencheck.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	report := tokencheck.Check(catalog.Default(), doc)
	lines := make([]string, len(report.Findings))
	for i, f := range report.Findings {
		lines[i] = fmt.Sprintf("%s %s %s %s", tokenchecktest.Unordered(shape, f.Location()), f.Severity, f.Code, f.Subject)
	}
	return tokenchecktest.Lines(lines), report
}

func expectScenario(t *testing.T, shape tokenchecktest.Shape, input string, data []byte) {
	t.Helper()
	got, report := checkLines(t, shape, data)
	if report.Input != input {
		t.Errorf("read as a %s, want a %s", report.Input, input)
	}
	if want := tokenchecktest.ScenarioExpected(shape, input); got != want {
		t.Errorf("%s findings:\n%s\nwant:\n%s", input, got, want)
	}
}

// TestScenario runs the scenario through the Terraform CLI (or OpenTofu:
// TF_ACC_TERRAFORM_PATH) and checks the JSON it prints, in every shape.
func TestScenario(t *testing.T) {
	t.Parallel()
	for _, shape := range shapes {
		t.Run(string(shape), func(t *testing.T) {
			t.Parallel()
			state, plan := tokenchecktest.RunScenario(t, shape)
			expectScenario(t, shape, "state", state)
			expectScenario(t, shape, "plan", plan)
			if *update {
				writeFixture(t, string(shape)+"-state.json", state)
				writeFixture(t, string(shape)+"-plan.json", plan)
			}
		})
	}
}

func writeFixture(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFixtures checks the committed output of the scenario: it needs no
// CLI, and pins the JSON of the CLI that wrote it (see -update).
func TestFixtures(t *testing.T) {
	t.Parallel()
	for _, shape := range shapes {
		for _, input := range []string{"state", "plan"} {
			t.Run(string(shape)+"-"+input, func(t *testing.T) {
				t.Parallel()
				data, err := os.ReadFile(filepath.Join("testdata", string(shape)+"-"+input+".json"))
				if err != nil {
					t.Fatal(err)
				}
				expectScenario(t, shape, input, data)
			})
		}
	}
}
