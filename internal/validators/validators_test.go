package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog/catalogtest"
)

// stringValidator is what every validator here is: schema and function.
type stringValidator interface {
	validator.String
	function.StringParameterValidator
}

var idDNSWrite = catalogtest.ID("zone", "DNS Write")

func TestValidators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		v         stringValidator
		value     types.String
		wantError string // substring; "" means none
		wantWarn  string
		funcError string // for the function-parameter form; "-" means same as wantError
	}{
		{"scope ok", Scope(), types.StringValue("zone"), "", "", "-"},
		{"scope key ok", Scope(), types.StringValue("com.cloudflare.edge.r2.bucket"), "", "", "-"},
		{"scope typo", Scope(), types.StringValue("acount"), `Did you mean "account"?`, "", "-"},
		{"scope empty: blank as an attribute, no scope as a function argument", Scope(), types.StringValue(""), "The scope is blank", "", ""},
		{"scope null", Scope(), types.StringNull(), "", "", "-"},
		{"scope unknown", Scope(), types.StringUnknown(), "", "", "-"},
		{"name ok", PermissionName(), types.StringValue("Zone > DNS > Edit"), "", "", "-"},
		{"name typo", PermissionName(), types.StringValue("DNS Wirte"), `Did you mean "DNS Write" (zone)?`, "", "-"},
		{"name blank", PermissionName(), types.StringValue(" "), "empty", "", "-"},
		// With no scope attribute the name alone must decide; a function's
		// scope argument is out of the validator's sight and may yet decide.
		{"name ambiguous without scope", PermissionName(), types.StringValue("Logs Write"), "matches 2 permission groups", "", ""},
		{"name null", PermissionName(), types.StringNull(), "", "", "-"},
		{"name unknown", PermissionName(), types.StringUnknown(), "", "", "-"},
		{"id ok", PermissionGroupID(), types.StringValue(idDNSWrite), "", "", "-"},
		{"id unknown to the catalog warns", PermissionGroupID(), types.StringValue(catalogtest.UnknownID), "", "not a permission group id in this catalog", ""},
		{"id upper case", PermissionGroupID(), types.StringValue(strings.ToUpper(idDNSWrite)), `Write "` + idDNSWrite + `"`, "", "-"},
		{"id given a name", PermissionGroupID(), types.StringValue("DNS Write"), `Write "` + idDNSWrite + `"`, "", "-"},
		{"id null", PermissionGroupID(), types.StringNull(), "", "", "-"},
		{"id unknown to the catalog, left to the read", PermissionGroupID(UnknownIDsWarnedByRead()), types.StringValue(catalogtest.UnknownID), "", "", ""},
		{"regexp ok", Regexp(), types.StringValue("^DNS"), "", "", "-"},
		{"regexp bad", Regexp(), types.StringValue("(("), "RE2", "", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			if tt.v.Description(ctx) == "" || tt.v.MarkdownDescription(ctx) == "" {
				t.Fatal("no description")
			}
			resp := &validator.StringResponse{}
			tt.v.ValidateString(ctx, validator.StringRequest{Path: path.Root("x"), PathExpression: path.MatchRoot("x"), ConfigValue: tt.value}, resp)
			check(t, "error", resp.Diagnostics.Errors().ErrorsCount(), diagText(resp.Diagnostics.Errors()), tt.wantError)
			check(t, "warning", resp.Diagnostics.WarningsCount(), diagText(resp.Diagnostics.Warnings()), tt.wantWarn)

			want := tt.funcError
			if want == "-" {
				want = tt.wantError
			}
			fresp := &function.StringParameterValidatorResponse{}
			tt.v.ValidateParameterString(ctx, function.StringParameterValidatorRequest{ArgumentPosition: 0, Value: tt.value}, fresp)
			got, n := "", 0
			if fresp.Error != nil {
				got, n = fresp.Error.Text, 1
			}
			check(t, "function error", n, got, want)
		})
	}
}

func check(t *testing.T, what string, count int, text, want string) {
	t.Helper()
	if want == "" {
		if count != 0 {
			t.Fatalf("unexpected %s: %s", what, text)
		}
		return
	}
	if count == 0 || !strings.Contains(text, want) {
		t.Fatalf("%s %q does not contain %q", what, text, want)
	}
}

func diagText[T interface{ Detail() string }](diags []T) string {
	var parts []string
	for _, d := range diags {
		parts = append(parts, d.Detail())
	}
	return strings.Join(parts, "\n")
}

func TestPermissionNamesReportsEveryBadElement(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	list := types.ListValueMust(types.StringType, []attr.Value{
		types.StringValue("DNS Write"), types.StringValue("DNS Wirte"), types.StringNull(),
		types.StringUnknown(), types.StringValue("Billing Raed"),
	})
	resp := &validator.ListResponse{}
	PermissionNames().ValidateList(ctx, validator.ListRequest{Path: path.Root("names"), PathExpression: path.MatchRoot("names"), ConfigValue: list}, resp)
	errs := resp.Diagnostics.Errors()
	if len(errs) != 2 {
		t.Fatalf("want 2 errors (null and unknown skipped), got %d: %s", len(errs), diagText(errs))
	}
	for i, want := range []string{`names[1]: "DNS Wirte"`, `names[4]: "Billing Raed"`} {
		if !strings.HasPrefix(errs[i].Detail(), want) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i].Detail(), want)
		}
		withPath, ok := errs[i].(diag.DiagnosticWithPath)
		if !ok || withPath.Path().String() != strings.SplitN(want, ":", 2)[0] {
			t.Errorf("error %d is not at the element's path", i)
		}
	}
	if PermissionNames().Description(ctx) == "" {
		t.Fatal("no description")
	}
}

// In live mode a name the embedded catalog lacks may be newer than it; only
// mistakes of form are errors before the read.
func TestLiveModeDefersToTheRead(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	live := LiveMode(func() bool { return true })
	check := func(v validator.String, value string) diag.Diagnostics {
		resp := &validator.StringResponse{}
		v.ValidateString(ctx, validator.StringRequest{Path: path.Root("x"), PathExpression: path.MatchRoot("x"), ConfigValue: types.StringValue(value)}, resp)
		return resp.Diagnostics
	}
	if d := check(PermissionName().InLiveMode(live), "Workers Secrets Write"); d.HasError() {
		t.Fatalf("a name newer than the catalog was rejected in live mode: %v", d)
	}
	if d := check(PermissionName().InLiveMode(live), " "); !d.HasError() {
		t.Fatal("a blank name passed in live mode")
	}
	if d := check(PermissionGroupID().InLiveMode(live), catalogtest.UnknownID); len(d) != 0 {
		t.Fatalf("an id newer than the catalog warned in live mode: %v", d)
	}
	if d := check(PermissionGroupID().InLiveMode(live), "not-an-id"); !d.HasError() {
		t.Fatal("a malformed id passed in live mode")
	}
	if d := check(PermissionName().InLiveMode(LiveMode(func() bool { return false })), "DNS Wirte"); !d.HasError() {
		t.Fatal("live mode off, yet the typo passed")
	}
	if d := check(Scope().InLiveMode(live), "com.cloudflare.api.account.flagship.app"); d.HasError() {
		t.Fatalf("a scope key newer than the catalog was rejected in live mode: %v", d)
	}
	if d := check(Scope().InLiveMode(live), "zon"); !d.HasError() {
		t.Fatal("a misspelt short scope passed in live mode")
	}
	if d := check(Scope(), "com.cloudflare.api.account.flagship.app"); !d.HasError() {
		t.Fatal("live mode off, yet an unknown scope key passed")
	}
}

// Options are checked, as framework-validators checks its settings: misuse
// is an error that names the provider as at fault, never silently ignored.
func TestValidatorOptionsMisuse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for name, v := range map[string]validator.String{
		"scope twice":           PermissionName(ScopeAt(path.MatchRoot("a")), ScopeAt(path.MatchRoot("b"))),
		"option of another one": PermissionName(UnknownIDsWarnedByRead()),
		"scope for an id":       PermissionGroupID(ScopeAt(path.MatchRoot("a"))),
	} {
		resp := &validator.StringResponse{}
		v.ValidateString(ctx, validator.StringRequest{Path: path.Root("x"), PathExpression: path.MatchRoot("x"), ConfigValue: types.StringValue("DNS Write")}, resp)
		if !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != "Invalid validator usage" {
			t.Errorf("%s: %v, want an invalid usage error", name, resp.Diagnostics)
		}
	}
}
