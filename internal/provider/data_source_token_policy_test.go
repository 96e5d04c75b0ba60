package provider

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

const (
	testAccount = "0123456789abcdef0123456789abcdef"
	testZone    = "fedcba9876543210fedcba9876543210"
)

func TestTokenPolicyDataSource(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_token_policy.dns"
	config := fmt.Sprintf(`
data "cfperms_token_policy" "dns" {
  permissions = ["Zone > Zone > Read", "Zone > DNS > Edit"]
  resources   = { "com.cloudflare.api.account.zone.%s" = "*" }
}`, testZone)
	resourcesJSON := fmt.Sprintf(`{"com.cloudflare.api.account.zone.%s":"*"}`, testZone)
	resourcesMap := knownvalue.MapExact(map[string]knownvalue.Check{"com.cloudflare.api.account.zone." + testZone: knownvalue.StringExact("*")})
	groups := knownvalue.ListExact([]knownvalue.Check{
		knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idZoneRead)}),
		knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(idDNSWrite)}),
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("permission_groups"), groups),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("permission_group_ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(idZoneRead), knownvalue.StringExact(idDNSWrite),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("resources_json"), knownvalue.StringExact(resourcesJSON)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("effect"), knownvalue.StringExact("allow")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("token_kind"), knownvalue.StringExact("user")),
					// The exact shapes of a Cloudflare provider v5 policy: 5.13
					// and later take resources as a JSON string, 5.0 to 5.12 as a map.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"effect":            knownvalue.StringExact("allow"),
						"permission_groups": groups,
						"resources":         knownvalue.StringExact(resourcesJSON),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("resources_map"), resourcesMap),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy_map"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"effect":            knownvalue.StringExact("allow"),
						"permission_groups": groups,
						"resources":         resourcesMap,
					})),
				},
			},
			rereadStep(config),
		},
	})
}

// testID takes an id from the catalog, so tests survive a refresh.
func testID(t *testing.T, name, scope string) string {
	t.Helper()
	m, err := catalog.Default().Resolve(name, scope)
	if err != nil {
		t.Fatalf("%s (%s): %v", name, scope, err)
	}
	return m.Group.ID
}

// Every resource form Cloudflare documents for user-owned and account-owned
// tokens plans cleanly, without a warning, into both v5 shapes; resources
// written as a JSON string (jsonencode, as 5.13+ configurations do) read the
// same as the map.
func TestTokenPolicyDataSourceForms(t *testing.T) {
	t.Parallel()
	const (
		bucketItem = "Workers R2 Storage Bucket Item Write"
		zoneKey    = "com.cloudflare.api.account.zone." + testZone
		accountKey = "com.cloudflare.api.account." + testAccount
	)
	item := testID(t, bucketItem, "r2")
	bucket := func(jurisdiction, name string) string {
		return "com.cloudflare.edge.r2.bucket." + testAccount + "_" + jurisdiction + "_" + name
	}
	forms := []struct {
		name, kind, permission, resources string
		json                              string
	}{
		{"zone_one", "user", "DNS Write", `{ "` + zoneKey + `" = "*" }`, `{"` + zoneKey + `":"*"}`},
		{"zones_all", "account", "DNS Write", `{ "com.cloudflare.api.account.zone.*" = "*" }`, `{"com.cloudflare.api.account.zone.*":"*"}`},
		{"account_one", "account", "Billing Read", `{ "` + accountKey + `" = "*" }`, `{"` + accountKey + `":"*"}`},
		{"accounts_all", "user", "Billing Read", `{ "com.cloudflare.api.account.*" = "*" }`, `{"com.cloudflare.api.account.*":"*"}`},
		{"user_one", "user", "API Tokens Read", `{ "com.cloudflare.api.user.` + testAccount + `" = "*" }`, `{"com.cloudflare.api.user.` + testAccount + `":"*"}`},
		{"account_zones", "account", "DNS Write", `{ "` + accountKey + `" = { "com.cloudflare.api.account.zone.*" = "*" } }`,
			`{"` + accountKey + `":{"com.cloudflare.api.account.zone.*":"*"}}`},
		{"r2_all", "account", bucketItem, `{ "` + accountKey + `" = { "com.cloudflare.edge.r2.bucket.*" = "*" } }`,
			`{"` + accountKey + `":{"com.cloudflare.edge.r2.bucket.*":"*"}}`},
		{"r2_buckets", "account", bucketItem, `{ "` + accountKey + `" = { "` + bucket("default", "logs") + `" = "*", "` + bucket("eu", "eu-logs") + `" = "*", "` + bucket("fedramp", "fed") + `" = "*" } }`,
			`{"` + accountKey + `":{"` + bucket("default", "logs") + `":"*","` + bucket("eu", "eu-logs") + `":"*","` + bucket("fedramp", "fed") + `":"*"}}`},
		{"r2_one_user", "user", bucketItem, `{ "` + bucket("default", "logs") + `" = "*" }`, `{"` + bucket("default", "logs") + `":"*"}`},
		{"json_string", "user", "DNS Write", `jsonencode({ "` + zoneKey + `" = "*" })`, `{"` + zoneKey + `":"*"}`},
		{"json_nested", "account", bucketItem, `jsonencode({ "` + accountKey + `" = { "com.cloudflare.edge.r2.bucket.*" = "*" } })`,
			`{"` + accountKey + `":{"com.cloudflare.edge.r2.bucket.*":"*"}}`},
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for _, f := range forms {
		fmt.Fprintf(&config, "data \"cfperms_token_policy\" %q {\n  token_kind  = %q\n  permissions = [%q]\n  resources   = %s\n}\n\n", f.name, f.kind, f.permission, f.resources)
		addr := "data.cfperms_token_policy." + f.name
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("resources_json"), knownvalue.StringExact(f.json)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy").AtMapKey("resources"), knownvalue.StringExact(f.json)))
	}
	r2Map := knownvalue.ObjectExact(map[string]knownvalue.Check{
		accountKey: knownvalue.MapExact(map[string]knownvalue.Check{"com.cloudflare.edge.r2.bucket.*": knownvalue.StringExact("*")}),
	})
	itemIDs := knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(item)})
	for _, name := range []string{"r2_all", "json_nested"} {
		addr := "data.cfperms_token_policy." + name
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("permission_group_ids"), itemIDs),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("resources_map"), r2Map),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy_map"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"effect":            knownvalue.StringExact("allow"),
				"permission_groups": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(item)})}),
				"resources":         r2Map,
			})))
	}
	checks = append(checks, statecheck.ExpectKnownValue("data.cfperms_token_policy.json_string", tfjsonpath.New("resources_map"),
		knownvalue.MapExact(map[string]knownvalue.Check{zoneKey: knownvalue.StringExact("*")})))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: config.String(), ConfigStateChecks: checks}, rereadStep(config.String())},
	})
	expectWarnings(t, planDiagnostics(t, config.String()))
}

// Each mistake gives exactly one error, under its own summary, against the
// argument at fault: no cascade of follow-on errors.
func TestTokenPolicyDataSourceErrors(t *testing.T) {
	t.Parallel()
	zoneStar := `{ "com.cloudflare.api.account.zone.*" = "*" }`
	account := fmt.Sprintf(`{ "com.cloudflare.api.account.%s" = "*" }`, testAccount)
	nested := func(inner string) string {
		return fmt.Sprintf(`{ "com.cloudflare.api.account.%s" = %s }`, testAccount, inner)
	}
	var many []string
	for _, scope := range []string{catalog.ScopeKeyAccount, catalog.ScopeKeyZone} {
		for _, g := range catalog.Default().List(catalog.Filter{ScopeKey: scope}) {
			many = append(many, fmt.Sprintf("%q", g.ID))
		}
	}
	mistyped := idDNSWrite[:31] + "0"
	if mistyped == idDNSWrite {
		mistyped = idDNSWrite[:31] + "1"
	}
	tests := []struct{ arguments, want string }{
		{`permissions = ["DNS Write"]` + "\nresources = " + account,
			`^Permission not covered by any resource: permissions\[0\]: "DNS Write" is a zone permission, but no resource in this policy is a zone\. Add "com\.cloudflare\.api\.account\.zone\.<zone id>"`},
		{`permissions = ["Workers R2 Storage Bucket Item Write"]` + "\nresources = " + account,
			`is an R2 bucket permission, but no resource in this policy is an R2 bucket\. .*for every bucket of an account`},
		{`permissions = ["DNS Write", "Zone Read"]` + "\nresources = { \"com.cloudflare.api.zone.*\" = \"*\" }",
			`^Malformed resource key: "com\.cloudflare\.api\.zone\.\*" is not a valid resource key.* Did you mean "com\.cloudflare\.api\.account\.zone\.\*"\?`},
		{`permissions = ["Zone Read"]` + "\nresources = { \"com.cloudflare.api.account.zone.*\" = \"read\" }",
			`^Resource not granted with "\*": resources\["com\.cloudflare\.api\.account\.zone\.\*"\] is "read"`},
		{"token_kind = \"account\"\npermissions = [\"DNS Read\"]\nresources = " + nested(fmt.Sprintf(`{ "com.cloudflare.api.account.zone.%s" = "edit" }`, testZone)),
			`resources\["com\.cloudflare\.api\.account\.` + testAccount + `"\]\["com\.cloudflare\.api\.account\.zone\.` + testZone + `"\] is "edit"`},
		{"token_kind = \"account\"\npermissions = [\"DNS Read\"]\nresources = " + nested("{}"), `is an empty map, which grants nothing`},
		{`permissions = ["Zone Settings Read"]` + "\nresources = { \"com.cloudflare.api.account.zone.*\" = " + zoneStar + " }",
			`^Malformed resource key: only an account key may hold a map of keys`},
		{"token_kind = \"account\"\npermissions = [\"API Tokens Read\", \"Workers Scripts Write\"]\nresources = " + account,
			`^User scope in an account-owned token: permissions\[0\]: "API Tokens Read" is a user permission; an account-owned token cannot hold user permissions`},
		{"token_kind = \"account\"\npermissions = [\"Workers Scripts Read\"]\nresources = merge(" + account + `, { "com.cloudflare.api.user.` + testAccount + `" = "*" })`,
			`^User scope in an account-owned token: "com\.cloudflare\.api\.user\.` + testAccount + `" is a user resource`},
		{"token_kind = \"account\"\npermissions = [\"Workers Scripts Write\", \"Workers Routes Write\"]\nresources = " + nested(zoneStar),
			`^Account permission beside the account-nested form: permissions\[0\]: "Workers Scripts Write" is an account permission.*Put the account permissions in a policy of their own`},
		{"permissions = [" + strings.Join(many, ", ") + "]\nresources = merge(" + account + ", " + zoneStar + ")",
			fmt.Sprintf(`^Too many permission groups: the policy holds %d permission groups; Cloudflare accepts at most 300`, len(many))},
		{"effect = \"permit\"\npermissions = [\"Zone Read\"]\nresources = " + zoneStar, `^Invalid policy effect: effect is "permit"; a policy's effect is "allow" or "deny"\.$`},
		{"effect = \" deny\"\npermissions = [\"Zone Read\"]\nresources = " + zoneStar, `^Invalid policy effect: effect is " deny"; write "deny", without the spaces\.$`},
		{"token_kind = \"Account\"\npermissions = [\"Zone Read\"]\nresources = " + zoneStar, `^Invalid token kind: token_kind is "Account"; write "account", in lower case\.$`},
		{"token_kind = \"account\"\npermissions = [\"Workers Scripts Write\", \"Workers Routes Write\"]\nresources = " + account,
			`^Account permission beside the account-nested form: permissions\[1\]: "Workers Routes Write" is a zone permission.*Move it to a policy of its own`},
		{`permissions = ["Zone Read", "DNS Wirte"]` + "\nresources = " + zoneStar,
			`^Unknown permission group: permissions\[1\]: "DNS Wirte" is not a zone permission group\. Did you mean "DNS Write"\?`},
		{"permissions = []\nresources = " + zoneStar, `^Policy without permissions: the policy lists no permission groups`},
		{`permissions = ["Zone Read", null]` + "\nresources = " + zoneStar, `^Null permission name: permissions\[1\] is null\.`},
		{`permissions = ["Logs Write"]` + "\nresources = merge(" + account + ", " + zoneStar + ")",
			`^Ambiguous permission name: permissions\[0\]: "Logs Write" is the name of 2 permission groups: "Account > Logs Write" \(account, ` + idAcctLogsWrite + `\) and "Zone > Logs Write" \(zone, ` + idZoneLogsWrite + `\)\. This policy's resources cover more than one of their scopes`},
		{`permissions = ["Zone > Billing Read"]` + "\nresources = " + account,
			`^Permission group in another scope: permissions\[0\]: "Zone > Billing Read" asks for a zone permission, but that name exists only as "Billing Read" \(account, ` + idBillingRead + `\)`},
		{`permissions = ["` + mistyped + `"]` + "\nresources = " + zoneStar,
			`^Mistyped permission group id: permissions\[0\]: "` + mistyped + `" is not a permission group id\. Did you mean "` + idDNSWrite + `" \(the zone permission group "DNS Write"\)\?`},
		{`permissions = ["Zone Read"]` + "\nresources = \"com.cloudflare.api.account.zone.*\"",
			`^Invalid resources: resources is the string "com\.cloudflare\.api\.account\.zone\.\*", which is not a map written as JSON \(invalid JSON at character 1\)\. Write a map from resource key to "\*"`},
		{`permissions = ["Zone Read"]` + "\nresources = [\"com.cloudflare.api.account.zone.*\"]",
			`^Invalid resources: resources is a list, but Cloudflare takes a map\. Write a map from resource key to "\*", such as \{ "com\.cloudflare\.api\.account\.zone\.\*" = "\*" \}, or jsonencode\(\) of one\.$`},
		{`permissions = ["Zone Read"]` + "\nresources = jsonencode([\"com.cloudflare.api.account.zone.*\"])", `^Invalid resources: resources is a JSON string of a list, but Cloudflare takes a map`},
		{`permissions = ["Zone Read"]` + "\nresources = 3", `^Invalid resources: resources is the number 3, but Cloudflare takes a map`},
	}
	var config strings.Builder
	var want []string
	for i, tt := range tests {
		fmt.Fprintf(&config, "data \"cfperms_token_policy\" \"case%d\" {\n%s\n}\n\n", i, tt.arguments)
		want = append(want, tt.want)
	}
	// Two mistakes, two errors: the names are checked whatever the resources.
	config.WriteString("data \"cfperms_token_policy\" \"two_mistakes\" {\n  permissions = [\"Zone Raed\"]\n  resources   = true\n}\n")
	want = append(want, `^Invalid resources: resources is true, but Cloudflare takes a map`,
		`^Unknown permission group: permissions\[0\]: "Zone Raed" is not a permission group in any scope\. Did you mean "Zone Read"`)
	expectErrors(t, planDiagnostics(t, config.String()), want...)
}

// Values unknown at plan time, whole or nested inside resources, leave the
// policy unknown until apply, then resolve like literals.
func TestTokenPolicyDataSourceUnknownInputs(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"resource value": fmt.Sprintf(`
  permissions = ["DNS Write"]
  resources   = { "com.cloudflare.api.account.zone.%s" = terraform_data.later.output }`, testZone),
		"permissions": fmt.Sprintf(`
  permissions = [terraform_data.later.output == "*" ? "DNS Write" : "Zone Read"]
  resources   = { "com.cloudflare.api.account.zone.%s" = "*" }`, testZone),
		"resources as a JSON string": fmt.Sprintf(`
  permissions = ["DNS Write"]
  resources   = jsonencode({ "com.cloudflare.api.account.zone.%s" = terraform_data.later.output })`, testZone),
		"nested zone keys": fmt.Sprintf(`
  token_kind  = "account"
  permissions = ["DNS Write"]
  resources   = { "com.cloudflare.api.account.%s" = { "com.cloudflare.api.account.zone.%s" = terraform_data.later.output } }`, testAccount, testZone),
	}
	names := slices.Sorted(maps.Keys(tests))
	// One configuration, a policy per case, all waiting on one terraform_data.
	config := "resource \"terraform_data\" \"later\" {\n  input = \"*\"\n}\n"
	var planChecks []plancheck.PlanCheck
	var stateChecks []statecheck.StateCheck
	for i, label := range caseLabels(t, len(names), func(i int) string { return names[i] }) {
		config += "\ndata \"cfperms_token_policy\" \"" + label + "\" {" + tests[names[i]] + "\n}\n"
		address := "data.cfperms_token_policy." + label
		planChecks = append(planChecks, plancheck.ExpectUnknownValue(address, tfjsonpath.New("permission_group_ids")))
		stateChecks = append(stateChecks, statecheck.ExpectKnownValue(address, tfjsonpath.New("permission_group_ids"),
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(idDNSWrite)})))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   terraformDataAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            config,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: planChecks},
			ConfigStateChecks: stateChecks,
		}},
	})
}

// `terraform validate` knows no variable and no resource attribute, so the
// resources below are unknown; names are checked on their own all the same,
// and a literal typo fails validate. Only what needs the resources (the
// scope of "Logs Write", coverage) waits for them.
func TestTokenPolicyValidate(t *testing.T) {
	t.Parallel()
	const variables = `
variable "zone_id" {
  type = string
}

variable "account_id" {
  type = string
}
`
	zoneVar := `{ "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }`
	mistyped := idDNSWrite[:31] + "0"
	if mistyped == idDNSWrite {
		mistyped = idDNSWrite[:31] + "1"
	}
	bad := variables + `
data "cfperms_token_policy" "typo" {
  permissions = ["Zone Read", "DNS Wirte"]
  resources   = ` + zoneVar + `
}

data "cfperms_token_policy" "mistyped_id" {
  permissions = ["` + mistyped + `"]
  resources   = jsonencode(` + zoneVar + `)
}

data "cfperms_token_policy" "wrong_scope" {
  permissions = ["Zone > Billing Read"]
  resources   = { "com.cloudflare.api.account.${var.account_id}" = "*" }
}

data "cfperms_token_policy" "user_in_account_token" {
  token_kind  = "account"
  permissions = ["API Tokens Read"]
  resources   = { "com.cloudflare.api.account.${var.account_id}" = { "com.cloudflare.api.account.zone.*" = "*" } }
}
`
	expectErrors(t, validateDiagnostics(t, bad),
		`^Unknown permission group: permissions\[1\]: "DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write" \(zone\)\?`,
		`^Mistyped permission group id: permissions\[0\]: "`+mistyped+`" is not a permission group id\. Did you mean "`+idDNSWrite+`"`,
		`^Permission group in another scope: permissions\[0\]: "Zone > Billing Read" asks for a zone permission`,
		`^User scope in an account-owned token: permissions\[0\]: "API Tokens Read" is a user permission`)

	good := variables + `
data "cfperms_token_policy" "settled_later" {
  permissions = ["Logs Write", "Zone Read"]
  resources   = ` + zoneVar + `
}

data "cfperms_token_policy" "covered_later" {
  permissions = ["Billing Read"]
  resources   = ` + zoneVar + `
}
`
	expectErrors(t, validateDiagnostics(t, good))
}

// A zone created in the same run leaves the resources unknown at plan time:
// a typo still fails the plan, before anything is created.
func TestTokenPolicySameRunTypo(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   terraformDataAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "zone" {
  input = "` + testZone + `"
}

data "cfperms_token_policy" "dns" {
  permissions = ["DNS Wirte"]
  resources   = { "com.cloudflare.api.account.zone.${terraform_data.zone.output}" = "*" }
}
`,
			ExpectError: errorPattern(`permissions\[0\]: "DNS Wirte" is not a permission group in any scope\. Did you mean "DNS Write" \(zone\)\?`),
		}},
	})
}

// In live mode a name only Cloudflare's live list has is left to the read,
// which knows it; a mistake that holds whatever the list says still fails
// early.
func TestTokenPolicyLiveCatalog(t *testing.T) {
	t.Parallel()
	srv := newFakeCloudflare(t, "")
	account := fmt.Sprintf(`{ "com.cloudflare.api.account.%s" = "*" }`, testAccount)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: srv.providerBlock("") + `
data "cfperms_token_policy" "secrets" {
  permissions = ["Workers Secrets Write"]
  resources   = ` + account + `
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cfperms_token_policy.secrets", tfjsonpath.New("permission_group_ids"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(newGroupID)})),
				},
			},
		},
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: srv.providerBlock("") + `
data "cfperms_token_policy" "secrets" {
  permissions = ["Workers Secrets Write", "` + strings.ToUpper(idBillingRead) + `"]
  resources   = ` + account + `
}`,
			ExpectError: errorPattern(`Malformed permission group id`),
		}},
	})
}

// An effect in any case is taken, as the Cloudflare provider's schema takes
// it, and handed on in lower case: one rule with the token_policy function.
func TestTokenPolicyDataSourceEffectCase(t *testing.T) {
	t.Parallel()
	const addr = "data.cfperms_token_policy.deny"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "cfperms_token_policy" "deny" {
  effect      = "Deny"
  permissions = ["Zone Read"]
  resources   = { "com.cloudflare.api.account.zone.%s" = "*" }
}`, testZone),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("policy").AtMapKey("effect"), knownvalue.StringExact("deny")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("policies").AtSliceIndex(0).AtMapKey("effect"), knownvalue.StringExact("deny")),
			},
		}},
	})
}

// Thousands of bad resource keys give a screenful of errors through the
// real CLI, not one each: the first catalog.MaxListDiagnostics, then one
// that counts the rest.
func TestTokenPolicyDataSourceManyBadKeys(t *testing.T) {
	t.Parallel()
	const bad = 2000
	config := fmt.Sprintf(`
data "cfperms_token_policy" "x" {
  permissions = ["Zone Read"]
  resources = merge({ "com.cloudflare.api.account.zone.*" = "*" },
  { for p in setproduct(range(%d), range(%d)) : "com.cloudflare.api.zone.${p[0]}-${p[1]}" => "*" })
}`, bad/40, 40) // range() stops at 1,024 elements
	summaries := map[string]int{}
	var more cliDiagnostic
	for _, d := range planDiagnostics(t, config) {
		if d.Severity == "error" {
			summaries[d.Summary]++
		}
		if d.Summary == "More findings left out" {
			more = d
		}
	}
	if summaries["Malformed resource key"] != catalog.MaxListDiagnostics || summaries["More findings left out"] != 1 || len(summaries) != 2 {
		t.Fatalf("errors by summary: %v; want %d malformed keys and one that counts the rest", summaries, catalog.MaxListDiagnostics)
	}
	if !strings.Contains(more.Detail, catalog.Thousands(bad-catalog.MaxListDiagnostics)) {
		t.Fatalf("the summary says %q", more.Detail)
	}
}
