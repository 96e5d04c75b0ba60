package catalog

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestReadingRules covers each rule of readings.go and the separator
// classes of normalize, with the group each input means.
func TestReadingRules(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		rule, input, scope  string
		wantName, wantScope string
		wantKind            MatchKind
		wantWarning         string // a fragment, or "" for none
	}{
		// Resource-first paths of the new token page.
		{rule: "path: entire account, heading, colon level", input: "Entire Account > Developer Platform > Queues: Edit", wantName: "Queues Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: domain, heading", input: "example.com > DNS & Zones > Zone Settings: Read", wantName: "Zone Settings Read", wantScope: "zone", wantKind: MatchQualified},
		{rule: "path: all zones", input: "All zones > DNS & Zones > DNS: Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "path: all domains, lower case", input: "all domains > dns & zones > dns: read", wantName: "DNS Read", wantScope: "zone", wantKind: MatchQualified},
		{rule: "path: specific zone, no heading", input: "Specific zone > DNS: Read", wantName: "DNS Read", wantScope: "zone", wantKind: MatchQualified},
		{rule: "path: all accounts", input: "All accounts > Developer Platform > Workers Scripts: Edit", wantName: "Workers Scripts Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: an account's name before a heading", input: "Acme Corp > Developer Platform > Queues: Read", wantName: "Queues Read", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: heading with a slash", input: "Entire Account > Cloudflare One / Zero Trust > Access: Apps and Policies: Edit", wantName: "Access: Apps and Policies Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: heading written with and", input: "example.com > DNS and Zones > DNS: Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "path: heading as its key", input: "Entire Account > developer_platform > Queues: Edit", wantName: "Queues Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: level as its own segment", input: "Entire Account > Developer Platform > Queues > Edit", wantName: "Queues Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: select edit access", input: "Entire Account > Developer Platform > Queues: Select Edit Access", wantName: "Queues Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: slashes", input: "Entire Account / Developer Platform / Queues: Edit", wantName: "Queues Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: angle quotes", input: "Entire Account » Developer Platform » Queues: Edit", wantName: "Queues Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "path: zone selector in a zone name's place", input: "shop.example.co.uk > DNS: Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},

		// Separators of every class.
		{rule: "separator: double arrow", input: "Zone ⇒ DNS ⇒ Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: heavy arrow", input: "Zone ➜ DNS ➜ Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: long arrow", input: "Zone ⟶ DNS ⟶ Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: ascii arrow", input: "Zone -> DNS -> Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: fat ascii arrow", input: "Zone => DNS => Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: long ascii arrow", input: "Zone --> DNS --> Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: single angle quote", input: "Zone › DNS › Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: triangle", input: "Zone ▸ DNS ▸ Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: middle dot", input: "Zone · DNS · Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: bullet", input: "Zone • DNS • Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: katakana middle dot", input: "Zone・DNS・Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: equals", input: "Zone = DNS = Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: horizontal bar", input: "Zone ― DNS ― Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: full-width hyphen", input: "Zone － DNS － Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: full-width greater-than", input: "Zone ＞ DNS ＞ Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: full-width colon", input: "Zone：DNS：Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "separator: dot", input: "Zone.DNS.Edit", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},

		// A scope word followed by a space.
		{rule: "scope word: zone", input: "Zone DNS Read", wantName: "DNS Read", wantScope: "zone", wantKind: MatchQualified},
		{rule: "scope word: zone, write", input: "Zone DNS Write", wantName: "DNS Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "scope word: dashboard edit", input: "Zone SSL and Certificates Edit", wantName: "SSL and Certificates Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "scope word: account", input: "Account Workers KV Storage Write", wantName: "Workers KV Storage Write", wantScope: "account", wantKind: MatchQualified},

		// A product prefix; the access word first.
		{rule: "product prefix", input: "Cloudflare Workers KV Storage: Edit", wantName: "Workers KV Storage Write", wantScope: "account", wantKind: MatchDashboard},
		{rule: "access first: edit", input: "Edit Workers Routes", wantName: "Workers Routes Write", wantScope: "zone", wantKind: MatchDashboard},
		{rule: "access first: read", input: "Read Billing", wantName: "Billing Read", wantScope: "account", wantKind: MatchDashboard},
		{rule: "access first, qualified", input: "Account > Edit Workers Scripts", wantName: "Workers Scripts Write", wantScope: "account", wantKind: MatchDashboard},

		// The dashboard's other languages.
		{rule: "German edit", input: "DNS: Bearbeiten", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: `German dashboard's word for "Edit"`},
		{rule: "German read", input: "Zone > DNS > Lesen", wantName: "DNS Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: `German dashboard's word for "Read"`},
		{rule: "French edit", input: "DNS: Modifier", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "French"},
		{rule: "French read", input: "Billing: Lecture", wantName: "Billing Read", wantScope: "account", wantKind: MatchTranslated, wantWarning: "French"},
		{rule: "Spanish edit", input: "DNS: Editar", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Spanish or Portuguese"},
		{rule: "Spanish read", input: "DNS: Leer", wantName: "DNS Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Spanish"},
		{rule: "Portuguese read", input: "DNS: Leitura", wantName: "DNS Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Portuguese"},
		{rule: "Italian edit", input: "DNS: Modifica", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Italian"},
		{rule: "Japanese edit", input: "DNS: 編集", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Japanese"},
		{rule: "Japanese read, no space", input: "DNS読み取り", wantName: "DNS Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Japanese"},
		{rule: "Korean read", input: "DNS 읽기", wantName: "DNS Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Korean"},
		{rule: "simplified Chinese edit, full-width colon", input: "DNS：编辑", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "simplified Chinese"},
		{rule: "traditional Chinese edit", input: "DNS:編輯", wantName: "DNS Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "traditional Chinese"},
		{rule: "translated, in a token-page path", input: "Entire Account > Developer Platform > Queues: Bearbeiten", wantName: "Queues Write", wantScope: "account", wantKind: MatchTranslated, wantWarning: "German"},
		{rule: "Dutch read", input: "Zone Settings: Lezen", wantName: "Zone Settings Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Dutch"},
		{rule: "Dutch edit", input: "Page Rules: Bewerken", wantName: "Page Rules Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Dutch"},
		{rule: "Afrikaans edit", input: "Workers Routes: Wysig", wantName: "Workers Routes Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Afrikaans"},
		{rule: "Afrikaans read", input: "Billing: Lees", wantName: "Billing Read", wantScope: "account", wantKind: MatchTranslated, wantWarning: "Afrikaans"},

		// A heading followed by its translation in brackets.
		{rule: "bracketed translation", input: "Page Rules (页面规则): 编辑", wantName: "Page Rules Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "simplified Chinese"},
		{rule: "full-width bracketed translation", input: "Zone Settings（ゾーン設定）：読み取り", wantName: "Zone Settings Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Japanese"},
		{rule: "bracketed translation of a selector", input: "Todas las zonas (All zones) > Logs: Leer", wantName: "Logs Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Spanish"},
		{rule: "bracketed translation in a path", input: "Entire Account > Developer Platform (开发者平台) > Pages: Edit", wantName: "Pages Write", wantScope: "account", wantKind: MatchQualified},

		// A path that starts with its category heading, the selector left out.
		{rule: "heading first, level segment", input: "Developer Platform > Pages > Read", wantName: "Pages Read", wantScope: "account", wantKind: MatchCaseFolded},
		{rule: "heading first, select access", input: "App Security > Page Rules: Select Edit Access", wantName: "Page Rules Write", wantScope: "zone", wantKind: MatchDashboard},

		// The selector in the dashboard's other languages: the noun for zones
		// or the account, with the words for "all", "entire" or "specific".
		{rule: "selector: Portuguese zones", input: "Zonas > DNS > Leitura", wantName: "DNS Read", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Portuguese"},
		{rule: "selector: German all zones", input: "Alle Zonen > Zone Settings > Bearbeiten", wantName: "Zone Settings Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "German"},
		{rule: "selector: French entire account", input: "Tout le compte > Developer Platform > Workers Scripts : Modifier", wantName: "Workers Scripts Write", wantScope: "account", wantKind: MatchTranslated, wantWarning: "French"},
		{rule: "selector: Japanese all zones, long-vowel mark", input: "すべてのゾーン > Page Rules > 編集", wantName: "Page Rules Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "Japanese"},
		{rule: "selector: Chinese entire account", input: "整个帐户 > Billing > 读取", wantName: "Billing Read", wantScope: "account", wantKind: MatchTranslated, wantWarning: "simplified Chinese"},
		{rule: "selector: Afrikaans whole account", input: "Hele rekening > Vectorize: Wysig", wantName: "Vectorize Write", wantScope: "account", wantKind: MatchTranslated, wantWarning: "Afrikaans"},
		{rule: "selector: Italian zone", input: "Zona > Cache Purge > Purge", wantName: "Cache Purge", wantScope: "zone", wantKind: MatchQualified},

		// The token's summary: the selector, a dash, then "Permission:Level".
		{rule: "summary: all accounts, hyphen", input: "All accounts - Workers Scripts:Read", wantName: "Workers Scripts Read", wantScope: "account", wantKind: MatchQualified},
		{rule: "summary: a domain, en dash", input: "shop.example.org – Page Rules:Edit", wantName: "Page Rules Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "summary: all zones, em dash, German", input: "Alle Zonen — Cache Purge:Purge", wantName: "Cache Purge", wantScope: "zone", wantKind: MatchQualified},

		// A heading the catalog cannot read (another language's), passed over
		// before the permission and its level.
		{rule: "untitled: Spanish heading", input: "Cuenta completa > Plataforma para desarrolladores > D1: Editar", wantName: "D1 Write", wantScope: "account", wantKind: MatchTranslated, wantWarning: "Spanish"},
		{rule: "untitled: an account's name, Dutch heading", input: "Mijn bedrijf > Ontwikkelaarsplatform > Queues: Lezen", wantName: "Queues Read", wantScope: "account", wantKind: MatchTranslated, wantWarning: "Dutch"},
		{rule: "untitled: a domain, French heading", input: "shop.example.com > Sécurité des applications > Page Rules : Modifier", wantName: "Page Rules Write", wantScope: "zone", wantKind: MatchTranslated, wantWarning: "French"},
		{rule: "untitled: level as its own segment", input: "Alle Konten > Entwicklerplattform > D1 > Lesen", wantName: "D1 Read", wantScope: "account", wantKind: MatchTranslated, wantWarning: "German"},
		{rule: "include before the selector", input: "Include > All zones > DNS & Zones > Zone Settings: Edit", wantName: "Zone Settings Write", wantScope: "zone", wantKind: MatchQualified},
		{rule: "untitled: English level", input: "Todas las zonas > Seguridad > Zone WAF: Edit", wantName: "Zone WAF Write", wantScope: "zone", wantKind: MatchQualified},

		// API names that repeat their scope, shown under the scope without the word.
		{rule: "account word", input: "Account > Rule Lists > Edit", wantName: "Account Rule Lists Write", wantScope: "account", wantKind: MatchQualified},
		{rule: "account word and colon", input: "Entire Account > SSL and Certificates: Read", wantName: "Account: SSL and Certificates Read", wantScope: "account", wantKind: MatchQualified},
		{rule: "account word, read", input: "Account > Settings > Read", wantName: "Account Settings Read", wantScope: "account", wantKind: MatchQualified},
		{rule: "zone word, a docs label under its scope", input: "All zones > Page Shield: Read", wantName: "Domain Page Shield Read", wantScope: "zone", wantKind: MatchQualified},
		{rule: "zone word", input: "Zone > Settings > Edit", wantName: "Zone Settings Write", wantScope: "zone", wantKind: MatchQualified},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			t.Parallel()
			skipIfRefreshChanged(t, tt.wantName, tt.wantScope, false) // the input says its scope, or the name has one
			m, err := c.Resolve(tt.input, tt.scope)
			if err != nil {
				t.Fatalf("Resolve(%q, %q): %v", tt.input, tt.scope, err)
			}
			if m.Group.Name != tt.wantName || m.Scope() != tt.wantScope || m.Kind != tt.wantKind {
				t.Fatalf("Resolve(%q, %q) = %q in %s by %s; want %q in %s by %s",
					tt.input, tt.scope, m.Group.Name, m.Scope(), m.Kind, tt.wantName, tt.wantScope, tt.wantKind)
			}
			w := m.Warning()
			if (tt.wantWarning == "") != (w == "") || !strings.Contains(w, tt.wantWarning) {
				t.Fatalf("warning %q, want %q", w, tt.wantWarning)
			}
			if w != "" && !strings.Contains(w, `"`+m.Group.Name+`"`) {
				t.Fatalf("warning %q does not name the API name", w)
			}
		})
	}
}

// TestEveryArrowBlockIsASeparator: the first and last code point of each
// block of arrows reads as the separator of a qualified name, as the middle
// ones do.
func TestEveryArrowBlockIsASeparator(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, r := range []rune{0x2190, 0x21ff, 0x27f0, 0x27ff, 0x2900, 0x297f, 0x2794, 0x27bf, 0x2b00, 0x2b4f, 0x1f800, 0x1f8ff} {
		input := fmt.Sprintf("Zone %c DNS %c Edit", r, r)
		if m, err := c.Resolve(input, ""); err != nil || m.Group.ID != idDNSWrite {
			t.Errorf("Resolve(%q) (U+%04X) = %s, %v; want DNS Write", input, r, m.Group.ID, err)
		}
	}
}

// TestReadingsNeverOverruleTheInput: passing over a heading the catalog
// cannot read never moves the permission out of the scope its selector
// named, in any language, nor into a scope no selector named (a first
// segment it cannot read may be an account's name or a heading); a part in
// brackets that says a level, a scope or an id is no heading's
// translation, and is not dropped.
func TestReadingsNeverOverruleTheInput(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, input := range []string{
		"Todas las zonas > Plataforma para desarrolladores > Workers Scripts: Editar",
		"すべてのゾーン > 請求 > Billing: 読み取り",
		"Gesamtes Konto > Anwendungssicherheit > Page Rules: Bearbeiten",
		"Acme Ltd > Analytics: Read",
		"Zone Settings: Edit (Read)",
		"Page Rules Write (read only)",
		"Billing (zone): Read",
		"Custom Pages Write (accounts)",
		"Workers Routes Write (1a71c399035b4950)",
		"Zone Settings (読み取り): 編集",
	} {
		m, err := c.Resolve(input, "")
		if err == nil {
			t.Errorf("Resolve(%q) = %q (%s); want an error: the selector names the other scope", input, m.Group.Name, m.Scope())
		}
	}
}

// TestNameWarningsAdviseANameThatResolves: the name a warning says to
// write resolves, with no scope, to the group the input did, for every
// alias of every group and for translated paths of names two scopes
// share ("Logs Write" alone would be ambiguous).
func TestNameWarningsAdviseANameThatResolves(t *testing.T) {
	t.Parallel()
	c := Default()
	inputs := []string{"Toutes les zones > Logs : Modifier", "Hele rekening > Logs: Lees", "DNS: Wysig"}
	for _, g := range c.Groups() {
		for _, a := range c.Aliases(g.ID, g.ScopeKey()) {
			if !a.Ambiguous {
				inputs = append(inputs, a.Name)
			}
		}
	}
	advice := regexp.MustCompile(`write "([^"]+)"`)
	checked := 0
	for _, input := range inputs {
		m, err := c.Resolve(input, "")
		if err != nil || m.Warning() == "" {
			continue
		}
		found := advice.FindStringSubmatch(m.WarningSummary())
		if found == nil {
			continue // a newer name: nothing to write instead
		}
		checked++
		if again, err := c.Resolve(found[1], ""); err != nil || again.Group.ID != m.Group.ID || again.ScopeKey != m.ScopeKey {
			t.Errorf("%q warns %q; writing %q gives %v, %v", input, m.WarningSummary(), found[1], again.Group.Name, err)
		}
	}
	if checked < 10 {
		t.Errorf("only %d warnings checked: the inputs no longer warn", checked)
	}
}
