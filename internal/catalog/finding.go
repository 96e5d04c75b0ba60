package catalog

// Severity of a policy finding.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// FindingCode names the kind of a policy finding, for tools that filter or
// count them. The strings are stable.
type FindingCode string

// Finding codes, in the order CheckPolicy's phases produce them.
const (
	FindingEffect             FindingCode = "effect"
	FindingNoResources        FindingCode = "no_resources"
	FindingMalformedResource  FindingCode = "malformed_resource"
	FindingResourceValue      FindingCode = "resource_value"
	FindingUnverifiedResource FindingCode = "unverified_resource"
	FindingUserInAccountToken FindingCode = "user_in_account_token"
	FindingUserResource       FindingCode = "user_resource_in_account_token"
	FindingAccountWildcard    FindingCode = "account_wildcard"
	FindingBucketElsewhere    FindingCode = "bucket_in_other_account"
	FindingNoPermissions      FindingCode = "no_permissions"
	FindingBlankPermission    FindingCode = "blank_permission"
	FindingUnknownPermission  FindingCode = "unknown_permission"
	FindingInvalidPermission  FindingCode = "invalid_permission"
	FindingAmbiguous          FindingCode = "ambiguous_permission"
	FindingSeveral            FindingCode = "several_permissions"
	FindingWrongScope         FindingCode = "wrong_scope"
	FindingMalformedID        FindingCode = "malformed_id"
	FindingMistypedID         FindingCode = "mistyped_id"
	FindingUnknownID          FindingCode = "unknown_id"
	FindingNotAPIName         FindingCode = "not_api_name"
	FindingDuplicate          FindingCode = "duplicate_permission"
	FindingScopeNotCovered    FindingCode = "scope_not_covered"
	FindingNeedsOwnPolicy     FindingCode = "needs_own_policy"
	FindingUnverifiedScope    FindingCode = "unverified_scope"
	FindingTooManyGroups      FindingCode = "too_many_groups"
	FindingUnusedResource     FindingCode = "unused_resource"
	// FindingMore stands for the findings past MaxListDiagnostics of one
	// argument and severity, which it takes from them.
	FindingMore FindingCode = "more_findings"
)

// PolicyArgument names the part of a policy a finding blames, as the
// cfperms_token_policy data source names its arguments.
type PolicyArgument string

const (
	ArgumentPermissions PolicyArgument = "permissions"
	ArgumentResources   PolicyArgument = "resources"
	ArgumentEffect      PolicyArgument = "effect"
	ArgumentTokenKind   PolicyArgument = "token_kind"
)

// findingKinds holds, per code, its severity, the argument it blames and the
// summary diagnostics show: written down once, so every caller agrees.
var findingKinds = map[FindingCode]struct {
	severity Severity
	argument PolicyArgument
	summary  string
}{
	FindingEffect:             {SeverityError, ArgumentEffect, "Invalid policy effect"},
	FindingNoResources:        {SeverityError, ArgumentResources, "Policy without resources"},
	FindingMalformedResource:  {SeverityError, ArgumentResources, "Malformed resource key"},
	FindingResourceValue:      {SeverityError, ArgumentResources, "Resource not granted with \"*\""},
	FindingUnverifiedResource: {SeverityWarning, ArgumentResources, "Resource key this provider cannot check"},
	FindingUserInAccountToken: {SeverityError, ArgumentPermissions, "User scope in an account-owned token"},
	FindingUserResource:       {SeverityError, ArgumentResources, "User scope in an account-owned token"},
	FindingAccountWildcard:    {SeverityWarning, ArgumentResources, "Every account in an account-owned token"},
	FindingBucketElsewhere:    {SeverityWarning, ArgumentResources, "R2 bucket of another account"},
	FindingNoPermissions:      {SeverityError, ArgumentPermissions, "Policy without permissions"},
	FindingBlankPermission:    {SeverityError, ArgumentPermissions, "Empty permission group name"},
	FindingUnknownPermission:  {SeverityError, ArgumentPermissions, "Unknown permission group"},
	FindingInvalidPermission:  {SeverityError, ArgumentPermissions, "Invalid permission name"},
	FindingAmbiguous:          {SeverityError, ArgumentPermissions, "Ambiguous permission name"},
	FindingSeveral:            {SeverityError, ArgumentPermissions, "Several permissions in one name"},
	FindingWrongScope:         {SeverityError, ArgumentPermissions, "Permission group in another scope"},
	FindingMalformedID:        {SeverityError, ArgumentPermissions, "Malformed permission group id"},
	FindingMistypedID:         {SeverityError, ArgumentPermissions, "Mistyped permission group id"},
	FindingUnknownID:          {SeverityWarning, ArgumentPermissions, "Permission group id not in the catalog"},
	FindingNotAPIName:         {SeverityWarning, ArgumentPermissions, "Not the API name"},
	FindingDuplicate:          {SeverityWarning, ArgumentPermissions, "Duplicate permission"},
	FindingScopeNotCovered:    {SeverityError, ArgumentPermissions, "Permission not covered by any resource"},
	FindingNeedsOwnPolicy:     {SeverityError, ArgumentPermissions, "Account permission beside the account-nested form"},
	FindingUnverifiedScope:    {SeverityWarning, ArgumentPermissions, "Permission this provider cannot check"},
	FindingTooManyGroups:      {SeverityError, ArgumentPermissions, "Too many permission groups"},
	FindingUnusedResource:     {SeverityWarning, ArgumentResources, "Resource no permission applies to"},
	// Its severity and argument here are placeholders: capFindings gives
	// it those of the findings it stands for.
	FindingMore: {SeverityError, ArgumentResources, "More findings left out"},
}

// Finding is one thing wrong, or worth a look, in a policy.
type Finding struct {
	Severity Severity
	Code     FindingCode
	// Argument is the part of the policy to blame.
	Argument PolicyArgument
	// Permission indexes Policy.Permissions, or is -1.
	Permission int
	// Resource is the top-level resource key the finding is about, or "".
	Resource string
	Message  string
	// summary, when set, titles this finding alone: name warnings say what
	// was wrong, so distinct mistakes are shown distinctly.
	summary string
}

// newFinding fills in the severity and the blamed argument of a code.
func newFinding(code FindingCode, permission int, resource, message string) Finding {
	k := findingKinds[code]
	return Finding{Severity: k.severity, Code: code, Argument: k.argument, Permission: permission, Resource: resource, Message: message}
}

// Summary is a short title for a finding, for diagnostics.
func (f Finding) Summary() string {
	if f.summary != "" {
		return f.summary
	}
	if k, ok := findingKinds[f.Code]; ok {
		return k.summary
	}
	return "Policy finding"
}

// DependsOnCatalog reports whether the finding could go away with a newer
// list of permission groups: a name or id this catalog does not know, or
// knows in other scopes. In live mode only the read, against the live list,
// may report those.
func (k FindingCode) DependsOnCatalog() bool {
	kind, ok := findingErrorKinds[k]
	return ok && (&Error{Kind: kind}).DependsOnCatalog()
}

// findingErrorKinds ties the findings about one permission to the resolution
// error they report, so that DependsOnCatalog has one rule for both.
var findingErrorKinds = map[FindingCode]ErrorKind{
	FindingUnknownPermission: ErrUnknownName,
	FindingAmbiguous:         ErrAmbiguous,
	FindingWrongScope:        ErrWrongScope,
	FindingUnknownID:         ErrUnknownID,
	FindingMalformedID:       ErrMalformedID,
	FindingMistypedID:        ErrMistypedID,
	FindingBlankPermission:   ErrBlank,
	FindingInvalidPermission: ErrScopeConflict,
	FindingSeveral:           ErrSeveral,
}
