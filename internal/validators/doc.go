// Package validators holds plan-time validators for permission names,
// scopes and permission group ids. Each value works both as a schema
// validator (validator.String) and as a provider-defined function parameter
// validator (function.StringParameterValidator). The wording of every error
// comes from the catalog, so validators, data sources and functions say the
// same thing about the same input.
package validators
