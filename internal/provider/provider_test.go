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

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// testAccProtoV6ProviderFactories runs the provider in-process for
// terraform-plugin-testing, which drives the real Terraform CLI against it.
// Each call builds a new provider, so no test sees another's configuration.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"cfperms": func() (tfprotov6.ProviderServer, error) {
		return providerserver.NewProtocol6WithError(New("test")())()
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

const (
	idDNSWrite      = "4755a26eedb94da69e1066d98aa820be"
	idZoneRead      = "c8fed203ed3043cba015a93ad1616f1f"
	idZoneLogsWrite = "3e0b5820118e47f3922f7c989e673882"
	idAcctLogsWrite = "96163bd1b0784f62b3e44ed8c2ab1eb6"
	idPagesWrite    = "8d28297797f24fb8a0c332fe0866ec89"
	idTunnelWrite   = "c07321b023e944ff818fec44d8203567"
	idBillingRead   = "7cf72faf220841aabcfdfab81c43c4f6"
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
