package provider

import (
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/cloudflaretest"
)

// wiringNames puts the catalog's current names in a wiring test's
// configuration, so a rename needs no edit here.
var wiringNames = strings.NewReplacer(
	"Zone Read", currentName("zone", "Zone Read"),
	"DNS Write", currentName("zone", "DNS Write"),
	"Workers Scripts Write", currentName("account", "Workers Scripts Write"),
	"Workers Routes Write", currentName("zone", "Workers Routes Write"),
	"Workers R2 Storage Bucket Item Write", currentName("r2", "Workers R2 Storage Bucket Item Write"),
	"Cache Purge", currentName("zone", "Cache Purge"),
)

// wiringConfig is a wiring test's configuration: the shared inputs and
// the test's own blocks, with current names.
func wiringConfig(blocks string) string { return wiringNames.Replace(wiringInputs + blocks) }

// wiringInputs are the policies every wiring test feeds a token: a zone
// policy with a resource key from a variable, an account policy, and the
// account-nested forms (zones, R2 buckets) of an account-owned token.
const wiringInputs = `
variable "account_id" {
  type    = string
  default = "0123456789abcdef0123456789abcdef"
}

variable "zone_id" {
  type    = string
  default = "fedcba9876543210fedcba9876543210"
}

data "cfperms_token_policy" "dns" {
  permissions = ["Zone Read", "DNS Write"]
  resources   = { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }
}

data "cfperms_token_policy" "workers" {
  token_kind  = "account"
  permissions = ["Workers Scripts Write"]
  resources   = { "com.cloudflare.api.account.${var.account_id}" = "*" }
}

data "cfperms_token_policy" "routes" {
  token_kind  = "account"
  permissions = ["Workers Routes Write"]
  resources = {
    "com.cloudflare.api.account.${var.account_id}" = { "com.cloudflare.api.account.zone.*" = "*" }
  }
}

data "cfperms_token_policy" "r2" {
  token_kind  = "account"
  permissions = ["Workers R2 Storage Bucket Item Write"]
  resources = jsonencode({
    "com.cloudflare.api.account.${var.account_id}" = { "com.cloudflare.edge.r2.bucket.*" = "*" }
  })
}

data "cfperms_token_policy" "r2_flat" {
  token_kind  = "account"
  permissions = ["Workers R2 Storage Bucket Item Write"]
  resources   = { "com.cloudflare.edge.r2.bucket.${var.account_id}_default_logs" = "*" }
}
`

// currentName is the catalog's name today for a group the tests name as it
// was (a former name still finds it).
func currentName(scope, name string) string { return catalogtest.Name(catalogtest.ID(scope, name)) }

// TestCloudflareTokenWiring validates and plans each documented way of
// putting this provider's output into the Cloudflare provider's token
// resources, against a stand-in with that release line's published schema
// (Required flags and validators included). Our own schema cannot catch a
// wiring the real one rejects; this does.
func TestCloudflareTokenWiring(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		release cloudflaretest.Release
		config  string
		// unknownArguments marks a wiring that needs the CLI to call a
		// function while an argument is unknown (see cliFeatures).
		unknownArguments bool
	}{
		{
			name:    "5.13 policies attribute",
			release: cloudflaretest.V5_13,
			config: `resource "cloudflare_api_token" "dns" {
  name     = "dns-edit"
  policies = data.cfperms_token_policy.dns.policies
}`,
		},
		{
			name:    "5.13 concat of account, account-nested zone and R2 policies",
			release: cloudflaretest.V5_13,
			config: `resource "cloudflare_account_token" "workers" {
  account_id = var.account_id
  name       = "workers-deploy"
  policies = concat(
    data.cfperms_token_policy.workers.policies,
    data.cfperms_token_policy.routes.policies,
    data.cfperms_token_policy.r2.policies,
  )
}`,
		},
		{
			name:    "5.13 one token per zone with for_each",
			release: cloudflaretest.V5_13,
			config: `variable "zones" {
  type    = map(string)
  default = { example = "00000000000000000000000000000001", blog = "00000000000000000000000000000002" }
}

data "cfperms_token_policy" "per_zone" {
  for_each    = var.zones
  permissions = ["DNS Write"]
  resources   = { "com.cloudflare.api.account.zone.${each.value}" = "*" }
}

resource "cloudflare_api_token" "per_zone" {
  for_each = data.cfperms_token_policy.per_zone
  name     = "dns-${each.key}"
  policies = each.value.policies
}`,
		},
		{
			name:    "5.13 token_policy function in a list literal, key from a variable",
			release: cloudflaretest.V5_13,
			config: `resource "cloudflare_api_token" "purge" {
  name = "cache-purge"
  policies = [
    provider::cfperms::token_policy(["Cache Purge"], { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }),
  ]
}`,
			unknownArguments: true,
		},
		{
			name:    "5.13 token_policy function field by field, key from a variable (every CLI)",
			release: cloudflaretest.V5_13,
			config: `locals {
  purge = provider::cfperms::token_policy(["Cache Purge"], { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" })
}

resource "cloudflare_api_token" "purge" {
  name     = "cache-purge"
  policies = [{ effect = local.purge.effect, permission_groups = local.purge.permission_groups, resources = local.purge.resources }]
}`,
		},
		{
			name:    "5.13 field by field",
			release: cloudflaretest.V5_13,
			config: `resource "cloudflare_api_token" "dns" {
  name = "dns-edit"
  policies = [{
    effect            = "allow"
    permission_groups = data.cfperms_token_policy.dns.permission_groups
    resources         = data.cfperms_token_policy.dns.resources_json
  }]
}`,
		},
		{
			name:    "5.12 policies_map",
			release: cloudflaretest.V5_12,
			config:  flatTokensMap,
		},
		{
			name:    "5.0 policies_map",
			release: cloudflaretest.V5_0,
			config:  flatTokensMap,
		},
		{
			name:    "4 dynamic policy blocks over policies",
			release: cloudflaretest.V4,
			config: `resource "cloudflare_api_token" "dns" {
  name = "dns-edit"
  dynamic "policy" {
    for_each = data.cfperms_token_policy.dns.policies
    content {
      effect            = policy.value.effect
      permission_groups = policy.value.permission_groups[*].id
      resources         = jsondecode(policy.value.resources)
    }
  }
}`,
		},
		{
			name:    "4 policy block field by field",
			release: cloudflaretest.V4,
			config: `resource "cloudflare_api_token" "dns" {
  name = "dns-edit"
  policy {
    effect            = data.cfperms_token_policy.dns.effect
    permission_groups = data.cfperms_token_policy.dns.permission_group_ids
    resources         = data.cfperms_token_policy.dns.resources_map
  }
}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.unknownArguments {
				skipWithoutUnknownArguments(t)
			}
			config := wiringConfig(tt.config)
			standIn := cloudflaretest.Serve(t, tt.release)
			expectErrors(t, validateDiagnostics(t, config, standIn))
			expectWarnings(t, planDiagnostics(t, config, standIn))
		})
	}
}

// flatTokensMap wires policies_map into both token resources of 5.0 to
// 5.12, with R2 buckets by their flat keys: those versions take resources
// as a map of strings and cannot express the account-nested form.
const flatTokensMap = `resource "cloudflare_api_token" "dns" {
  name     = "dns-edit"
  policies = data.cfperms_token_policy.dns.policies_map
}

resource "cloudflare_account_token" "r2" {
  account_id = var.account_id
  name       = "r2-logs"
  policies   = concat(data.cfperms_token_policy.workers.policies_map, data.cfperms_token_policy.r2_flat.policies_map)
}`

// TestCloudflareWiringMistakes keeps the stand-ins rejecting what the real
// provider rejects. The first is the wiring the docs used to show,
// [data.cfperms_token_policy.<name>.policy]: while the data source is
// unknown at validate, the Cloudflare provider reads an unknown object in a
// list literal as missing its required attributes. If one of these starts
// passing, a stand-in has drifted from the published schema.
func TestCloudflareWiringMistakes(t *testing.T) {
	t.Parallel()
	missing := func(attribute string) string {
		return `^Missing Configuration for Required Attribute: .* policies\[0\]\.` + attribute + ` attribute`
	}
	tests := []struct {
		name    string
		release cloudflaretest.Release
		config  string
		want    []string
	}{
		{
			name:    "5.13 list literal of policy",
			release: cloudflaretest.V5_13,
			config: `resource "cloudflare_api_token" "dns" {
  name     = "dns-edit"
  policies = [data.cfperms_token_policy.dns.policy]
}`,
			want: []string{missing("effect"), missing("permission_groups"), missing("resources")},
		},
		{
			name:    "5.13 effect Cloudflare does not know",
			release: cloudflaretest.V5_13,
			config: `resource "cloudflare_api_token" "dns" {
  name     = "dns-edit"
  policies = [{ effect = "permit", permission_groups = [], resources = "{}" }]
}`,
			want: []string{`^Invalid Attribute Value Match: .*policies\[0\]\.effect`},
		},
		{
			name:    "5.12 given the 5.13 shape",
			release: cloudflaretest.V5_12,
			config: `resource "cloudflare_api_token" "dns" {
  name     = "dns-edit"
  policies = data.cfperms_token_policy.dns.policies
}`,
			want: []string{`^Incorrect attribute value type: .*resources`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			config := wiringConfig(tt.config)
			standIn := cloudflaretest.Serve(t, tt.release)
			diags := validateDiagnostics(t, config, standIn)
			if countErrors(diags) == 0 {
				diags = planDiagnostics(t, config, standIn)
			}
			expectErrors(t, diags, tt.want...)
		})
	}
}
