package catalog

import (
	"fmt"
)

// coverKey is a resource key that opens a scope, and how findings show it.
type coverKey struct {
	top   string // the top-level key, which findings blame
	shown string // the key as a sentence names it
}

// cover records that a key opens a scope.
func (ck *policyCheck) cover(scope, top, shown string) {
	ck.covered[scope] = append(ck.covered[scope], coverKey{top: top, shown: shown})
}

// checkResources reads each resource: whether its key is well formed, its
// value "*", and which scope it opens.
func (ck *policyCheck) checkResources() {
	if !ck.resourcesKnown() {
		return
	}
	if len(ck.p.Resources) == 0 {
		ck.add(newFinding(FindingNoResources, -1, "", noResourcesText()))
		return
	}
	for _, r := range ck.p.Resources {
		key, ok := ck.parseKey(r.Key, r.Key, "")
		if !ok {
			continue
		}
		if r.Nested != nil {
			ck.checkNested(r, key)
			continue
		}
		ck.checkValue(r, r.Key)
		ck.checkPlain(key)
	}
}

// parseKey parses a key, top-level or under the account key `under`; a
// malformed one is reported against its top-level key.
func (ck *policyCheck) parseKey(key, top, under string) (ResourceKey, bool) {
	k, err := ck.c.ParseResourceKey(key)
	if err != nil {
		ck.brokenResources = true
		ck.add(newFinding(FindingMalformedResource, -1, top, underText(under, err.Error())))
		return k, false
	}
	if k.Unverified {
		ck.add(newFinding(FindingUnverifiedResource, -1, top, unverifiedResourceText(key, k.ScopeKey)))
	}
	return k, true
}

// checkValue reports a value other than "*"; the key still counts as what
// the user meant, so one mistake gives one finding.
func (ck *policyCheck) checkValue(r Resource, top string) {
	if r.Value != "*" {
		ck.add(newFinding(FindingResourceValue, -1, top, resourceValueText(top, r.Key, r.Value)))
	}
}

// checkPlain handles a key mapped to "*".
func (ck *policyCheck) checkPlain(key ResourceKey) {
	if ck.kind == TokenKindAccount && !ck.p.Unknown.TokenKind {
		switch {
		case key.ScopeKey == ScopeKeyUser:
			ck.add(newFinding(FindingUserResource, -1, key.Raw, userResourceInAccountText(key.Raw)))
			return
		case key.ScopeKey == ScopeKeyAccount && key.Wildcard():
			ck.add(newFinding(FindingAccountWildcard, -1, key.Raw, accountWildcardText(key.Raw)))
		}
	}
	ck.cover(key.ScopeKey, key.Raw, fmt.Sprintf("%q", key.Raw))
}

// checkNested handles the account-nested form: an account key whose value
// maps zone keys or R2 bucket keys to "*".
func (ck *policyCheck) checkNested(r Resource, account ResourceKey) {
	switch {
	case account.ScopeKey != ScopeKeyAccount:
		ck.brokenResources = true
		ck.add(newFinding(FindingMalformedResource, -1, r.Key, nestedNotAccountText(r.Key, account.ScopeKey)))
		return
	case len(r.Nested) == 0:
		ck.brokenResources = true
		ck.add(newFinding(FindingResourceValue, -1, r.Key, emptyNestedText(r.Key)))
		return
	}
	ck.nestedAccounts = append(ck.nestedAccounts, r.Key)
	for _, in := range r.Nested {
		ck.checkNestedKey(r.Key, account, in)
	}
}

// checkNestedKey handles one key under an account key.
func (ck *policyCheck) checkNestedKey(top string, account ResourceKey, in Resource) {
	k, ok := ck.parseKey(in.Key, top, top)
	if !ok {
		return
	}
	if in.Nested != nil {
		ck.brokenResources = true
		ck.add(newFinding(FindingMalformedResource, -1, top, nestedTooDeepText(top, in.Key)))
		return
	}
	ck.checkValue(in, top)
	switch {
	case k.ScopeKey == ScopeKeyZone, k.Unverified:
	case k.ScopeKey == ScopeKeyR2:
		if k.Account != "" && !account.Wildcard() && k.Account != account.ID {
			ck.add(newFinding(FindingBucketElsewhere, -1, top, bucketElsewhereText(top, in.Key, k.Account)))
		}
	default:
		ck.brokenResources = true
		ck.add(newFinding(FindingMalformedResource, -1, top, nestedWrongKeyText(top, in.Key, k.ScopeKey)))
		return
	}
	ck.cover(k.ScopeKey, top, fmt.Sprintf("%q under %q", in.Key, top))
}
