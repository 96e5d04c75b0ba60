package catalog

import (
	"fmt"
	"strings"
)

// The sentences of policy findings, in one place so that the data source,
// the function and any checker built on CheckPolicy say the same thing.

// permissionText names the element a sentence is about: Terraform shows the
// whole list in a diagnostic, not which element failed.
func permissionText(i int, msg string) string { return fmt.Sprintf("permissions[%d]: %s", i, msg) }

func underText(under, msg string) string {
	if under == "" {
		return msg
	}
	return fmt.Sprintf("under %q: %s", under, msg)
}

func effectText(effect string) string {
	if lower := strings.ToLower(strings.TrimSpace(effect)); lower == EffectAllow || lower == EffectDeny {
		return fmt.Sprintf("effect is %q; write %q, without the spaces.", effect, lower)
	}
	return fmt.Sprintf("effect is %q; a policy's effect is %q or %q.", effect, EffectAllow, EffectDeny)
}

func noResourcesText() string {
	return fmt.Sprintf("the policy has no resources, so its permissions apply to nothing. Add keys such as %q.", resourceZone+"*")
}

func noPermissionsText() string {
	return "the policy lists no permission groups; Cloudflare would mint a token that can do nothing."
}

func tooManyGroupsText(n int) string {
	return fmt.Sprintf("the policy holds %d permission groups; Cloudflare accepts at most %d in one policy. Split it into several policies.", n, MaxPolicyGroups)
}

// resourcePath writes the place of a value the way Terraform indexes it.
func resourcePath(top, key string) string {
	if key == top {
		return fmt.Sprintf("resources[%q]", top)
	}
	return fmt.Sprintf("resources[%q][%q]", top, key)
}

func resourceValueText(top, key, value string) string {
	return fmt.Sprintf("%s is %q, but Cloudflare grants a resource only with \"*\", at every level: write %s = \"*\".",
		resourcePath(top, key), value, fmt.Sprintf("%q", key))
}

func unverifiedResourceText(key, scope string) string {
	return fmt.Sprintf("%q is a key of the scope %q, which this provider cannot check: it is passed as is. "+
		"Check its form against Cloudflare's documentation for that scope.", key, scope)
}

func userResourceInAccountText(key string) string {
	return fmt.Sprintf("%q is a user resource, and an account-owned token cannot act on users. Use a user-owned token (cloudflare_api_token) for it.", key)
}

func accountWildcardText(key string) string {
	return fmt.Sprintf("%q (every account) is a form for user-owned tokens; an account-owned token acts within its own account. Write %q.",
		key, resourceAccount+"<account id>")
}

func nestedNotAccountText(key, scope string) string {
	return fmt.Sprintf("only an account key may hold a map of keys (the account-nested form); %q is %s key. Write \"*\" as its value.",
		key, withArticle(ShortScope(scope)))
}

func emptyNestedText(key string) string {
	return fmt.Sprintf("%s is an empty map, which grants nothing. Under an account key, map zone keys or R2 bucket keys to \"*\", such as { %q = \"*\" }.",
		resourcePath(key, key), resourceZone+"*")
}

func nestedTooDeepText(top, key string) string {
	return fmt.Sprintf("%s holds another map, but the account-nested form is one level deep: map %q to \"*\".", resourcePath(top, key), key)
}

func nestedWrongKeyText(top, key, scope string) string {
	return fmt.Sprintf("under the account key %q only zone keys and R2 bucket keys may appear, not %q (%s key). Give it a key of its own in resources, mapped to \"*\".",
		top, key, withArticle(ShortScope(scope)))
}

func bucketElsewhereText(top, key, account string) string {
	return fmt.Sprintf("%q names a bucket of the account %s, but it is listed under %q, so it grants nothing. List it under %q.",
		key, account, top, resourceAccount+account)
}

func duplicateText(i, first int, g Group, id string) string {
	what := id
	if g.Name != "" {
		what = fmt.Sprintf("%q, %s", g.Name, g.ID)
	}
	return fmt.Sprintf("permissions[%d] repeats permissions[%d] (%s); a policy holds each group once, so remove the repeat.", i, first, what)
}

func userPermissionInAccountText(i int, name string, account *Candidate) string {
	msg := fmt.Sprintf("%q is a user permission; an account-owned token cannot hold user permissions. Use a user-owned token (cloudflare_api_token) for it", name)
	if account != nil {
		msg += fmt.Sprintf(", or the account's own %q (%s) if the account's resources are what it is for", account.Group.Name, account.Group.ID)
	}
	return permissionText(i, msg+".")
}

func scopeNotCoveredText(i int, g Group, kind string, alt *Match) string {
	scope := g.ScopeKey()
	msg := fmt.Sprintf("%q is %s permission, but no resource in this policy is %s. Add %s, or move it to a policy whose resources are %s.",
		g.Name, scopeNoun(scope), scopeNoun(scope), exampleKey(scope, kind), pluralScope(scope))
	if alt != nil {
		msg += fmt.Sprintf(" Or, for the %s this policy has, write %q (%s), which %q means in %s scope.",
			pluralScope(alt.ScopeKey), alt.Group.Name, alt.Group.ID, alt.Input, ShortScope(alt.ScopeKey))
	}
	return permissionText(i, msg)
}

// scopeNoun is one resource of a scope, with its article: "an R2 bucket".
func scopeNoun(scope string) string {
	if scope == ScopeKeyR2 {
		return "an R2 bucket"
	}
	return withArticle(ShortScope(scope))
}

func needsOwnPolicyText(i int, g Group, accountKey string) string {
	return permissionText(i, fmt.Sprintf("%q is an account permission, but this policy's key %q holds the account-nested form, which grants on the zones "+
		"or R2 buckets under it, not on the account, and one map cannot hold the same key twice. Put the account permissions in a policy of "+
		"their own, with resources { %q = \"*\" }.", g.Name, accountKey, accountKey))
}

// nestedNeedsOwnPolicyText is for a zone or R2 permission in an account-owned
// token whose policy already grants on the account key: the nested form
// would need that key a second time.
func nestedNeedsOwnPolicyText(i int, g Group, accountKey string) string {
	return permissionText(i, fmt.Sprintf("%q is %s permission, and an account-owned token grants it through the account-nested form, "+
		"but this policy already uses %q for account permissions, and one map cannot hold the same key twice. Move it to a policy "+
		"of its own, with resources { %q = { %q = \"*\" } }.",
		g.Name, scopeNoun(g.ScopeKey()), accountKey, accountKey, nestedWildcard(g.ScopeKey())))
}

// nestedScope reports whether an account-owned token grants the scope
// through the account-nested form.
func nestedScope(scope string) bool { return scope == ScopeKeyZone || scope == ScopeKeyR2 }

// nestedWildcard is the key under an account key for every resource of scope.
func nestedWildcard(scope string) string {
	if scope == ScopeKeyR2 {
		return resourceBucket + "*"
	}
	return resourceZone + "*"
}

func unverifiedScopeText(i int, g Group) string {
	return permissionText(i, fmt.Sprintf("%q is a permission of the scope %q, which this provider cannot check against resources, "+
		"and no resource in this policy is of that scope. Check Cloudflare's documentation for the resources it needs.", g.Name, g.ScopeKey()))
}

func unusedResourceText(shown, scope string) string {
	return fmt.Sprintf("no permission in this policy applies to %s (%s resources); it grants nothing.", shown, ShortScope(scope))
}

// ambiguousInPolicyText offers the qualified names of a name that exists in
// several scopes, and says why the resources did not settle it.
func ambiguousInPolicyText(e *Error, bothCovered bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q is the name of %d permission groups: ", e.Input, len(e.Candidates))
	var scopes, names []string
	for _, cd := range e.Candidates {
		names = append(names, fmt.Sprintf("%q (%s, %s)", cd.Name, cd.Scope(), cd.Group.ID))
		scopes = append(scopes, scopeNoun(cd.ScopeKey))
	}
	b.WriteString(listOf(names, "and"))
	if bothCovered {
		b.WriteString(". This policy's resources cover more than one of their scopes, so they cannot settle it: write the qualified name of the one you mean.")
		return b.String()
	}
	fmt.Fprintf(&b, ". No resource in this policy is %s, which would settle it: write the qualified name of the one you mean, and give the policy a resource of its scope.",
		strings.Join(scopes, " or "))
	return b.String()
}

// wrongScopeInPolicyText answers "Zone > Billing Read": a policy has no scope
// argument, so the fix is the name the group has.
func wrongScopeInPolicyText(e *Error, ck *policyCheck) string {
	key, _, ok := splitQualified(normalize(e.Input))
	if !ok || len(e.OtherScopes) == 0 {
		return e.Error()
	}
	var where []string
	for _, o := range e.OtherScopes {
		where = append(where, fmt.Sprintf("%q (%s, %s)", o.Name, o.Scope(), o.Group.ID))
	}
	advice := "Write the one you mean."
	if len(e.OtherScopes) == 1 {
		o := e.OtherScopes[0]
		advice = fmt.Sprintf("Write %q.", o.Name)
		if !ck.brokenResources && !ck.coversAny(o.Group) {
			// Following the advice alone would meet the next error.
			advice = fmt.Sprintf("Write %q, and add %s to the resources: none of them is %s.", o.Name, exampleKey(o.ScopeKey, ck.kind), scopeNoun(o.ScopeKey))
		}
	}
	return fmt.Sprintf("%q asks for %s permission, but that name exists only as %s. %s",
		e.Input, scopeNoun(key), strings.Join(where, " or "), advice)
}

func exampleKey(scope, kind string) string {
	switch scope {
	case ScopeKeyZone:
		if kind == TokenKindAccount {
			return fmt.Sprintf("{%q = {%q = \"*\"}}", resourceAccount+"<account id>", resourceZone+"*")
		}
		return fmt.Sprintf("%q (or %q for every zone)", resourceZone+"<zone id>", resourceZone+"*")
	case ScopeKeyAccount:
		return fmt.Sprintf("%q", resourceAccount+"<account id>")
	case ScopeKeyUser:
		return fmt.Sprintf("%q", resourceUser+"<user id>")
	case ScopeKeyR2:
		return fmt.Sprintf("%q for one bucket, or {%q = {%q = \"*\"}} for every bucket of an account",
			resourceBucket+"<account id>_default_<bucket>", resourceAccount+"<account id>", resourceBucket+"*")
	}
	return "a resource of the scope " + scope
}

func pluralScope(scope string) string {
	switch scope {
	case ScopeKeyR2:
		return "R2 buckets"
	case ScopeKeyUser:
		return "users"
	case ScopeKeyZone:
		return "zones"
	case ScopeKeyAccount:
		return "accounts"
	}
	return scope
}
