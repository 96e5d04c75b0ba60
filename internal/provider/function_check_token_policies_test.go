package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck/tokenchecktest"
)

// findingsCheck is the knownvalue check of a list of findings.
func findingsCheck(findings []catalog.TokenFinding) knownvalue.Check {
	checks := make([]knownvalue.Check, len(findings))
	for i, f := range findings {
		checks[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"policy":   knownvalue.Int64Exact(int64(f.Policy)),
			"subject":  knownvalue.StringExact(f.Subject),
			"name":     knownvalue.StringExact(f.Name),
			"severity": knownvalue.StringExact(string(f.Severity)),
			"code":     knownvalue.StringExact(string(f.Code)),
			"message":  knownvalue.StringExact(f.Message),
		})
	}
	return knownvalue.ListExact(checks)
}

// hclString quotes s for HCL: Go's escapes, and no template sequences.
func hclString(s string) string {
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(strconv.Quote(s))
}

// jsonArgument is a value as jsondecode gives it from JSON: how the
// function meets a policies value read from plan or state JSON.
func jsonArgument(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return "jsondecode(" + hclString(string(data)) + ")"
}

func TestCheckTokenPoliciesFunction(t *testing.T) {
	t.Parallel()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	v5 := `[{ effect = "allow", permission_groups = [{ id = "` + dnsWrite + `" }], resources = jsonencode({ "com.cloudflare.api.account.zone.*" = "*" }) }]`
	v4 := `[{ effect = "allow", permission_groups = ["` + dnsWrite + `"], resources = { "com.cloudflare.api.account.zone.*" = "*" } }]`
	nameNotID := catalog.Default().CheckTokenPolicies([]any{map[string]any{"effect": "allow", "permission_groups": []any{"DNS Write"},
		"resources": map[string]any{"com.cloudflare.api.account.zone.*": "*"}}}, catalog.TokenKindUser)
	runFunctionCases(t, []functionCase{
		{"clean v5", `provider::cfperms::check_token_policies(` + v5 + `)`, knownvalue.ListExact(nil), ""},
		{"clean v4", `provider::cfperms::check_token_policies(` + v4 + `)`, knownvalue.ListExact(nil), ""},
		{"account token", `provider::cfperms::check_token_policies(` + strings.Replace(v5, "account.zone.*", "account.*", 1) + `, "account")[0].code`,
			knownvalue.StringExact(string(catalog.FindingAccountWildcard)), ""},
		{"a name where an id belongs", `provider::cfperms::check_token_policies(` + strings.Replace(v4, dnsWrite, "DNS Write", 1) + `)`, findingsCheck(nameNotID), ""},
		{"no policies", `provider::cfperms::check_token_policies([])[0].code`, knownvalue.StringExact(string(catalog.FindingNoPolicies)), ""},
		{"not a list", `provider::cfperms::check_token_policies("allow")[0].message`, knownvalue.StringExact(`the policies must be a list of policies, not the string "allow".`), ""},
		{"warnings pass a condition on errors", `[for fs in [provider::cfperms::check_token_policies(` + strings.Replace(v5, dnsWrite, catalogtest.UnknownID, 1) + `)] : ` +
			`[length(fs), length([for f in fs : f if f.severity == "error"])]][0]`, knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(0)}), ""},
		{"bad token kind", `provider::cfperms::check_token_policies(` + v5 + `, "acount")`, nil, `Invalid value for "token_kind" parameter: token_kind is "acount"; use "user"`},
		{"two token kinds", `provider::cfperms::check_token_policies(` + v5 + `, "user", "account")`, nil, `Give at most one token_kind argument; this\s+call\s+has\s+2`},
	})
}

// Every kind of finding comes through the function with the catalog's
// text, severity, code, subject and name: one plan, one output per case.
func TestCheckTokenPoliciesFunctionEveryFinding(t *testing.T) {
	t.Parallel()
	var config strings.Builder
	var checks []statecheck.StateCheck
	for _, c := range tokenchecktest.Cases() {
		kind := catalog.TokenKindUser
		if c.Kind != "" {
			kind = c.Kind
		}
		fmt.Fprintf(&config, "output %q {\n  value = provider::cfperms::check_token_policies(%s, %q)\n}\n", c.Name, jsonArgument(t, c.Policies), kind)
		checks = append(checks, statecheck.ExpectKnownOutputValue(c.Name, findingsCheck(catalog.Default().CheckTokenPolicies(c.Policies, c.Kind))))
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: functionConfig(config.String()), ConfigStateChecks: checks}},
	})
}

// The committed plan and state fixtures of cfperms-check (written by the
// Terraform CLI): every token's policies, taken from the JSON and given to
// the function, make the findings the command reports for that token.
func TestCheckTokenPoliciesFunctionFixtures(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../tokencheck/testdata/*.json")
	if len(files) < 6 {
		t.Fatalf("fixtures: %v", files)
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := tokencheck.Read(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for j, tok := range doc.Tokens {
			if tok.NotChecked != "" || catalog.HasUnknown(tok.Policies) {
				continue // the function's answer is unknown then; see the stand-in test
			}
			var want []catalog.TokenFinding
			for _, f := range tokencheck.Check(catalog.Default(), tokencheck.Document{Tokens: []tokencheck.Token{tok}}).Findings {
				want = append(want, f.TokenFinding)
			}
			name := fmt.Sprintf("f%d_t%d", i, j)
			fmt.Fprintf(&config, "output %q {\n  value = provider::cfperms::check_token_policies(%s, %q)\n}\n", name, jsonArgument(t, tok.Policies), tokencheck.TokenTypes[tok.Type])
			checks = append(checks, statecheck.ExpectKnownOutputValue(name, findingsCheck(want)))
		}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: functionConfig(config.String()), ConfigStateChecks: checks}},
	})
}

// withStandIn serves cfperms and a stand-in for the Cloudflare provider's
// token resources, and declares both the way functionConfig does.
func withStandIn(shape tokenchecktest.Shape) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"cfperms": testAccProtoV6ProviderFactories["cfperms"],
		"cloudflare": func() (tfprotov6.ProviderServer, error) {
			return providerserver.NewProtocol6WithError(tokenchecktest.NewProvider(shape))()
		},
	}
}

func standInConfig(body string) string {
	config := functionConfig(body)
	source := strings.Split(strings.SplitN(config, `source = "`, 2)[1], `"`)[0]
	return strings.Replace(config, "  }\n}\n", fmt.Sprintf("    cloudflare = { source = %q }\n  }\n}\n", strings.TrimSuffix(source, "cfperms")+"cloudflare"), 1)
}

// Real token resources: their policies attribute as Terraform types it (a
// list of objects in v5, a set of blocks in v4). With a value known only
// after apply, the findings are too: a known answer at plan would be kept by
// Terraform as final (a test of a known "skipped" answer showed Terraform
// still holding it after apply). At apply they are the findings of the
// values created.
func TestCheckTokenPoliciesFunctionOnResources(t *testing.T) {
	t.Parallel()
	dnsWrite := catalogtest.ID("zone", "DNS Write")
	bodies := map[tokenchecktest.Shape]string{
		tokenchecktest.V5JSON: `resource "cloudflare_api_token" "seed" {
  name     = "seed"
  policies = [{ effect = "allow", permission_groups = [{ id = "` + dnsWrite + `" }], resources = jsonencode({ "com.cloudflare.api.account.zone.*" = "*" }) }]
}

resource "cloudflare_api_token" "fresh" {
  name     = "fresh"
  policies = [{ effect = "allow", permission_groups = [{ id = "` + dnsWrite + `" }, { id = cloudflare_api_token.seed.id }], resources = jsonencode({ "com.cloudflare.api.account.zone.*" = "*" }) }]
}

output "findings" {
  value = provider::cfperms::check_token_policies(cloudflare_api_token.fresh.policies)
}
`,
		tokenchecktest.V4: `resource "cloudflare_api_token" "seed" {
  name = "seed"
  policy {
    permission_groups = ["` + dnsWrite + `"]
    resources         = { "com.cloudflare.api.account.zone.*" = "*" }
  }
}

resource "cloudflare_api_token" "fresh" {
  name = "fresh"
  policy {
    permission_groups = ["` + dnsWrite + `", cloudflare_api_token.seed.id]
    resources         = { "com.cloudflare.api.account.zone.*" = "*" }
  }
}

output "findings" {
  value = provider::cfperms::check_token_policies(cloudflare_api_token.fresh.policy)
}
`,
	}
	for shape, body := range bodies {
		t.Run(string(shape), func(t *testing.T) {
			t.Parallel()
			afterApply := knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"policy": knownvalue.Int64Exact(0), "code": knownvalue.StringExact("unknown_id")})})
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   functionsAvailable,
				ProtoV6ProviderFactories: withStandIn(shape),
				Steps: []resource.TestStep{{
					Config:            standInConfig(body),
					ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("findings")}},
					ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("findings", afterApply)},
				}},
			})
		})
	}
}

// OpenTofu 1.7 calls a function whose arguments are partly unknown, which
// Terraform holds back: the answer must then be unknown, not a guess.
func TestCheckTokenPoliciesFunctionPartlyUnknown(t *testing.T) {
	t.Parallel()
	objectType := types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType}}
	groups := types.ListValueMust(objectType, []attr.Value{types.ObjectValueMust(objectType.AttrTypes, map[string]attr.Value{"id": types.StringUnknown()})})
	policy := types.ObjectValueMust(map[string]attr.Type{"effect": types.StringType, "permission_groups": groups.Type(context.Background())},
		map[string]attr.Value{"effect": types.StringValue("allow"), "permission_groups": groups})
	policies := types.DynamicValue(types.TupleValueMust([]attr.Type{policy.Type(context.Background())}, []attr.Value{policy}))
	resp := function.RunResponse{Result: function.NewResultData(types.ListNull(types.ObjectType{AttrTypes: tokenFindingAttrTypes}))}
	NewCheckTokenPoliciesFunction().Run(context.Background(), function.RunRequest{
		Arguments: function.NewArgumentsData([]attr.Value{policies, types.TupleValueMust(nil, nil)}),
	}, &resp)
	if resp.Error != nil || !resp.Result.Value().IsUnknown() {
		t.Fatalf("error %v, result %v", resp.Error, resp.Result.Value())
	}
}

// A precondition over the findings stops the plan on an error, with the
// finding's sentence.
func TestCheckTokenPoliciesFunctionPrecondition(t *testing.T) {
	t.Parallel()
	config := `locals {
  policies = [{ effect = "allow", permission_groups = [{ id = "` + catalogtest.ID("user", "Memberships Read") + `" }], resources = jsonencode({ "com.cloudflare.api.account.zone.*" = "*" }) }]
  findings = provider::cfperms::check_token_policies(local.policies)
}

resource "cloudflare_api_token" "ci" {
  name     = "ci"
  policies = local.policies
  lifecycle {
    precondition {
      condition     = alltrue([for f in local.findings : f.severity != "error"])
      error_message = join("\n", [for f in local.findings : f.message if f.severity == "error"])
    }
  }
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionsAvailable,
		ProtoV6ProviderFactories: withStandIn(tokenchecktest.V5JSON),
		Steps: []resource.TestStep{{Config: standInConfig(config),
			ExpectError: errorPattern(`(?s)Resource precondition failed.*"Memberships Read" is a user permission, but no resource in this policy is a user`)}},
	})
}
