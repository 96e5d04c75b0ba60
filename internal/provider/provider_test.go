package provider

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// testAccProtoV6ProviderFactories runs the provider in-process for
// terraform-plugin-testing, which drives the real Terraform CLI against it.
// Each call builds a new provider, so no test sees another's configuration.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"cfperms": func() (tfprotov6.ProviderServer, error) {
		return NewServer("test")(), nil
	},
}

// functionsAvailable skips function tests on CLIs without provider-defined
// functions: Terraform before 1.8, OpenTofu before 1.7.
var functionsAvailable = []tfversion.TerraformVersionCheck{functionsCheck{}}

type functionsCheck struct{}

func (functionsCheck) CheckTerraformVersion(ctx context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	minimum := tfversion.Version1_8_0
	if cliIsOpenTofu() {
		minimum = tfversion.Version1_7_0
	}
	tfversion.SkipBelow(minimum).CheckTerraformVersion(ctx, req, resp)
}

// cliIsOpenTofu tells the two CLIs apart, as their version numbers overlap.
var cliIsOpenTofu = sync.OnceValue(func() bool {
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		return false
	}
	out, _ := exec.Command(cli, "version").Output()
	return bytes.HasPrefix(out, []byte("OpenTofu"))
})

// terraformDataAvailable skips tests that use terraform_data (Terraform 1.4+)
// to make values unknown at plan time.
var terraformDataAvailable = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_4_0)}

// Ids of the groups the tests name, read from the embedded catalog so that a
// refresh needs no test edits.
var (
	idDNSWrite      = catalogtest.ID("zone", "DNS Write")
	idZoneRead      = catalogtest.ID("zone", "Zone Read")
	idZoneLogsWrite = catalogtest.ID("zone", "Logs Write")
	idAcctLogsWrite = catalogtest.ID("account", "Logs Write")
	idPagesWrite    = catalogtest.ID("account", "Pages Write")
	idTunnelWrite   = catalogtest.ID("account", "Cloudflare Tunnel Write")
	idBillingRead   = catalogtest.ID("account", "Billing Read")
)

// functionConfig declares the provider, as Terraform requires before its
// functions can be called, at the address terraform-plugin-testing serves it
// from: TF_ACC_PROVIDER_HOST (registry.terraform.io by default) and
// TF_ACC_PROVIDER_NAMESPACE ("hashicorp" by default), spelled out so that
// OpenTofu does not assume its own registry.
func functionConfig(body string) string {
	host, namespace := os.Getenv("TF_ACC_PROVIDER_HOST"), os.Getenv("TF_ACC_PROVIDER_NAMESPACE")
	if host == "" {
		host = "registry.terraform.io"
	}
	if namespace == "" {
		namespace = "hashicorp"
	}
	return fmt.Sprintf("terraform {\n  required_providers {\n    cfperms = { source = %q }\n  }\n}\n\n%s", host+"/"+namespace+"/cfperms", body)
}

// errorPattern compiles an ExpectError pattern in which every space may be
// any run of white space, as Terraform wraps diagnostics to the terminal.
func errorPattern(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}

// rereadStep plans config again after a first step applied it: an empty plan
// proves the data source's outputs are deterministic.
func rereadStep(config string) resource.TestStep {
	return resource.TestStep{
		Config: config,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
	}
}
