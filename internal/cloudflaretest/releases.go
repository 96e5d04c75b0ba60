// Package cloudflaretest is a stand-in for the Cloudflare provider's token
// resources, cloudflare_api_token and cloudflare_account_token, with the
// schemas Cloudflare published in each release line: the attributes' names,
// nesting, Required, Optional and Computed flags and validators, read from
// the provider's source at the release tags named on each Release. What this
// provider's users wire into those resources is validated and planned against
// it, so a shape the real schema rejects fails a test here first. It is
// imported by tests only.
package cloudflaretest

import (
	"fmt"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Release is one line of Cloudflare provider releases that share a token
// schema.
type Release struct {
	// Name is how tests and docs name the line: "5.13", "5.12", "5.0", "4".
	Name string
	// Versions is the range of releases with this schema.
	Versions string
	// ReadFrom names the release tags the schema was read from.
	ReadFrom string
	// AccountToken is whether the line has cloudflare_account_token (v5).
	AccountToken bool
	// Blocks is whether policies are `policy` blocks (v4) rather than a
	// `policies` list attribute (v5).
	Blocks bool
	// Version is the resource schema's version (501 from 5.13).
	Version int64
	// Newest is the newest release of the line, which a configuration's
	// version constraint is matched against.
	Newest   string
	policies func() schema.ListNestedAttribute
	extra    func() map[string]schema.Attribute
}

// The release lines, newest first.
var (
	V5_13 = Release{
		Name: "5.13", Versions: "5.13.0 to 5.22.0", ReadFrom: "v5.13.0 and v5.22.0 (commit a2efdc5786ae9726d56928dbfe91933bd92404ca)",
		Newest: "5.22.0", AccountToken: true, Version: 501, policies: policiesV5_13, extra: extraV5_12,
	}
	V5_12 = Release{
		Name: "5.12", Versions: "5.10.0 to 5.12.0", ReadFrom: "v5.12.0 (v5.10 and v5.11 likewise)",
		Newest: "5.12.0", AccountToken: true, policies: policiesV5_12, extra: extraV5_12,
	}
	V5_0 = Release{
		Name: "5.0", Versions: "5.0.0 to 5.9.x", ReadFrom: "v5.0.0",
		Newest: "5.9.0", AccountToken: true, policies: policiesV5_0, extra: extraV5_0,
	}
	V4 = Release{
		Name: "4", Versions: "4.x (4.52.8 the last)", ReadFrom: "v4.52.8 (terraform-plugin-sdk v2, served here by the framework)",
		Newest: "4.52.8", Blocks: true,
	}
	// Releases is every line, newest first.
	Releases = []Release{V5_13, V5_12, V5_0, V4}
)

// effectV5 is v5's effect: required, "allow" or "deny" in any case.
func effectV5() schema.StringAttribute {
	return schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.OneOfCaseInsensitive("allow", "deny")}}
}

// policiesV5_13 has resources as a JSON string and permission groups a list
// of {id}.
func policiesV5_13() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{Required: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"effect": effectV5(),
		"permission_groups": schema.ListNestedAttribute{Required: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Required: true},
		}}},
		"resources": schema.StringAttribute{Required: true, Validators: []validator.String{jsonValid{}}},
	}}}
}

// groupV5_0 is a permission group before 5.13: an id, optional meta and a
// computed name.
func groupV5_0() schema.NestedAttributeObject {
	return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Required: true},
		"meta": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
			"key": schema.StringAttribute{Optional: true}, "value": schema.StringAttribute{Optional: true},
		}},
		"name": schema.StringAttribute{Computed: true},
	}}
}

// policiesV5_0 has resources as a map of strings, a computed policy id and
// permission groups as a list.
func policiesV5_0() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{Required: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":                schema.StringAttribute{Computed: true},
		"effect":            effectV5(),
		"permission_groups": schema.ListNestedAttribute{Required: true, NestedObject: groupV5_0()},
		"resources":         schema.MapAttribute{Required: true, ElementType: types.StringType},
	}}}
}

// policiesV5_12 is policiesV5_0 with permission groups as a set.
func policiesV5_12() schema.ListNestedAttribute {
	p := policiesV5_0()
	p.NestedObject.Attributes["permission_groups"] = schema.SetNestedAttribute{Required: true, NestedObject: groupV5_0()}
	return p
}

func requestIPV5(computed bool) map[string]schema.Attribute {
	return map[string]schema.Attribute{"request_ip": schema.SingleNestedAttribute{Optional: true, Computed: computed, Attributes: map[string]schema.Attribute{
		"in":     schema.ListAttribute{Optional: true, ElementType: types.StringType},
		"not_in": schema.ListAttribute{Optional: true, ElementType: types.StringType},
	}}}
}

func status(computed bool) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: computed, Validators: []validator.String{stringvalidator.OneOfCaseInsensitive("active", "disabled", "expired")}}
}

// extraV5_12 are the attributes besides policies from 5.10 on.
func extraV5_12() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"condition": schema.SingleNestedAttribute{Optional: true, Attributes: requestIPV5(false)},
		"status":    status(true),
	}
}

// extraV5_0 are those of 5.0, where condition is also computed and status
// only optional.
func extraV5_0() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"condition": schema.SingleNestedAttribute{Optional: true, Computed: true, Attributes: requestIPV5(true)},
		"status":    status(false),
	}
}

// v5Attributes is a v5 token's schema; account tokens add account_id.
func v5Attributes(r Release, account bool) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id":           schema.StringAttribute{Computed: true},
		"name":         schema.StringAttribute{Required: true},
		"policies":     r.policies(),
		"expires_on":   schema.StringAttribute{Optional: true},
		"not_before":   schema.StringAttribute{Optional: true},
		"issued_on":    schema.StringAttribute{Computed: true},
		"last_used_on": schema.StringAttribute{Computed: true},
		"modified_on":  schema.StringAttribute{Computed: true},
		"value":        schema.StringAttribute{Computed: true, Sensitive: true},
	}
	for name, a := range r.extra() {
		attrs[name] = a
	}
	if account {
		attrs["account_id"] = schema.StringAttribute{Required: true}
	}
	return attrs
}

// v4Schema is v4's cloudflare_api_token: a required set of policy blocks.
func v4Schema() schema.Schema {
	sets := func() schema.SetAttribute { return schema.SetAttribute{Optional: true, ElementType: types.StringType} }
	return schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":          schema.StringAttribute{Computed: true},
			"name":        schema.StringAttribute{Required: true},
			"not_before":  schema.StringAttribute{Optional: true},
			"expires_on":  schema.StringAttribute{Optional: true},
			"value":       schema.StringAttribute{Computed: true, Sensitive: true},
			"status":      schema.StringAttribute{Computed: true},
			"issued_on":   schema.StringAttribute{Computed: true},
			"modified_on": schema.StringAttribute{Computed: true},
		},
		Blocks: map[string]schema.Block{
			"policy": schema.SetNestedBlock{
				Validators: []validator.Set{setvalidator.IsRequired(), setvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"permission_groups": schema.SetAttribute{Required: true, ElementType: types.StringType},
					"resources":         schema.MapAttribute{Required: true, ElementType: types.StringType},
					"effect": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("allow"),
						Validators: []validator.String{stringvalidator.OneOf("allow", "deny")}},
				}},
			},
			"condition": schema.ListNestedBlock{
				Validators: []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Blocks: map[string]schema.Block{
					"request_ip": schema.ListNestedBlock{
						Validators:   []validator.List{listvalidator.SizeAtMost(1)},
						NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{"in": sets(), "not_in": sets()}},
					},
				}},
			},
		},
	}
}

// Matching is every release line whose newest release satisfies a
// configuration's version constraint for the Cloudflare provider, such as
// "~> 5.13" or ">= 5.0, < 5.13": the lines a configuration with that
// constraint may meet, so a test plans it against each.
func Matching(constraint string) ([]Release, error) {
	c, err := version.NewConstraint(constraint)
	if err != nil {
		return nil, err
	}
	var out []Release
	for _, r := range Releases {
		if c.Check(version.Must(version.NewVersion(r.Newest))) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no release line has a newest release matching %q", constraint)
	}
	return out, nil
}
