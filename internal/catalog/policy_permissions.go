package catalog

import "sort"

// checkPermissions resolves each permission on its own, so a misspelt name
// fails whatever the resources are; the resources only settle the scope of
// a name that exists in several, and that waits for them.
func (ck *policyCheck) checkPermissions() {
	ck.resolved = map[int]Match{}
	if ck.p.Unknown.Permissions {
		ck.unsettled = true
		return
	}
	if len(ck.p.Permissions) == 0 {
		ck.add(newFinding(FindingNoPermissions, -1, "", noPermissionsText()))
		return
	}
	unknown := make(map[int]bool, len(ck.p.Unknown.Elements))
	for _, i := range ck.p.Unknown.Elements {
		unknown[i] = true
	}
	seen := map[string]int{}
	for i, name := range ck.p.Permissions {
		if unknown[i] {
			ck.unsettled = true
			continue
		}
		m, ok := ck.resolve(i, name)
		if !ok {
			ck.unsettled = true
			continue
		}
		ck.record(i, m, seen)
	}
}

// record keeps a resolved permission once, with the findings that need only
// the permission itself.
func (ck *policyCheck) record(i int, m Match, seen map[string]int) {
	id := m.Group.ID
	if first, dup := seen[id]; dup {
		ck.add(newFinding(FindingDuplicate, i, "", duplicateText(i, first, m.Group, id)))
		return
	}
	seen[id] = i
	ck.res.Groups = append(ck.res.Groups, PolicyGroup{ID: id, Index: i, Group: m.Group, Known: m.Known()})
	if !m.Known() {
		ck.unsettled = true
		ck.add(newFinding(FindingUnknownID, i, "", permissionText(i, m.Warning())))
		return
	}
	if w := m.Warning(); w != "" {
		// A docs label, former name or translated word works: the warning
		// says what to write, as the other data sources' do.
		f := newFinding(FindingNotAPIName, i, "", permissionText(i, w))
		f.summary = m.WarningSummary()
		ck.add(f)
	}
	if ck.kind == TokenKindAccount && !ck.p.Unknown.TokenKind && m.Group.ScopeKey() == ScopeKeyUser {
		ck.add(newFinding(FindingUserInAccountToken, i, "", userPermissionInAccountText(i, m.Group.Name, ck.c.counterpart(normalize(m.Group.Name), ScopeKeyAccount))))
		return
	}
	ck.resolved[i] = m
}

// resolve resolves one permission, reporting why it does not.
func (ck *policyCheck) resolve(i int, name string) (Match, bool) {
	m, err := ck.c.ResolvePermission(name, "")
	if err == nil {
		return m, true
	}
	e := AsError(err)
	switch e.Kind {
	case ErrAmbiguous:
		return ck.settleAmbiguous(i, e)
	case ErrUnknownName:
		e = ck.scopedUnknown(name, e)
	}
	text := e.Error()
	if e.Kind == ErrWrongScope {
		text = wrongScopeInPolicyText(e, ck)
	}
	ck.add(newFinding(nameFindingCode(e.Kind), i, "", permissionText(i, text)))
	return Match{}, false
}

// nameFindingCode is the finding for a name that did not resolve.
func nameFindingCode(k ErrorKind) FindingCode {
	switch k {
	case ErrBlank:
		return FindingBlankPermission
	case ErrAmbiguous:
		return FindingAmbiguous
	case ErrWrongScope:
		return FindingWrongScope
	case ErrMalformedID:
		return FindingMalformedID
	case ErrMistypedID:
		return FindingMistypedID
	case ErrUnknownName:
		return FindingUnknownPermission
	case ErrSeveral:
		return FindingSeveral
	}
	return FindingInvalidPermission // a scope conflict or a misplaced heading
}

// scopedUnknown words a miss for the one scope the resources open, whose
// suggestions are the useful ones.
func (ck *policyCheck) scopedUnknown(name string, e *Error) *Error {
	if !ck.resourcesKnown() || ck.brokenResources || len(ck.covered) != 1 {
		return e
	}
	for scope := range ck.covered {
		if _, err := ck.c.Resolve(name, scope); err != nil && AsError(err).Kind == ErrUnknownName {
			return AsError(err)
		}
	}
	return e
}

// settleAmbiguous lets the resources pick the scope of a name that exists in
// several. Candidates within one scope are never settled by resources; with
// the resources unknown, the choice waits for them.
func (ck *policyCheck) settleAmbiguous(i int, e *Error) (Match, bool) {
	if sameScope(e.Candidates) {
		ck.add(newFinding(FindingAmbiguous, i, "", permissionText(i, e.Error())))
		return Match{}, false
	}
	if !ck.resourcesKnown() || ck.brokenResources {
		return Match{}, false
	}
	var fits []Candidate
	for _, cd := range e.Candidates {
		if len(ck.covered[cd.ScopeKey]) > 0 {
			fits = append(fits, cd)
		}
	}
	if len(fits) == 1 {
		if m, err := ck.c.Resolve(e.Input, fits[0].ScopeKey); err == nil {
			return m, true
		}
	}
	ck.add(newFinding(FindingAmbiguous, i, "", permissionText(i, ambiguousInPolicyText(e, len(fits) > 1))))
	return Match{}, false
}

func sameScope(cands []Candidate) bool {
	for _, cd := range cands {
		if cd.ScopeKey != cands[0].ScopeKey {
			return false
		}
	}
	return true
}

// checkCoverage reports permissions whose scope no resource opens. It needs
// the resources, and stays quiet when a malformed key leaves unknown what
// they cover.
func (ck *policyCheck) checkCoverage() {
	for i := range ck.p.Permissions {
		if m, ok := ck.resolved[i]; ok {
			for _, s := range m.Group.ScopeKeys {
				ck.used[s] = true
			}
		}
	}
	if !ck.resourcesKnown() || ck.brokenResources || len(ck.p.Resources) == 0 {
		return
	}
	for i := range ck.p.Permissions {
		m, ok := ck.resolved[i]
		if !ok || ck.coversAny(m.Group) {
			continue
		}
		ck.add(ck.uncovered(i, m.Group))
	}
}

func (ck *policyCheck) coversAny(g Group) bool {
	for _, s := range g.ScopeKeys {
		if len(ck.covered[s]) > 0 {
			return true
		}
	}
	return false
}

// uncovered is the finding for a permission no resource opens.
func (ck *policyCheck) uncovered(i int, g Group) Finding {
	scope := g.ScopeKey()
	switch {
	case !verifiableScope(scope):
		return newFinding(FindingUnverifiedScope, i, "", unverifiedScopeText(i, g))
	case scope == ScopeKeyAccount && len(ck.nestedAccounts) > 0:
		return newFinding(FindingNeedsOwnPolicy, i, "", needsOwnPolicyText(i, g, ck.nestedAccounts[0]))
	case nestedScope(scope) && ck.kind == TokenKindAccount && ck.used[ScopeKeyAccount] && len(ck.covered[ScopeKeyAccount]) > 0:
		// The nested form would reuse the account key this policy already
		// grants account permissions on: only another policy can hold it.
		return newFinding(FindingNeedsOwnPolicy, i, "", nestedNeedsOwnPolicyText(i, g, ck.covered[ScopeKeyAccount][0].top))
	}
	return newFinding(FindingScopeNotCovered, i, "", scopeNotCoveredText(i, g, ck.kind, ck.alternative(i, g)))
}

// alternative is the group the permission as written means in a scope the
// policy's resources do cover, if it means another group there: "Page
// Shield Read" is an account group by API name, and in a zone policy the
// zone's Domain Page Shield Read, which the dashboard also calls "Page
// Shield". Both ways out are then named.
func (ck *policyCheck) alternative(i int, g Group) *Match {
	scopes := make([]string, 0, len(ck.covered))
	for s, keys := range ck.covered {
		if len(keys) > 0 && s != g.ScopeKey() {
			scopes = append(scopes, s)
		}
	}
	sort.Strings(scopes)
	for _, s := range scopes {
		if m, err := ck.c.Resolve(ck.p.Permissions[i], s); err == nil && m.Group.ID != g.ID {
			return &m
		}
	}
	return nil
}
