package catalog

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// This file holds the rules for the forms people copy from places other
// than the API: the new token page's paths ("Entire Account > Developer
// Platform > Queues: Edit"), a scope written as a word ("Zone DNS Read"), a
// product prefix ("Cloudflare Workers KV Storage: Edit"), the access word
// first ("Edit Workers Routes"), and the access words of the dashboard's
// other languages ("DNS: Bearbeiten"). Each is a rule over the normalised
// input, never a list of spellings; readings from these rules are tried
// only after every literal reading failed, so none of them can change what a
// name resolved to before.

// ruleReadings lists the rule-based readings of a normalised input.
func (c *Catalog) ruleReadings(n string) []form {
	bases := []form{{name: n}}
	if v, ok := dropBracketed(n); ok {
		bases = append(bases, form{name: v})
	}
	for _, b := range bases {
		if v, ok := simplifyLevel(b.name); ok {
			bases = append(bases, form{name: v})
		}
	}
	for _, b := range bases {
		if v, w, ok := translateAccess(b.name); ok {
			bases = append(bases, form{name: v, translated: w})
		}
	}
	var scoped []form
	for _, b := range bases {
		scoped = append(scoped, b)
		if key, category, rest, ok := c.resourcePath(b.name); ok {
			scoped = append(scoped, form{name: rest, scopeKey: key, qualified: key != "", category: category, translated: b.translated})
		}
		if key, rest, ok := c.untitledPath(b.name); ok {
			scoped = append(scoped, form{name: rest, scopeKey: key, qualified: key != "", translated: b.translated})
		}
		if key, rest, ok := splitScopeWord(b.name); ok {
			scoped = append(scoped, form{name: rest, scopeKey: key, qualified: true, translated: b.translated})
		}
		if key, rest, ok := splitQualified(b.name); ok {
			scoped = append(scoped, form{name: rest, scopeKey: key, qualified: true, translated: b.translated})
		}
	}
	scoped = append(scoped, scopeNamed(scoped)...)
	var out []form
	for _, s := range scoped {
		out = append(out, s)
		if v, ok := stripProductPrefix(s.name); ok {
			s2 := s
			s2.name, s2.kind = v, MatchDashboard
			out = append(out, s2)
		}
		if v, ok := accessLast(s.name); ok {
			s2 := s
			s2.name, s2.kind = v, MatchDashboard
			out = append(out, s2)
		}
	}
	return out[1:] // the first is n itself, already read literally
}

// bracketed is a heading's translation in brackets, as a localized
// dashboard shows "DNS (域名系统)" or "DNS（域名系统）". A rule reading, so
// an API name with brackets, should one appear, still matches literally.
var bracketed = regexp.MustCompile(`\s*[(（][^()（）]*[)）]`)

// dropBracketed reads the name without its bracketed parts, when each is a
// heading's translation: text follows it (the name goes on after the
// heading), and it says nothing a name means by, no access level, scope
// or id ("DNS: Edit (Read)", "Analytics Read (account)" and "DNS Write
// (<another group's id>)" are refused, not read as the name before them).
func dropBracketed(n string) (string, bool) {
	if !strings.ContainsAny(n, "(（") {
		return "", false
	}
	for _, loc := range bracketed.FindAllStringIndex(n, -1) {
		if strings.TrimSpace(n[loc[1]:]) == "" || bracketSaysMore(n[loc[0]:loc[1]], n[:loc[0]]) {
			return "", false
		}
	}
	out := strings.TrimSpace(bracketed.ReplaceAllString(n, ""))
	return out, out != n && out != ""
}

// bracketSaysMore: a bracketed part holds an access word (in any of the
// dashboard's languages), a scope word or a run of hex digits as long as
// an id's start, any of which could contradict the name outside it. A
// selector's translation names its scope, so a scope word is no more
// there: "alle zonen (all zones)".
func bracketSaysMore(part, before string) bool {
	inner := strings.TrimSpace(strings.Trim(strings.TrimSpace(part), "(（)）"))
	before = strings.TrimSpace(before[strings.LastIndex(before, ">")+1:]) // its own segment
	if key := selectorNounScope(inner); key != "" && key == selectorNounScope(before) {
		return false
	}
	for _, w := range splitWords(inner) {
		if _, ok := accessOf(w, false); ok || plainScopeWords[strings.TrimSuffix(w, "s")] || looksLikeIDPart(w) {
			return true
		}
	}
	for _, f := range foreignAccessWords {
		if strings.Contains(part, f.word) {
			return true
		}
	}
	return false
}

// looksLikeIDPart is a word of eight hex digits or more.
func looksLikeIDPart(w string) bool {
	if len(w) < 8 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !strings.ContainsRune("0123456789abcdef", rune(w[i])) {
			return false
		}
	}
	return true
}

// scopeNameWords are the words API names repeat their scope with: the
// dashboard files "Account Custom Pages Write" under the account as
// "Custom Pages", and "Domain Page Shield Read" under the zone as "Page
// Shield".
var scopeNameWords = map[string][]string{ScopeKeyAccount: {"account"}, ScopeKeyZone: {"zone", "domain"}}

// scopeNamed reads each scoped form with its scope's word in front, as the
// API name has it, after a space or a colon: "account > custom pages >
// edit" is "account custom pages edit" in the account scope. Only the scope
// the path names is searched, so the word cannot move a name to another
// scope.
func scopeNamed(scoped []form) []form {
	var out []form
	for _, s := range scoped {
		// A level alone names no product: "all zones > edit" is not the
		// Zone group (namesOnlyALevel says so).
		if !s.qualified || isLevel(strings.Trim(s.name, " :")) {
			continue
		}
		for _, w := range scopeNameWords[s.scopeKey] {
			if !strings.HasPrefix(s.name, w+" ") {
				// "Account: SSL and Certificates Write" has a colon.
				for _, join := range []string{" ", ": "} {
					named := s
					named.name = w + join + s.name
					out = append(out, named)
				}
			}
		}
	}
	return out
}

// accessWords are the English access levels, as the API and the dashboard
// write them.
var accessWords = map[string]bool{"read": true, "write": true, "edit": true}

// accessLast moves a leading access word to the end: "edit workers routes"
// is "workers routes edit", as the docs' template table writes it.
func accessLast(n string) (string, bool) {
	first, rest, ok := strings.Cut(n, " ")
	if !ok || !accessWords[first] || strings.TrimSpace(rest) == "" {
		return "", false
	}
	return strings.TrimSpace(rest) + " " + first, true
}

// stripProductPrefix drops a leading "cloudflare " from a product name:
// "cloudflare workers kv storage: edit". API names that start with the word
// match literally first.
func stripProductPrefix(n string) (string, bool) {
	rest, ok := strings.CutPrefix(n, "cloudflare ")
	if !ok || strings.TrimSpace(rest) == "" {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// splitScopeWord reads a scope word followed by a space, "zone dns read",
// as Cloudflare's own create-token docs write it.
func splitScopeWord(n string) (scopeKey, rest string, ok bool) {
	for _, sw := range scopeWords {
		after, found := strings.CutPrefix(n, sw.word+" ")
		if found && strings.TrimSpace(after) != "" {
			return sw.key, strings.TrimSpace(after), true
		}
	}
	return "", "", false
}

// simplifyLevel reads the token page's "select edit access" (and a trailing
// "edit access") as the level word alone.
func simplifyLevel(n string) (string, bool) {
	out := n
	for level := range accessWords {
		out = strings.ReplaceAll(out, "select "+level+" access", level)
		if head, ok := strings.CutSuffix(out, " "+level+" access"); ok {
			out = head + " " + level
		}
	}
	return out, out != n
}

// foreignAccess is an access word of the dashboard in another language.
type foreignAccess struct {
	word, english, language string
}

// foreignAccessWords are the dashboard's access words in the languages it
// is offered in (as the token page and its summary show them).
var foreignAccessWords = []foreignAccess{
	{"lesen", "read", "German"}, {"bearbeiten", "edit", "German"}, {"schreiben", "write", "German"},
	{"lecture", "read", "French"}, {"lire", "read", "French"}, {"modifier", "edit", "French"}, {"modification", "edit", "French"}, {"écriture", "write", "French"},
	{"leer", "read", "Spanish"}, {"lectura", "read", "Spanish"}, {"edición", "edit", "Spanish"}, {"escritura", "write", "Spanish"},
	{"editar", "edit", "Spanish or Portuguese"},
	{"ler", "read", "Portuguese"}, {"leitura", "read", "Portuguese"}, {"edição", "edit", "Portuguese"}, {"escrita", "write", "Portuguese"},
	{"lettura", "read", "Italian"}, {"leggere", "read", "Italian"}, {"modifica", "edit", "Italian"}, {"modificare", "edit", "Italian"}, {"scrittura", "write", "Italian"},
	{"読み取り", "read", "Japanese"}, {"読取", "read", "Japanese"}, {"編集", "edit", "Japanese"}, {"書き込み", "write", "Japanese"},
	{"lezen", "read", "Dutch"}, {"bewerken", "edit", "Dutch"}, {"schrijven", "write", "Dutch"},
	{"lees", "read", "Afrikaans"}, {"wysig", "edit", "Afrikaans"}, {"skryf", "write", "Afrikaans"},
	{"읽기", "read", "Korean"}, {"편집", "edit", "Korean"}, {"쓰기", "write", "Korean"},
	{"读取", "read", "simplified Chinese"}, {"编辑", "edit", "simplified Chinese"}, {"写入", "write", "simplified Chinese"},
	{"讀取", "read", "traditional Chinese"}, {"編輯", "edit", "traditional Chinese"}, {"寫入", "write", "traditional Chinese"},
}

// translateAccess replaces a trailing foreign access word with the English
// one: "dns: bearbeiten" is "dns: edit". Words of scripts written without
// spaces match as a suffix too ("dns編集").
func translateAccess(n string) (string, *foreignAccess, bool) {
	for i := range foreignAccessWords {
		w := &foreignAccessWords[i]
		head, ok := strings.CutSuffix(n, w.word)
		if !ok || head == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(head)
		wordStart := last == ' ' || isSeparator(last)
		first, _ := utf8.DecodeRuneInString(w.word)
		if !wordStart && first < 0x3000 { // a Latin word must stand alone
			continue
		}
		if !wordStart {
			head += " "
		}
		return head + w.english, w, true
	}
	return "", nil, false
}

// resourcePath reads the token page's paths: a resource selector, an
// optional category heading, then the permission, as in
// "entire account > developer platform > queues: edit" or
// "example.com > dns & zones > zone settings: read". The selector sets the
// scope: the zone selectors and domain names select zones; "entire account",
// "all accounts", and (before a heading) an account's name select the account.
func (c *Catalog) resourcePath(n string) (scopeKey, category, rest string, ok bool) {
	segments := pathSegments(n)
	if len(segments) < 2 {
		return "", "", "", false
	}
	category, after := c.headingAt(segments[1:])
	scopeKey = selectorScope(segments[0], category != "")
	if scopeKey == "" {
		// A path that starts with the heading itself, the selector left
		// out ("developer platform > queues > edit"): the heading is
		// checked, and the name searched in every scope.
		category, after = c.headingAt(segments)
		if category == "" {
			return "", "", "", false
		}
	}
	if len(after) == 0 {
		return "", "", "", false
	}
	return scopeKey, category, strings.Join(after, " > "), true
}

// untitledPath reads a token-page path whose heading the catalog cannot
// read, as in a language it has no headings for ("toda la cuenta >
// plataforma para desarrolladores > queues: editar"): segments that are no
// heading, then the permission with its level (untitledPermission). The
// heading cannot be checked and is passed over; a selector sets the scope,
// and an account's name does when a segment follows it.
func (c *Catalog) untitledPath(n string) (scopeKey, rest string, ok bool) {
	segments := pathSegments(n)
	before, permission := untitledPermission(segments)
	if permission == "" {
		return "", "", false
	}
	for i := range before {
		if category, _ := c.headingAt(segments[i:]); category != "" {
			return "", "", false // a heading it can read: resourcePath's
		}
	}
	// Without a selector it knows, or an account's name before the heading,
	// the scope is unknown: a name in two scopes would be ambiguous where
	// another reading knows it.
	key := selectorScope(before[0], len(before) > 1)
	return key, permission, key != ""
}

// untitledPermission splits a path's segments into those before the
// permission and the permission with its level: the last segment after a
// colon ("queues: edit"), or the last two when the level is a segment of
// its own ("queues > edit").
func untitledPermission(segments []string) (before []string, permission string) {
	n := len(segments)
	switch {
	case n >= 2 && strings.Contains(segments[n-1], ":"):
		return segments[:n-1], segments[n-1]
	case n >= 3 && accessWords[segments[n-1]]:
		return segments[:n-2], segments[n-2] + " " + segments[n-1]
	}
	return nil, ""
}

// pathSegments splits a path at ">" (every arrow is one by now), or at
// " / " and " | " when it has no ">". A dash joins a path only after a
// selector, as the token's summary writes "all zones - dns:edit": group
// names hold dashes of their own ("... packet captures - read pcaps api").
func pathSegments(n string) []string {
	sep := ">"
	if !strings.Contains(n, ">") {
		switch {
		case strings.Contains(n, " / "):
			sep = " / "
		case strings.Contains(n, " | "):
			sep = " | "
		case strings.Contains(n, " - "):
			sep = " - "
		default:
			return nil
		}
	}
	parts := strings.Split(n, sep)
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) > 1 && includeWords[out[0]] {
		out = out[1:] // the token page's "Include > All zones"
	}
	if sep == " - " && (len(out) == 0 || selectorNounScope(out[0]) == "" && !looksLikeDomain(out[0])) {
		return nil
	}
	return out
}

// includeWords are the token page's word before a resource selector, in
// its languages: "Include > All zones > DNS: Edit" selects all zones.
var includeWords = map[string]bool{"include": true, "einschließen": true, "inclure": true, "incluir": true, "includi": true, "opnemen": true, "insluit": true, "含める": true, "包含": true, "包括": true, "포함": true}

// headingAt reads a category heading at the start of segments, perhaps
// split in two by its own " / " ("cloudflare one / zero trust"), and
// returns its key and the segments after it.
func (c *Catalog) headingAt(segments []string) (string, []string) {
	for take := 2; take >= 1; take-- {
		if len(segments) <= take {
			continue
		}
		if key, ok := c.headingKey(strings.Join(segments[:take], " / ")); ok {
			return key, segments[take:]
		}
	}
	return "", segments
}

// selectorScope is the scope a path's first segment selects; any other
// segment is an account's name when a heading follows it.
func selectorScope(s string, headingFollows bool) string {
	switch key := selectorNounScope(s); {
	case key != "":
		return key
	case looksLikeDomain(s):
		return ScopeKeyZone
	case headingFollows:
		return ScopeKeyAccount
	}
	return ""
}

// selectorNounScope reads a resource selector as the token page writes it
// in any of the dashboard's languages: a word for zones or the account,
// with the words that say which or how many before it ("all zones",
// "toutes les zones", "すべてのゾーン") or after it ("compte entier",
// "アカウント全体").
func selectorNounScope(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range selectorQuantifiers {
			if rest, ok := strings.CutPrefix(s, w); ok && rest != "" {
				s, changed = strings.TrimSpace(rest), true
			}
			if rest, ok := strings.CutSuffix(s, w); ok && rest != "" {
				s, changed = strings.TrimSpace(rest), true
			}
		}
	}
	return selectorNouns[s]
}

// selectorNouns are the words for zones and accounts on the token page, in
// English and the dashboard's other languages, singular and plural,
// normalised as inputs are ("ゾーン" has a long-vowel mark, read as a dash).
var selectorNouns = normalizedKeys(map[string]string{
	"zone": ScopeKeyZone, "zones": ScopeKeyZone, "domain": ScopeKeyZone, "domains": ScopeKeyZone,
	"zonen": ScopeKeyZone, "domäne": ScopeKeyZone, "domänen": ScopeKeyZone, // German
	"domaine": ScopeKeyZone, "domaines": ScopeKeyZone, // French
	"zona": ScopeKeyZone, "zonas": ScopeKeyZone, "dominio": ScopeKeyZone, "dominios": ScopeKeyZone, // Spanish, Italian
	"domínio": ScopeKeyZone, "domínios": ScopeKeyZone, "domini": ScopeKeyZone, // Portuguese, Italian
	"domein": ScopeKeyZone, "domeinen": ScopeKeyZone, "sone": ScopeKeyZone, "sones": ScopeKeyZone, "domeine": ScopeKeyZone, // Dutch, Afrikaans
	"ゾーン": ScopeKeyZone, "ドメイン": ScopeKeyZone, "区域": ScopeKeyZone, "域名": ScopeKeyZone, "區域": ScopeKeyZone, "網域": ScopeKeyZone, "영역": ScopeKeyZone, "도메인": ScopeKeyZone,
	"account": ScopeKeyAccount, "accounts": ScopeKeyAccount,
	"konto": ScopeKeyAccount, "konten": ScopeKeyAccount, "compte": ScopeKeyAccount, "comptes": ScopeKeyAccount, // German, French
	"cuenta": ScopeKeyAccount, "cuentas": ScopeKeyAccount, "conta": ScopeKeyAccount, "contas": ScopeKeyAccount, // Spanish, Portuguese
	"rekening": ScopeKeyAccount, "rekeninge": ScopeKeyAccount, // Afrikaans
	"アカウント": ScopeKeyAccount, "账户": ScopeKeyAccount, "帐户": ScopeKeyAccount, "帳戶": ScopeKeyAccount, "계정": ScopeKeyAccount,
})

func normalizedKeys(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[normalize(k)] = v
	}
	return out
}

// selectorQuantifiers are the words around a selector's noun that say
// which or how many ("all", "entire", "specific"), with their articles,
// in the dashboard's languages; scripts written without spaces join them
// to the noun.
var selectorQuantifiers = []string{
	"all ", "entire ", "whole ", "specific ", " from an account", " from account",
	"alle ", "gesamtes ", "gesamte ", "ganzes ", "bestimmte ", "bestimmtes ", // German ("alle" also Dutch, Afrikaans)
	"toutes les ", "tous les ", "tout le ", "le ", "la ", "les ", " entier", " entière", " spécifique", " spécifiques", // French
	"todas las ", "todos los ", "toda la ", "todas as ", "todos os ", "toda a ", // Spanish, Portuguese
	" completa", " completo", " inteira", " específica", " específicas", " específico",
	"tutte le ", "tutti gli ", "intero ", "l'intero ", "l'", " specifica", " specifiche", " specifico", // Italian
	"hele ", "volledige ", "specifieke ", "spesifieke ", "die ", "de ", "het ", // Dutch, Afrikaans
	"すべての", "全ての", "特定の", "全体", "所有", "整个", "整個", "特定", "全部", "모든 ", "전체 ", "특정 ", " 전체", // CJK, Korean
}

// looksLikeDomain is true for "example.com" and "shop.example.co.uk".
func looksLikeDomain(s string) bool {
	if strings.ContainsAny(s, " :/") || !strings.Contains(s, ".") {
		return false
	}
	tld := s[strings.LastIndexByte(s, '.')+1:]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// headingKey turns a heading as the token page shows it ("dns & zones",
// normalised) back into the category key, by the inverse of CategoryLabel;
// only keys the catalog has count.
func (c *Catalog) headingKey(h string) (string, bool) {
	for key, label := range categoryHeadings {
		if normalize(label) == h {
			return key, c.categories[key]
		}
	}
	key := headingReplacer.Replace(h)
	return key, c.categories[key]
}

var headingReplacer = strings.NewReplacer(" & ", "_and_", " and ", "_and_", " ", "_")
