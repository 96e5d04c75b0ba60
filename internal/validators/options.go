package validators

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Option is a setting of a validator, given at construction as
// terraform-plugin-framework-validators' constructors take theirs.
type Option struct {
	name  string
	apply func(*settings)
}

// settings are what the options set. invalid collects misuse (an option
// given twice, or to a validator it does not apply to), reported at
// validation as a provider bug rather than silently ignored.
type settings struct {
	scope            path.Expression
	hasScope         bool
	unknownIDsByRead bool
	invalid          []string
}

// ScopeAt makes a name validator read the scope from the attribute at expr
// (relative expressions resolve against the validated attribute).
func ScopeAt(expr path.Expression) Option {
	return Option{name: "ScopeAt", apply: func(s *settings) {
		if s.hasScope {
			s.invalid = append(s.invalid, "ScopeAt is given more than once; a name has one scope")
		}
		s.scope, s.hasScope = expr, true
	}}
}

// UnknownIDsWarnedByRead leaves the warning about an id the catalog lacks to
// a read that gives it itself: Terraform validates in two walks and would
// show it three times.
func UnknownIDsWarnedByRead() Option {
	return Option{name: "UnknownIDsWarnedByRead", apply: func(s *settings) { s.unknownIDsByRead = true }}
}

// newSettings applies opts, recording any not in allowed as misuse.
func newSettings(validator string, opts []Option, allowed ...string) settings {
	var s settings
	for _, o := range opts {
		if !contains(allowed, o.name) {
			s.invalid = append(s.invalid, fmt.Sprintf("%s does not take the %s option", validator, o.name))
			continue
		}
		o.apply(&s)
	}
	return s
}

// reportMisuse adds one error per misuse: the schema, not the user, is wrong.
func (s settings) reportMisuse(at path.Path, diags *diag.Diagnostics) bool {
	for _, msg := range s.invalid {
		diags.AddAttributeError(at, "Invalid validator usage",
			msg+". This is a bug in the provider; please report it.")
	}
	return len(s.invalid) > 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
