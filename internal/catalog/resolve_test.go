package catalog

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// Ids come from the embedded catalog by name, so a refresh needs no edits.
var (
	idDNSWrite      = testID(ScopeKeyZone, "DNS Write")
	idZoneLogsWrite = testID(ScopeKeyZone, "Logs Write")
	idAcctLogsWrite = testID(ScopeKeyAccount, "Logs Write")
	idZoneRead      = testID(ScopeKeyZone, "Zone Read")
	asOfPattern     = regexp.QuoteMeta(Default().AsOf())
)

func TestResolveRules(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		name, input, scope string
		wantName           string
		wantScope          string
		wantKind           MatchKind
		wantWarning        bool
	}{
		{"exact", "DNS Write", "", "DNS Write", "zone", MatchExact, false},
		{"exact with short scope", "DNS Write", "zone", "DNS Write", "zone", MatchExact, false},
		{"exact with scope key", "DNS Write", ScopeKeyZone, "DNS Write", "zone", MatchExact, false},
		{"scope in upper case", "DNS Write", " Zone ", "DNS Write", "zone", MatchExact, false},
		{"raw id", idDNSWrite, "", "DNS Write", "zone", MatchID, false},
		{"raw id with scope", idDNSWrite, "zone", "DNS Write", "zone", MatchID, false},
		{"case folded", "dns write", "", "DNS Write", "zone", MatchCaseFolded, false},
		{"white space", "  DNS \t  Write ", "", "DNS Write", "zone", MatchCaseFolded, false},
		{"url encoded", "Analytics%20Read", "", "Analytics Read", "zone", MatchCaseFolded, false},
		{"url encoded plus", "Analytics+Read", "", "Analytics Read", "zone", MatchCaseFolded, false},
		{"typographic dash", "Magic Firewall Packet Captures – Read PCAPs API", "", "Magic Firewall Packet Captures - Read PCAPs API", "account", MatchCaseFolded, false},
		{"dashboard edit", "DNS Edit", "", "DNS Write", "zone", MatchDashboard, false},
		{"dashboard edit with colon name", "IP Prefixes: Edit", "", "IP Prefixes: Write", "account", MatchDashboard, false},
		{"dashboard edit mid-name", "Magic Firewall Packet Captures - Edit PCAPs API", "", "Magic Firewall Packet Captures - Write PCAPs API", "account", MatchDashboard, false},
		{"write where the API says edit", "Zaraz Edit", "zone", "Zaraz Edit", "zone", MatchExact, false},
		{"edit spelled write is not swapped when a docs label exists", "Zaraz Admin", "", "Zaraz Admin", "zone", MatchExact, false},
		{"qualified >", "Zone > DNS > Edit", "", "DNS Write", "zone", MatchQualified, false},
		{"qualified :", "Zone:DNS:Edit", "", "DNS Write", "zone", MatchQualified, false},
		{"qualified . and :", "Zone.DNS: Edit", "", "DNS Write", "zone", MatchQualified, false},
		{"qualified /", "Account / Logs / Edit", "", "Logs Write", "account", MatchQualified, false},
		{"qualified |", "Account | Workers Scripts | Edit", "", "Workers Scripts Write", "account", MatchQualified, false},
		{"qualified arrow", "User → API Tokens → Edit", "", "API Tokens Write", "user", MatchQualified, false},
		{"qualified dash", "Zone - DNS - Edit", "", "DNS Write", "zone", MatchQualified, false},
		{"qualified with matching scope", "Zone > Logs > Edit", "zone", "Logs Write", "zone", MatchQualified, false},
		{"qualified resource equals scope", "Zone > Zone > Edit", "", "Zone Write", "zone", MatchQualified, false},
		{"qualified name with colon", "Account > IP Prefixes: Read", "", "IP Prefixes: Read", "account", MatchQualified, false},
		{"qualified two parts", "Zone > Logs Write", "", "Logs Write", "zone", MatchQualified, false},
		{"qualified r2", "R2 > Workers R2 Storage Bucket Item > Read", "", "Workers R2 Storage Bucket Item Read", "r2", MatchQualified, false},
		{"cache purge purge", "Cache Purge: Purge", "", "Cache Purge", "zone", MatchCaseFolded, false},
		{"qualified cache purge", "Zone > Cache Purge > Purge", "", "Cache Purge", "zone", MatchQualified, false},
		{"name starting with a scope word", "Account: SSL and Certificates Read", "", "Account: SSL and Certificates Read", "account", MatchExact, false},
		{"docs label", "Cloudflare Pages Write", "", "Pages Write", "account", MatchDocsLabel, true},
		{"docs label in scope", "Transform Rules Read", "zone", "Zone Transform Rules Read", "zone", MatchDocsLabel, true},
		{"docs label differing in case only", "Managed Headers Read", "zone", "Managed headers Read", "zone", MatchDocsLabel, true},
		{"api spelling beats docs label of the same group", "Managed headers Read", "zone", "Managed headers Read", "zone", MatchExact, false},
		{"dashboard form of a docs label", "Cloudflare Pages Edit", "", "Pages Write", "account", MatchDashboard, false},
		{"qualified dashboard form of a docs label", "Account > Cloudflare Pages > Edit", "", "Pages Write", "account", MatchDashboard, false},
		{"dashboard form of a docs label, no prefix", "Turnstile Edit", "", "Turnstile Sites Write", "account", MatchDashboard, false},
		{"exact API name beats another scope's docs label", "Transform Rules Read", "", "Transform Rules Read", "account", MatchExact, true},
		{"exact API name beats another scope's docs label, Page Shield", "Page Shield Read", "", "Page Shield Read", "account", MatchExact, true},
		{"renamed", "Argo Tunnel Write", "", "Cloudflare Tunnel Write", "account", MatchRenamed, true},
		{"renamed teams", "Teams Report", "account", "Zero Trust Report", "account", MatchRenamed, true},
		{"r2 scope word", "Workers R2 Storage Bucket Item Write", "r2", "Workers R2 Storage Bucket Item Write", "r2", MatchExact, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			skipIfRefreshChanged(t, tt.wantName, tt.wantScope, tt.scope == "")
			m, err := c.Resolve(tt.input, tt.scope)
			if err != nil {
				t.Fatalf("Resolve(%q, %q): %v", tt.input, tt.scope, err)
			}
			if m.Group.Name != tt.wantName || m.Scope() != tt.wantScope || m.Kind != tt.wantKind {
				t.Fatalf("Resolve(%q, %q) = %q in %s by %s; want %q in %s by %s",
					tt.input, tt.scope, m.Group.Name, m.Scope(), m.Kind, tt.wantName, tt.wantScope, tt.wantKind)
			}
			if got := m.Warning() != ""; got != tt.wantWarning {
				t.Fatalf("warning %q, want one: %v", m.Warning(), tt.wantWarning)
			}
			if tt.wantWarning && !strings.Contains(m.Warning(), m.Group.Name) {
				t.Fatalf("warning %q does not name the API name %q", m.Warning(), m.Group.Name)
			}
		})
	}
}

func TestResolveErrors(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		name, input, scope string
		kind               ErrorKind
		want               string // regular expression on Error()
	}{
		{"typo in scope", "DNS Wirte", "zone", ErrUnknownName, `^"DNS Wirte" is not a zone permission group\. Did you mean "DNS Write"\?`},
		{"typo in any scope", "DNS Wirte", "", ErrUnknownName, `in any scope\. Did you mean "DNS Write" \(zone\)\?`},
		{"typo dashboard", "Workers Script Edit", "account", ErrUnknownName, `Did you mean "Workers Scripts Write"`},
		{"typo of a name in two scopes", "Logs Wirte", "zone", ErrUnknownName, `Did you mean "Logs Write"\?`},
		{"no close name", "Quantum Flux Capacitor", "", ErrUnknownName, `snapshot of ` + asOfPattern},
		{"a close name keeps the miss short", "DNS Wirte", "zone", ErrUnknownName, `^"DNS Wirte" is not a zone permission group\. Did you mean "DNS Write"\? It is the closest spelling in the catalog\.$`},
		{"a misspelling in another scope goes first", "Workers Scrips Read", "zone", ErrUnknownName, `^"Workers Scrips Read" is not a zone permission group\. Did you mean "Workers Scripts Read" \(account\), "Workers Routes Read".*The first is the closest spelling in the catalog\.$`},
		{"suggestions that are no misspelling say how old the catalog is", "Images Quality Read", "", ErrUnknownName, `^"Images Quality Read" is not a permission group in any scope\. Did you mean .*\? If none of these is it, the group may be newer than this catalog \(a snapshot of ` + asOfPattern + `\): write its id, or set live_catalog = true in the provider block\.$`},
		{"a heading-first path under another heading", "Developer Platform > DNS > Edit", "", ErrCategoryMismatch, `puts "DNS Write" under the heading "Developer Platform", but the token page lists it under`},
		{"no close name says what to do", "Quantum Flux Capacitor", "account", ErrUnknownName, `snapshot of ` + asOfPattern + `\. If Cloudflare added the group since, write its id instead of the name .* or upgrade the provider; data sources can also resolve against Cloudflare's current list with live_catalog = true in the provider block\.$`},
		{"qualified name in the wrong scope names the prefix", "Account > Zone > Read", "", ErrWrongScope, `^"Account > Zone > Read" names the account scope, but no account permission has that name\. Write "Zone > Zone Read" \(a zone permission, ` + idZoneRead + `\) instead`},
		{"scope word in the wrong scope offers both readings", "Account DNS Write", "", ErrWrongScope, `names the account scope.*"Zone > DNS Write" \(a zone permission.*; or one of the account scope's close names: .*"Account > Account DNS Settings Write"`},
		{"heading of another category", "Entire Account > DNS & Zones > Queues: Edit", "", ErrCategoryMismatch, `puts "Queues Write" under the heading "DNS & Zones", but the token page lists it under "Developer Platform"`},
		{"wrong scope", "Billing Read", "zone", ErrWrongScope, `"Billing Read" is an account permission, not zone.*Set the scope to "account"`},
		{"wrong scope user", "API Tokens Read", "account", ErrWrongScope, `is a user permission, not account`},
		{"wrong scope for an id", idDNSWrite, "account", ErrWrongScope, `is a zone permission, not account.*"DNS Write"`},
		{"ambiguous across scopes", "Logs Write", "", ErrAmbiguous, `matches 2 permission groups.*"Account > Logs Write".*"Zone > Logs Write"`},
		{"ambiguous dashboard across scopes", "Logs Edit", "", ErrAmbiguous, `"Account > Logs Write".*"Zone > Logs Write"`},
		{"ambiguous docs label", "Zaraz Write", "zone", ErrAmbiguous, `in zone scope.*"Zaraz Edit".*"Zaraz Admin"`},
		{"ambiguous docs label account", "Magic Network Monitoring Write", "account", ErrAmbiguous, `"Magic Network Monitoring Config Write".*"Magic Network Monitoring Admin"`},
		{"empty", "", "", ErrBlank, `empty.*"Zone > DNS > Edit"`},
		{"blank", "   \t", "zone", ErrBlank, `empty`},
		{"encoded blank", "%20", "", ErrBlank, `empty`},
		{"unknown scope", "DNS Write", "zon", ErrUnknownScope, `"zon" is not a permission group scope\. Did you mean "zone"\?`},
		{"unknown scope key", "DNS Write", "com.cloudflare.api.zone", ErrUnknownScope, `Did you mean "zone"\?`},
		{"blank scope", "DNS Write", "  ", ErrBlankScope, `blank`},
		{"scope conflict", "Zone > DNS > Edit", "account", ErrScopeConflict, `names the zone permission "[^"]+" \([0-9a-f]{32}\), but the scope asked for is "account"\. Set the scope to "zone" or leave it out`},
		{"only a level", "Select Read Access", "", ErrUnknownName, `names an access level and no product: write the product with it`},
		{"only a level, in a path and German", "Entire Account > Bearbeiten", "", ErrUnknownName, `names an access level and no product`},
		{"only a level after a zone selector", "Specific zones > Read", "", ErrUnknownName, `names an access level and no product`}, // not the Zone group
		{"only a level after a domain", "shop.example.net > Edit", "", ErrUnknownName, `names an access level and no product`},
		{"a product in another script", "ゾーン > キャッシュ > 編集", "", ErrUnknownName, `is not a permission group in any scope\. The product is named in another language: write its name as the API does, in English`},
		{"no misspelling across scripts", "日志：编辑", "", ErrUnknownName, `^[^?]*$`}, // "D1 Write" is two edits away, and no suggestion
		{"a path's end still close", "Globex Inc > Cache Purge: Purg", "", ErrUnknownName, `Did you mean "Cache Purge" \(zone\)\?`},
		{"several permissions, a summary line", "All zones - Cache Purge:Purge, Zone Settings:Edit", "", ErrSeveral, `holds 2 permissions; a name is one permission\. Write each on its own: "[^"]+" and "[^"]+"\.$`},
		{"several permissions, ideographic comma", "DNS：编辑、Page Rules：读取、Zone：读取", "", ErrSeveral, `holds 3 permissions`},
		{"scope conflict, an account", "Account > Billing Read", "zone", ErrScopeConflict, `names the account permission "[^"]+" \([0-9a-f]{32}\), but the scope asked for is "zone"\. Set the scope to "account" or leave it out, or choose a zone permission\.$`},
		{"upper-case id", strings.ToUpper(idDNSWrite), "", ErrMalformedID, `Write "` + idDNSWrite + `" \(the zone permission group "DNS Write"\)`},
		{"dashed id", idDNSWrite[:8] + "-" + idDNSWrite[8:12] + "-" + idDNSWrite[12:16] + "-" + idDNSWrite[16:20] + "-" + idDNSWrite[20:], "", ErrMalformedID, `Write "` + idDNSWrite + `"`},
		{"short id", idDNSWrite[:30], "", ErrMalformedID, `32 lower-case hex`},
		{"unknown id", testUnknownID, "", ErrUnknownID, `not a permission group id in this catalog.*` + asOfPattern},
		{"id one character off", nearID(idDNSWrite), "", ErrMistypedID, `Did you mean "` + idDNSWrite + `" \(the zone permission group "DNS Write"\)\?`},
		{"id with a character dropped", idDNSWrite[:31], "", ErrMalformedID, `Write "` + idDNSWrite + `" \(the zone permission group "DNS Write"\)`},
		{"id with a stray letter", idDNSWrite[:31] + "X", "", ErrMalformedID, `Write "` + idDNSWrite + `" \(the zone permission group "DNS Write"\)`},
		{"id-length word", "abcdefghijklmnopqrstuvwxyzabcdef", "", ErrUnknownName, `not a permission group in any scope`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := c.Resolve(tt.input, tt.scope)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Resolve(%q, %q) = %q, %v; want *Error", tt.input, tt.scope, m.Group.Name, err)
			}
			if e.Kind != tt.kind {
				t.Fatalf("kind %d (%s), want %d: %v", e.Kind, e.Summary(), tt.kind, err)
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Fatalf("error %q does not match %q", err, tt.want)
			}
			if e.Summary() == "" {
				t.Fatal("no summary")
			}
		})
	}
}

// Every candidate and suggestion an error offers must itself resolve to the
// group it names, or the error's advice is wrong.
func TestErrorAdviceResolves(t *testing.T) {
	t.Parallel()
	c := Default()
	inputs := [][2]string{{"Logs Write", ""}, {"Zaraz Write", "zone"},
		{"Access: Apps and Policies Edit", ""}, {"Disable ESC Read", ""}, {"DNS Wirte", ""}, {"dns", "zone"}, {"Logs Writ", ""}, {"Logs Wirte", "zone"}}
	for _, in := range inputs {
		_, err := c.Resolve(in[0], in[1])
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Resolve(%q, %q): want an error, got %v", in[0], in[1], err)
		}
		advice := append(append([]Candidate(nil), e.Candidates...), e.Suggestions...)
		if len(advice) == 0 {
			t.Errorf("Resolve(%q, %q) offers no advice at all, so this test would check nothing: %v", in[0], in[1], err)
		}
		for _, cd := range advice {
			m, err := c.Resolve(cd.Name, "")
			if err != nil || m.Group.ID != cd.Group.ID {
				t.Errorf("%q: advice %q resolves to %q, %v; want %s", in[0], cd.Name, m.Group.ID, err, cd.Group.ID)
			}
			m, err = c.Resolve(cd.InputFor(e.ScopeKey), e.ScopeKey)
			if err != nil || m.Group.ID != cd.Group.ID {
				t.Errorf("%q: advice %q resolves to %q, %v; want %s", in[0], cd.Name, m.Group.ID, err, cd.Group.ID)
			}
		}
	}
	// The other readings an exact API name warns about must be reachable
	// the way the warning says.
	for _, name := range []string{"Transform Rules Read", "Transform Rules Write", "Page Shield Read", "Page Shield Write"} {
		m, err := c.Resolve(name, "")
		if err != nil || len(m.otherReadings) == 0 {
			t.Fatalf("Resolve(%q) = %v, %v; want a match with other readings", name, m, err)
		}
		for _, o := range m.otherReadings {
			for _, in := range [][2]string{{o.Name, ""}, {name, o.Scope()}} {
				if got, err := c.Resolve(in[0], in[1]); err != nil || got.Group.ID != o.Group.ID {
					t.Errorf("%q: the warning's advice %q (scope %q) gives %s, %v; want %s", name, in[0], in[1], got.Group.ID, err, o.Group.ID)
				}
			}
			if !strings.Contains(m.Warning(), o.Name) {
				t.Errorf("%q: warning %q does not name %q", name, m.Warning(), o.Name)
			}
		}
	}
}

// TestSuggestionsAreFew: however many names rank equally well, an error
// offers at most maxSuggestions of them. Five equally good names of
// distinct groups go in, so a cap that stopped working would show.
func TestSuggestionsAreFew(t *testing.T) {
	t.Parallel()
	c := Default()
	c.suggestOnce.Do(c.buildSuggestions)
	entries := c.suggestible[ScopeKeyAccount]
	var best []scored
	groups := map[int]bool{}
	for i := range entries {
		if !groups[entries[i].group] {
			groups[entries[i].group] = true
			best = append(best, scored{entry: &entries[i]})
		}
		if len(best) == maxSuggestions+2 {
			break
		}
	}
	if len(best) != maxSuggestions+2 {
		t.Fatalf("the account scope has %d suggestible groups; this test needs %d", len(best), maxSuggestions+2)
	}
	if got := c.topCandidates(best, false); len(got) != maxSuggestions {
		t.Fatalf("%d suggestions from %d equally good names, want %d", len(got), len(best), maxSuggestions)
	}
}

// Every vocabulary entry must land on the groups it names; a typo in the
// table would otherwise silently drop the alias.
func TestVocabularyTargetsExist(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, a := range vocabulary {
		if a.note == "" {
			t.Errorf("%q has no provenance note", a.name)
		}
		for _, target := range a.targets {
			if _, err := c.Resolve(target, a.scope); err != nil {
				t.Errorf("%s alias %q: target %q: %v", a.scope, a.name, target, err)
			}
		}
		m, err := c.Resolve(a.name, a.scope)
		if len(a.targets) > 1 {
			var e *Error
			if !errors.As(err, &e) || e.Kind != ErrAmbiguous || len(e.Candidates) != len(a.targets) {
				t.Errorf("%q should stay ambiguous, got %v, %v", a.name, m.Group.Name, err)
			}
			continue
		}
		if err != nil || m.Group.Name != a.targets[0] {
			t.Errorf("%s alias %q = %q, %v; want %q", a.scope, a.name, m.Group.Name, err, a.targets[0])
		}
	}
}

func TestByIDAndMetadata(t *testing.T) {
	t.Parallel()
	c := Default()
	g, ok := c.ByID(idDNSWrite)
	if !ok || g.Name != "DNS Write" || g.Scope() != "zone" || g.Access() != AccessWrite {
		t.Fatalf("ByID = %+v, %v", g, ok)
	}
	if _, ok := c.ByID(testUnknownID); ok {
		t.Fatal("unknown id found")
	}
	if EmbeddedAsOf() != c.AsOf() {
		t.Fatalf("EmbeddedAsOf %q, AsOf %q", EmbeddedAsOf(), c.AsOf())
	}
	snap, _ := EmbeddedSnapshot()
	if c.Len() != len(snap.Groups) {
		t.Fatalf("Len %d, snapshot has %d", c.Len(), len(snap.Groups))
	}
	for k, n := range snap.Counts() {
		if c.Counts()[k] != n {
			t.Errorf("Counts()[%s] = %d, snapshot has %d", k, c.Counts()[k], n)
		}
	}
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	c := Default()
	zoneRead := c.List(Filter{ScopeKey: ScopeKeyZone, Access: AccessRead})
	if len(zoneRead) == 0 {
		t.Fatal("no zone read groups")
	}
	for i, g := range zoneRead {
		if g.Scope() != "zone" || g.Access() != AccessRead {
			t.Fatalf("%+v is not zone read", g)
		}
		if i > 0 && zoneRead[i-1].Name > g.Name {
			t.Fatal("not sorted by name")
		}
	}
	logs := c.List(Filter{NameRegex: regexp.MustCompile(`^Logs `)})
	if len(logs) != 4 {
		t.Fatalf("Logs groups = %d, want 4 (read and write in two scopes)", len(logs))
	}
	if n := len(c.List(Filter{})); n != c.Len() {
		t.Fatalf("unfiltered list = %d, catalog has %d", n, c.Len())
	}
}

func TestAccess(t *testing.T) {
	t.Parallel()
	tests := map[string]Access{
		"DNS Write": AccessWrite, "DNS Read": AccessRead, "Zaraz Edit": AccessWrite, "Cache Purge": AccessOther,
		"Magic Firewall Packet Captures - Read PCAPs API": AccessRead, "Zero Trust Report": AccessOther,
		"Magic Firewall Packet Captures - Write PCAPs API": AccessWrite, "Page Shield": AccessOther,
	}
	for name, want := range tests {
		if got := (Group{Name: name}).Access(); got != want {
			t.Errorf("Access(%q) = %s, want %s", name, got, want)
		}
	}
	// Groups named without Read or Write take their access from the table.
	for id := range accessOverrides {
		g, ok := Default().ByID(id)
		if !ok {
			t.Errorf("access override for %s, which the catalog lacks", id)
			continue
		}
		if g.Access() != AccessWrite {
			t.Errorf("%s (%s) access = %s, want write", g.Name, id, g.Access())
		}
	}
}

func TestParseScope(t *testing.T) {
	t.Parallel()
	c := Default()
	for in, want := range map[string]string{
		"": "", "user": ScopeKeyUser, "Account": ScopeKeyAccount, "zone": ScopeKeyZone, "r2": ScopeKeyR2,
		ScopeKeyZone: ScopeKeyZone, ScopeKeyR2: ScopeKeyR2, "R2 Bucket": ScopeKeyR2,
	} {
		got, err := c.ParseScope(in)
		if err != nil || got != want {
			t.Errorf("ParseScope(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// A scope Cloudflare adds later must survive into the catalog and resolve.
func TestUnknownScopeKept(t *testing.T) {
	t.Parallel()
	c := New(Snapshot{AsOf: "2026-10-01", Groups: []Group{
		{ID: testUnknownID, Name: "Worker Secrets Read", ScopeKeys: []string{"com.cloudflare.api.account.worker"}},
		{ID: idDNSWrite, Name: "DNS Write", ScopeKeys: []string{ScopeKeyZone}},
	}})
	m, err := c.Resolve("Worker Secrets Read", "com.cloudflare.api.account.worker")
	if err != nil || m.ScopeKey != "com.cloudflare.api.account.worker" {
		t.Fatalf("Resolve = %+v, %v", m, err)
	}
	if m.Scope() != "com.cloudflare.api.account.worker" {
		t.Fatalf("short form of an unknown scope = %q, want the key", m.Scope())
	}
	// Vocabulary aimed at groups this snapshot lacks is left out, not misapplied.
	if _, err := c.Resolve("Cloudflare Pages Write", ""); err == nil {
		t.Fatal("docs label resolved with its target missing")
	}
}

// The docs guide promises that every dashboard spelling and every
// unambiguous alias it lists resolves to its row's group.
func TestDocumentedNamesResolve(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, g := range c.Groups() {
		for _, k := range g.ScopeKeys {
			names := []string{c.DashboardName(g.ID, k)}
			for _, a := range c.Aliases(g.ID, k) {
				if !a.Ambiguous {
					names = append(names, a.Name)
				}
			}
			for _, n := range names {
				m, err := c.Resolve(n, k)
				if err != nil || m.Group.ID != g.ID {
					t.Errorf("%s name %q resolves to %q, %v; want %s (%s)", ShortScope(k), n, m.Group.Name, err, g.Name, g.ID)
				}
			}
		}
	}
}

// Where a group's API name and one of its vocabulary entries differ only in
// case, an input spelled as neither resolves through the entry, whose warning
// says where that spelling comes from.
func TestVocabularyEntryExplainsACaseVariant(t *testing.T) {
	t.Parallel()
	c := Default()
	tested := 0
	for spelling, refs := range c.exact {
		exact, entry := -1, -1
		for i, r := range refs {
			switch {
			case r.kind == MatchExact:
				exact = i
			case r.kind != MatchRenamed:
				entry = i
			}
		}
		if exact < 0 || entry < 0 || refs[exact].group != refs[entry].group || refs[entry].spelling != spelling {
			continue
		}
		tested++
		input := strings.ToUpper(refs[entry].spelling)
		m, err := c.Resolve(input, "")
		if err != nil || m.Kind != refs[entry].kind {
			t.Errorf("Resolve(%q) = %s, %v; want it read as the %s %q", input, m.Kind, err, refs[entry].kind, refs[entry].spelling)
		}
	}
	if tested == 0 {
		t.Skip("no API name has a vocabulary entry differing only in case")
	}
}

// TestNameWarningSummariesAreDistinct: Terraform folds warnings of one
// summary into "and N more similar warnings", so each mistake's summary
// says what was wrong and the name to write; an API name behind a scope
// prefix is no docs label, whatever case a docs label of it has.
func TestNameWarningSummariesAreDistinct(t *testing.T) {
	t.Parallel()
	c := Default()
	seen := map[string]string{}
	for _, input := range []string{"Cloudflare Pages Write", "DNS: Bewerken", "Zone > Managed Headers Read"} {
		m, err := c.Resolve(input, "")
		if err != nil || m.Warning() == "" {
			t.Fatalf("Resolve(%q): %v, warning %q: want a warning", input, err, m.Warning())
		}
		s := m.WarningSummary()
		if !strings.Contains(s, `"`+m.Group.Name+`"`) || seen[s] != "" {
			t.Errorf("%q: summary %q names no API name, or is %q's too", input, s, seen[s])
		}
		seen[s] = input
	}
	m, err := c.Resolve("Zone > Managed headers Read", "")
	if err != nil || m.Kind != MatchQualified || m.Warning() != "" {
		t.Errorf(`"Zone > Managed headers Read" resolved by %s with warning %q (%v): want the qualified API name, no warning`, m.Kind, m.Warning(), err)
	}
}
