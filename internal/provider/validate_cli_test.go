package provider

import (
	"testing"
)

// TestValidateCatchesTypos proves the README's first promise the way a user
// meets it: "A typo, a name in the wrong scope or an ambiguous name fails
// `terraform validate`", through the real CLI. resource.UnitTest cannot: its
// ExpectError matches the same text whether validation or the read wrote
// it. Each configuration holds one mistake, with what it depends on (a
// resource key, the scope) left to a variable that validate does not know.
func TestValidateCatchesTypos(t *testing.T) {
	t.Parallel()
	variables := `
variable "zone_id" { type = string }
variable "scope" { type = string }
`
	tests := []struct {
		name, config string
		want         string // the one error, "summary: detail" with wrapping undone
		// unknownArguments marks a function called while an argument is
		// unknown: the CLI must make such calls (see cliFeatures).
		unknownArguments bool
	}{
		{
			name:   "cfperms_permission_group name",
			config: `data "cfperms_permission_group" "x" { name = "DNS Wirte" }`,
			want:   `^Unknown permission group: "DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write" \(zone\)\?`,
		},
		{
			name: "cfperms_permission_group name in the wrong scope",
			config: `data "cfperms_permission_group" "x" {
  name  = "Billing Read"
  scope = "zone"
}`,
			want: `^Permission group in another scope: "Billing Read" is an account permission, not zone`,
		},
		{
			name:   "cfperms_permission_group ambiguous name",
			config: `data "cfperms_permission_group" "x" { name = "Logs Write" }`,
			want:   `^Ambiguous permission group name: "Logs Write" matches 2 permission groups`,
		},
		{
			name:   "cfperms_permission_groups names",
			config: `data "cfperms_permission_groups" "x" { names = ["Zone Read", "DNS Wirte"] }`,
			want:   `^Unknown permission group: names\[1\]: "DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write" \(zone\)\?`,
		},
		{
			name: "cfperms_token_policy permissions, resource key from a variable",
			config: `data "cfperms_token_policy" "x" {
  permissions = ["Zone Read", "DNS Wirte"]
  resources   = { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }
}`,
			want: `^Unknown permission group: permissions\[1\]: "DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write" \(zone\)\?`,
		},
		{
			name: "token_policy function permissions, resource key from a variable",
			config: `output "x" {
  value = provider::cfperms::token_policy(["Zone Read", "DNS Wirte"], { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" })
}`,
			want:             `^Invalid function argument: .*"DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write" \(zone\)\?`,
			unknownArguments: true,
		},
		{
			name: "cfperms_permission_group scope",
			config: `data "cfperms_permission_group" "x" {
  name  = "DNS Write"
  scope = "zoen"
}`,
			want: `^Unknown scope: .*"zoen".*Did you mean "zone"\?`,
		},
		{
			name: "cfperms_permission_groups scope",
			config: `data "cfperms_permission_groups" "x" {
  names = ["DNS Write"]
  scope = "zoen"
}`,
			want: `^Unknown scope: .*"zoen".*Did you mean "zone"\?`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.unknownArguments {
				skipWithoutUnknownArguments(t)
			}
			expectErrors(t, validateDiagnostics(t, variables+tt.config), tt.want)
		})
	}
	// The same configurations spelt right pass, so the errors above are the
	// typos', not the harness's.
	expectErrors(t, validateDiagnostics(t, variables+`
data "cfperms_permission_group" "a" { name = "DNS Write" }
data "cfperms_permission_group" "b" {
  name  = "Billing Read"
  scope = "account"
}
data "cfperms_permission_groups" "c" {
  names = ["Zone Read", "DNS Write"]
  scope = "zone"
}
data "cfperms_token_policy" "d" {
  permissions = ["Zone Read", "DNS Write"]
  resources   = { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }
}`))
}

// TestValidateUnknownScope: while the scope is a variable, validate cannot
// know which group a name shared by two scopes means, nor whether a name is
// in the scope asked for, so a configuration that will be valid once the
// variable is set passes. Treating the unknown scope as "any scope" would
// fail these valid configurations.
func TestValidateUnknownScope(t *testing.T) {
	t.Parallel()
	expectErrors(t, validateDiagnostics(t, `
variable "scope" { type = string }

data "cfperms_permission_group" "shared_name" {
  name  = "Logs Write"
  scope = var.scope
}

data "cfperms_permission_group" "scope_decides" {
  name  = "Billing Read"
  scope = var.scope
}

data "cfperms_permission_groups" "shared_names" {
  names = ["Logs Read", "Logs Write"]
  scope = var.scope
}
`))
	// A typo is a typo in every scope: it fails even so.
	expectErrors(t, validateDiagnostics(t, `
variable "scope" { type = string }

data "cfperms_permission_group" "typo" {
  name  = "Logs Wirte"
  scope = var.scope
}
`), `^Unknown permission group: "Logs Wirte" is not a permission group`)
}
