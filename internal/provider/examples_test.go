package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestExamples plans every data source and function example the docs show,
// so none can rot into something that does not run.
func TestExamples(t *testing.T) {
	t.Parallel()
	dataSources, _ := filepath.Glob("../../examples/data-sources/*/data-source.tf")
	functions, _ := filepath.Glob("../../examples/functions/*/function.tf")
	if len(dataSources) == 0 || len(functions) == 0 {
		t.Fatal("examples not found")
	}
	for _, file := range append(dataSources, functions...) {
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			t.Parallel()
			config, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tc := resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: string(config)}},
			}
			if strings.Contains(string(config), "provider::cfperms::") {
				tc.TerraformVersionChecks = functionsAvailable
				tc.Steps[0].Config = functionConfig(string(config))
			}
			resource.UnitTest(t, tc)
		})
	}
}
