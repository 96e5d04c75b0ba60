package cloudflaretest

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cfperms/terraform-provider-cfperms/internal/plugintest"
)

// Addresses are where a served stand-in answers: the Cloudflare provider's
// address in Terraform's registry and in OpenTofu's, so that a configuration
// with `source = "cloudflare/cloudflare"` finds it under either CLI.
var Addresses = []string{"registry.terraform.io/cloudflare/cloudflare", "registry.opentofu.org/cloudflare/cloudflare"}

// Serve serves the stand-in of release line r for the life of the test.
func Serve(t *testing.T, r Release) plugintest.Reattach {
	t.Helper()
	return plugintest.Serve(t, providerserver.NewProtocol6(NewProvider(r)), Addresses...)
}
