package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var _ function.Function = &checkTokenPoliciesFunction{}

type checkTokenPoliciesFunction struct{}

// NewCheckTokenPoliciesFunction checks the policies of a token resource as
// written, with hard-coded ids, for check blocks and lifecycle conditions.
func NewCheckTokenPoliciesFunction() function.Function { return &checkTokenPoliciesFunction{} }

// tokenFindingAttrTypes is one finding of check_token_policies.
var tokenFindingAttrTypes = map[string]attr.Type{
	"policy":   types.Int64Type,
	"subject":  types.StringType,
	"name":     types.StringType,
	"severity": types.StringType,
	"code":     types.StringType,
	"message":  types.StringType,
}

func (f *checkTokenPoliciesFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "check_token_policies"
}

func (f *checkTokenPoliciesFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Findings about the policies of an existing token resource",
		MarkdownDescription: "Checks the policies of a `cloudflare_api_token` or `cloudflare_account_token` as they are written, " +
			"with permission group ids, and returns what is wrong with them, or worth a look, as a list of findings " +
			"(empty when all is well). It makes the checks `cfperms_token_policy` makes, with the same sentences: an id the " +
			"catalog lacks, a permission no resource covers, a malformed resource key, a user permission in an account-owned " +
			"token, and so on, plus a permission group name where the token needs an id. It never fails on what it checks: " +
			"use it in a `check` block, or in a `lifecycle` condition filtered to `severity == \"error\"`.\n\n" +
			"Each finding is `{ policy, subject, name, severity, code, message }`: the index of the policy (-1 for the whole " +
			"list), the id or resource key it is about (or `\"\"`), the group's name when the catalog knows the id, the " +
			"severity (`error` or `warning`), a code such as `scope_not_covered`, and the sentence.\n\n" +
			"While any part of the policies is known only after apply, the result is too: Terraform keeps a function's " +
			"known result as final, so findings about a plan's unknowns would be guesses it never revisits. The check then " +
			"runs at apply, with every value known. `cfperms-check` reports such parts of a plan as skipped.",
		Parameters: []function.Parameter{
			function.DynamicParameter{
				Name: "policies",
				MarkdownDescription: "The token's policies as written: `policies` of the Cloudflare provider v5 " +
					"(`[{ effect, permission_groups = [{ id }], resources }]`, `resources` a map or, from 5.13, a JSON string) " +
					"or the `policy` blocks of v4 (`permission_groups` a list of ids, `resources` a map). A reference such as " +
					"`cloudflare_api_token.ci.policies` works too.",
				AllowNullValue: true,
			},
		},
		VariadicParameter: function.StringParameter{Name: "token_kind", AllowNullValue: true,
			MarkdownDescription: "Optional `user` (the default) for a user-owned token (`cloudflare_api_token`), or `account` " +
				"for an account-owned token (`cloudflare_account_token`), in any case; null or `\"\"` means the default."},
		Return: function.ListReturn{ElementType: types.ObjectType{AttrTypes: tokenFindingAttrTypes}},
	}
}

func (f *checkTokenPoliciesFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var policies types.Dynamic
	var kinds []types.String
	if resp.Error = req.Arguments.Get(ctx, &policies, &kinds); resp.Error != nil {
		return
	}
	kind, ferr := tokenKindArgument(kinds)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	value := goValue(policies)
	if catalog.HasUnknown(value) {
		// Terraform holds back a call with unknown arguments; OpenTofu 1.7
		// makes it, and a known answer would then be taken as final.
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(types.ObjectType{AttrTypes: tokenFindingAttrTypes}))
		return
	}
	findings := catalog.Default().CheckTokenPolicies(value, kind)
	list, diags := types.ListValue(types.ObjectType{AttrTypes: tokenFindingAttrTypes}, findingObjects(findings))
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, list)
}

// tokenKindArgument reads the optional token_kind argument.
func tokenKindArgument(kinds []types.String) (string, *function.FuncError) {
	kind, ferr := optionalArgument(kinds, 1, "token_kind")
	if ferr != nil || kind == "" {
		return catalog.TokenKindUser, ferr
	}
	kind = strings.ToLower(strings.TrimSpace(kind))
	if problem := catalog.TokenKindProblem(kind); problem != "" {
		return "", validators.ArgumentError(1, problem)
	}
	return kind, nil
}

func findingObjects(findings []catalog.TokenFinding) []attr.Value {
	out := make([]attr.Value, len(findings))
	for i, f := range findings {
		out[i] = types.ObjectValueMust(tokenFindingAttrTypes, map[string]attr.Value{
			"policy":   types.Int64Value(int64(f.Policy)),
			"subject":  types.StringValue(f.Subject),
			"name":     types.StringValue(f.Name),
			"severity": types.StringValue(string(f.Severity)),
			"code":     types.StringValue(string(f.Code)),
			"message":  types.StringValue(f.Message),
		})
	}
	return out
}
