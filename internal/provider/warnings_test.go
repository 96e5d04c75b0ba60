package provider

import (
	"fmt"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// Warnings as Terraform shows them: the input works, but should change.
func TestWarnings(t *testing.T) {
	t.Parallel()
	zoneStar := `{ "com.cloudflare.api.account.zone.*" = "*" }`
	tests := []struct {
		name, config string
		want         []string
	}{
		{"docs label", `data "cfperms_permission_group" "x" { name = "Cloudflare Pages Write" }`,
			[]string{`"Cloudflare Pages Write" is a label from Cloudflare's docs, not an API name. It resolved to the account permission group "Pages Write"`}},
		{"former name", `data "cfperms_permission_group" "x" { name = "Argo Tunnel Write" }`,
			[]string{`is a former name of the account permission group "Cloudflare Tunnel Write"`}},
		{"id newer than the catalog", `data "cfperms_permission_group" "x" { id = "` + catalogtest.UnknownID + `" }`,
			[]string{`not a permission group id in this catalog`}},
		{"id newer than the catalog, as a name", `data "cfperms_permission_group" "x" { name = "` + catalogtest.UnknownID + `" }`,
			[]string{`"` + catalogtest.UnknownID + `" is not a permission group id in this catalog`}},
		{"id newer than the catalog, in names", `data "cfperms_permission_groups" "x" { names = ["DNS Write", "` + catalogtest.UnknownID + `"] }`,
			[]string{`names[1]: "` + catalogtest.UnknownID + `" is not a permission group id in this catalog`}},
		{"api name: no warning", `data "cfperms_permission_group" "x" { name = "DNS Write" }`, nil},
		{"element of names", `data "cfperms_permission_groups" "x" { names = ["DNS Write", "Teams Read"] }`,
			[]string{`names[1]: "Teams Read" is a former name`}},
		{"policy: duplicate", `data "cfperms_token_policy" "x" {
  permissions = ["DNS Write", "Zone > DNS > Edit"]
  resources   = ` + zoneStar + `
}`, []string{`permissions[1] repeats permissions[0]`}},
		{"policy: a dashboard word in another language", `data "cfperms_token_policy" "x" {
  permissions = ["DNS: Wysig", "Cloudflare Pages Write"]
  resources   = { "com.cloudflare.api.account.zone.*" = "*", "com.cloudflare.api.account.` + testAccount + `" = "*" }
}`, []string{`permissions[0]: "DNS: Wysig" uses the Afrikaans dashboard's word for "Edit"`, `permissions[1]: "Cloudflare Pages Write" is a label from Cloudflare's docs`}},
		{"policy: unused resource", fmt.Sprintf(`data "cfperms_token_policy" "x" {
  permissions = ["DNS Write"]
  resources   = { "com.cloudflare.api.account.zone.*" = "*", "com.cloudflare.api.account.%s" = "*" }
}`, testAccount), []string{`no permission in this policy applies to "com.cloudflare.api.account.` + testAccount + `"`}},
		{"policy: id newer than the catalog", `data "cfperms_token_policy" "x" {
  permissions = ["DNS Write", "` + catalogtest.UnknownID + `"]
  resources   = ` + zoneStar + `
}`, []string{`permissions[1]: "` + catalogtest.UnknownID + `" is not a permission group id in this catalog`}},
		{"policy: every account in an account-owned token", `data "cfperms_token_policy" "x" {
  token_kind  = "account"
  permissions = ["Billing Read"]
  resources   = { "com.cloudflare.api.account.*" = "*" }
}`, []string{`"com.cloudflare.api.account.*" (every account) is a form for user-owned tokens`}},
		{"policy: R2 bucket of another account", fmt.Sprintf(`data "cfperms_token_policy" "x" {
  token_kind  = "account"
  permissions = ["Workers R2 Storage Bucket Item Read"]
  resources   = { "com.cloudflare.api.account.%s" = { "com.cloudflare.edge.r2.bucket.%s_eu_logs" = "*" } }
}`, testAccount, testZone), []string{`names a bucket of the account ` + testZone + `, but it is listed under "com.cloudflare.api.account.` + testAccount + `"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectWarnings(t, planDiagnostics(t, tt.config), tt.want...)
		})
	}
}
