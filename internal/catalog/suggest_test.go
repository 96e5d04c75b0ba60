package catalog

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestSuggestionsMeanWhatPeopleMean is the table of shorthands and
// misspellings people write, each with the group a person means: the input
// either resolves to it, or offers it as the first suggestion. Taking the
// first suggestion must never mint a token for another product.
func TestSuggestionsMeanWhatPeopleMean(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		input, scope string
		want         string // the API name meant
		wantScope    string
	}{
		{input: "DNS Wirte", want: "DNS Write", wantScope: "zone"},
		{input: "Zone DNS Write", want: "DNS Write", wantScope: "zone"},
		{input: "Zone DNS Read", want: "DNS Read", wantScope: "zone"},
		{input: "DNS", want: "DNS Read", wantScope: "zone"},
		{input: "DNS Records Write", want: "DNS Write", wantScope: "zone"},
		{input: "R2 Write", want: "Workers R2 Storage Write", wantScope: "account"},
		{input: "R2 Read", want: "Workers R2 Storage Read", wantScope: "account"},
		{input: "R2 Edit", want: "Workers R2 Storage Write", wantScope: "account"},
		{input: "R2 Storage Write", want: "Workers R2 Storage Write", wantScope: "account"},
		{input: "Workers R2 Write", want: "Workers R2 Storage Write", wantScope: "account"},
		{input: "KV Edit", want: "Workers KV Storage Write", wantScope: "account"},
		{input: "KV Read", want: "Workers KV Storage Read", wantScope: "account"},
		{input: "Workers KV Write", want: "Workers KV Storage Write", wantScope: "account"},
		{input: "KV Storage Write", want: "Workers KV Storage Write", wantScope: "account"},
		{input: "Workers Edit", want: "Workers Scripts Write", wantScope: "account"},
		// Filler before the product word: a dashboard summary with the brand.
		{input: "Cloudflare Worker – Write", want: "Workers Scripts Write", wantScope: "account"},
		{input: "cloudflare workers: read", want: "Workers Scripts Read", wantScope: "account"},
		{input: "The Workers Edit", want: "Workers Scripts Write", wantScope: "account"},
		{input: "Workers Script Edit", want: "Workers Scripts Write", wantScope: "account"},
		{input: "Worker Scripts Write", want: "Workers Scripts Write", wantScope: "account"},
		{input: "Workers Route Write", want: "Workers Routes Write", wantScope: "zone"},
		{input: "Zone Raed", want: "Zone Read", wantScope: "zone"},
		{input: "Zone Setting Write", want: "Zone Settings Write", wantScope: "zone"},
		{input: "Zone DNS Setting Write", want: "Zone DNS Settings Write", wantScope: "zone"},
		{input: "Billing Wrte", want: "Billing Write", wantScope: "account"},
		{input: "Cache Purge Write", want: "Cache Purge", wantScope: "zone"},
		{input: "Purge Cache", want: "Cache Purge", wantScope: "zone"},
		{input: "Queue Write", want: "Queues Write", wantScope: "account"},
		{input: "SSL Edit", want: "SSL and Certificates Write", wantScope: "zone"},
		{input: "SSL Write", want: "SSL and Certificates Write", wantScope: "zone"},
		{input: "Certificates Write", want: "SSL and Certificates Write", wantScope: "zone"},
		{input: "Page Rule Write", want: "Page Rules Write", wantScope: "zone"},
		{input: "WAF Write", want: "Zone WAF Write", wantScope: "zone"},
		{input: "Load Balancer Write", want: "Load Balancers Write", wantScope: "zone"},
		{input: "Tunnel Write", want: "Cloudflare Tunnel Write", wantScope: "account"},
		{input: "Access Apps Write", want: "Access: Apps Write", wantScope: "account"},
		{input: "Access Application Read", want: "Access: Apps Read", wantScope: "account"}, // names shorten the word
		{input: "Account Setting Read", want: "Account Settings Read", wantScope: "account"},
		{input: "Analytics", want: "Analytics Read", wantScope: "zone"},
		{input: "Email Routing Write", want: "Email Routing Rules Write", wantScope: "zone"},
		{input: "Health Check Write", want: "Health Checks Write", wantScope: "zone"},
		{input: "Rule Lists Write", want: "Account Rule Lists Write", wantScope: "account"},
		{input: "Transform Rule Write", scope: "zone", want: "Zone Transform Rules Write", wantScope: "zone"},
		{input: "Zone > Load Balancing > Edit", want: "Load Balancers Write", wantScope: "zone"}, // the path's scope first
		{input: "Zone:Workers:Read", want: "Workers Routes Read", wantScope: "zone"},
		{input: "Zone > Workers Scrpts > Edit", want: "Workers Scripts Write", wantScope: "account"}, // a typo and a scope
		{input: "Entire Account > Page Rule: Edit", want: "Page Rules Write", wantScope: "zone"},
		{input: "All zones > Durable Objects: Read", want: "Workers Scripts Read", wantScope: "account"}, // the selector names no product
		{input: "Memberships Raed", want: "Memberships Read", wantScope: "user"},
		{input: "API Token Read", want: "API Tokens Read", wantScope: "user"},
		{input: "User Detail Read", want: "User Details Read", wantScope: "user"},
		{input: "Bot Managment Write", want: "Bot Management Write", wantScope: "zone"},
		{input: "Web3 Write", want: "Web3 Hostnames Write", wantScope: "zone"},
		{input: "Turnstile", want: "Turnstile Sites Read", wantScope: "account"},
		{input: "Logs Wirte", scope: "zone", want: "Logs Write", wantScope: "zone"},
		{input: "Edit Workers Routes", want: "Workers Routes Write", wantScope: "zone"},
		{input: "Read Billing", want: "Billing Read", wantScope: "account"},
		// Another product shares the word: a word before it ("DNS Firewall",
		// "AI Gateway") or after "for" ("Firewall for AI") names that
		// product; a word after it names a part ("Firewall Services").
		{input: "Firewall Edit", want: "Firewall Services Write", wantScope: "zone"},
		{input: "Firewall Read", want: "Firewall Services Read", wantScope: "zone"},
		{input: "Gateway Edit", want: "Zero Trust Write", wantScope: "account"}, // Cloudflare Gateway: Zero Trust's groups
		{input: "Durable Objects Read", want: "Workers Scripts Read", wantScope: "account"},
		{input: "Agents Edit", want: "CF Agents Write", wantScope: "account"}, // "CF" is the brand, like "Cloudflare"
		// Found by mutation testing: each row fails when one ranking rule breaks.
		{input: "Registrar Edit", want: "Registrar Domains Admin", wantScope: "account"},                 // no access word before another access
		{input: "Connectivity Directory Bin", want: "Connectivity Directory Bind", wantScope: "account"}, // a three-letter prefix
		{input: "Access:SSHAuditingRead", want: "Access: SSH Auditing Read", wantScope: "account"},       // words run together
		{input: "AIGatewayRun", want: "AI Gateway Run", wantScope: "account"},                            // a two-letter word run in
		{input: "DNS Viaw Raad", want: "DNS View Read", wantScope: "account"},                            // one edit in a four-letter word
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			t.Parallel()
			skipIfRefreshChanged(t, tt.want, tt.wantScope, tt.scope == "")
			m, err := c.Resolve(tt.input, tt.scope)
			if err == nil {
				if m.Group.Name != tt.want || m.Scope() != tt.wantScope {
					t.Fatalf("Resolve(%q) = %q (%s), want %q (%s)", tt.input, m.Group.Name, m.Scope(), tt.want, tt.wantScope)
				}
				return
			}
			e := AsError(err)
			if len(e.Suggestions) == 0 {
				t.Fatalf("Resolve(%q): %v; want %q first", tt.input, err, tt.want)
			}
			if first := e.Suggestions[0]; first.Group.Name != tt.want || first.Scope() != tt.wantScope {
				t.Fatalf("Resolve(%q) suggests %q (%s) first, want %q (%s): %v", tt.input, first.Group.Name, first.Scope(), tt.want, tt.wantScope, err)
			}
		})
	}
}

// TestNoMisleadingSuggestion: inputs whose product the catalog does not
// have, and no product covers, get no suggestion rather than another
// product's. (Products other groups cover are TestProductsWithoutAGroupOfferTheirHome's.)
func TestNoMisleadingSuggestion(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, input := range []string{"Quantum Flux Capacitor", "Hovercraft Parking Write", "Teleporter Edit", "Origami Folds Read"} {
		_, err := c.Resolve(input, "")
		e := AsError(err)
		if e == nil || e.Kind != ErrUnknownName || len(e.Suggestions) != 0 {
			t.Errorf("Resolve(%q) = %v; want a miss with no suggestion", input, err)
		}
	}
}

// TestCrossScopeSuggestion: a name misspelt in a scope that has nothing
// like it is offered the close name of another scope, with that scope
// named; a name spelt right in the wrong scope names the scope it is in.
func TestCrossScopeSuggestion(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		input, scope string
		kind         ErrorKind
		want         string // the API name offered
		wantScope    string
		text         string // what the error says about it
	}{
		{input: "Billing Raed", scope: "zone", kind: ErrUnknownName, want: "Billing Read", wantScope: "account",
			text: `Did you mean "Billing Read" (account)?`},
		{input: "Memberships Raed", scope: "zone", kind: ErrUnknownName, want: "Memberships Read", wantScope: "user",
			text: `Did you mean "Memberships Read" (user)?`},
		{input: "Billing Read", scope: "zone", kind: ErrWrongScope, want: "Billing Read", wantScope: "account",
			text: `"Billing Read" is an account permission, not zone`},
		{input: "DNS Write", scope: "account", kind: ErrWrongScope, want: "DNS Write", wantScope: "zone",
			text: `"DNS Write" is a zone permission, not account`},
		// A name of another scope that starts with a scope word is that
		// name, not a prefix to drop: "Drop the scope or the prefix" would
		// leave "Read".
		{input: "Zone Read", scope: "account", kind: ErrWrongScope, want: "Zone Read", wantScope: "zone",
			text: `"Zone Read" is a zone permission, not account`},
		{input: "Account Settings Read", scope: "zone", kind: ErrWrongScope, want: "Account Settings Read", wantScope: "account",
			text: `is an account permission, not zone`},
	}
	for _, tt := range tests {
		t.Run(tt.input+" in "+tt.scope, func(t *testing.T) {
			t.Parallel()
			skipIfRefreshChanged(t, tt.want, tt.wantScope, false)
			_, err := c.Resolve(tt.input, tt.scope)
			e := AsError(err)
			if e == nil || e.Kind != tt.kind {
				t.Fatalf("Resolve(%q, %q) = %v; want error kind %d", tt.input, tt.scope, err, tt.kind)
			}
			offered := e.Suggestions
			if tt.kind == ErrWrongScope {
				offered = e.OtherScopes
			}
			if len(offered) == 0 || offered[0].Group.Name != tt.want || offered[0].Scope() != tt.wantScope {
				t.Fatalf("Resolve(%q, %q) offers %+v; want %q (%s) first", tt.input, tt.scope, offered, tt.want, tt.wantScope)
			}
			if !strings.Contains(e.Error(), tt.text) {
				t.Fatalf("Resolve(%q, %q) says %q; want it to say %q", tt.input, tt.scope, e.Error(), tt.text)
			}
		})
	}
}

// TestTwoCharacterTypos: a name two characters off keeps its suggestion
// however short it is. Short inputs are where a limit proportional to the
// length would fall below two edits.
func TestTwoCharacterTypos(t *testing.T) {
	t.Parallel()
	c := Default()
	tests := []struct {
		input, scope string
		want         string
	}{
		{input: "Zne Rad", want: "Zone Read"}, // two deletions
		{input: "Zone Rd", want: "Zone Read"}, // two deletions at the end
		{input: "Zone Re", want: "Zone Read"}, // two deletions at the end
		{input: "Zon Rad", want: "Zone Read"}, // one in each word
		{input: "Lgs Rad", scope: "zone", want: "Logs Read"},
		{input: "DNS Wirte", want: "DNS Write"}, // a transposition is two edits
		{input: "Biling Wrte", want: "Billing Write"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			t.Parallel()
			if d := distance(normalize(tt.input), normalize(tt.want)); d != 2 {
				t.Fatalf("%q is %d edits from %q, not two", tt.input, d, tt.want)
			}
			_, err := c.Resolve(tt.input, tt.scope)
			e := AsError(err)
			if e == nil || len(e.Suggestions) == 0 || e.Suggestions[0].Group.Name != tt.want {
				t.Fatalf("Resolve(%q, %q) = %v; want %q suggested first", tt.input, tt.scope, err, tt.want)
			}
		})
	}
}

// TestBoundedDistance holds the banded edit distance to the full one: equal
// up to the limit, and limit+1 beyond it, for random short ASCII strings
// (a small alphabet, so they come close) and for non-ASCII ones.
func TestBoundedDistance(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = "abc d"[rng.IntN(5)]
		}
		return string(b)
	}
	pairs := [][2]string{{"", ""}, {"dns write", "dns wirte"}, {"zone read", "zöne read"}, {"编辑", "编"}, {strings.Repeat("a", 300), strings.Repeat("a", 299) + "b"}}
	for range 20000 {
		pairs = append(pairs, [2]string{word(), word()})
	}
	for _, p := range pairs {
		full := distance(p[0], p[1])
		for limit := 0; limit <= 8; limit++ {
			want := min(full, limit+1)
			if got := boundedDistance(p[0], p[1], limit); got != want {
				t.Fatalf("boundedDistance(%q, %q, %d) = %d; the distance is %d, so want %d", p[0], p[1], limit, got, full, want)
			}
		}
	}
}

// TestSuggestionsReadAsAList: one suggestion stands alone, two are joined
// by "or", three by a comma and "or", in the order offered.
func TestSuggestionsReadAsAList(t *testing.T) {
	t.Parallel()
	c := Default()
	for n := 1; n <= maxSuggestions; n++ {
		found := false
		for _, input := range []string{"DNS Wirte", "DN Rea"} {
			for _, scope := range []string{"", "account"} {
				_, err := c.Resolve(input, scope)
				e := AsError(err)
				if e == nil || len(e.Suggestions) != n {
					continue
				}
				found = true
				var quoted []string
				for _, s := range e.Suggestions {
					quoted = append(quoted, regexp.QuoteMeta(fmt.Sprintf("%q", s.InputFor(e.ScopeKey)))+`( \([a-z_]+\))?`)
				}
				list := quoted[0]
				switch n {
				case 2:
					list = quoted[0] + " or " + quoted[1]
				case 3:
					list = quoted[0] + ", " + quoted[1] + " or " + quoted[2]
				}
				if !regexp.MustCompile(`Did you mean ` + list + `\?`).MatchString(e.Error()) {
					t.Errorf("Resolve(%q, %q) lists %d suggestions as %q", input, scope, n, e.Error())
				}
			}
		}
		if !found {
			t.Errorf("no input here gets %d suggestions: pick another", n)
		}
	}
}

// TestWordMatchLimits holds a misspelt word to its edit budget: one edit
// from four letters, two from seven, none below four.
func TestWordMatchLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word, want string
		score      float64
	}{
		{word: "routes", want: "routes", score: 1},
		{word: "rout", want: "routes", score: 0.8},     // a prefix
		{word: "dnz", want: "dns", score: 0},           // three letters: no edit allowed
		{word: "zome", want: "zone", score: 0.8},       // four letters: one edit
		{word: "rotues", want: "routes", score: 0},     // six letters: not two edits
		{word: "secrest", want: "secrets", score: 0.8}, // seven letters: two edits
		{word: "sxcxxts", want: "secrets", score: 0},   // three edits
	}
	for _, tt := range tests {
		got := wordMatch(tt.word, tt.want, letterMask(tt.word), letterMask(tt.want))
		if got != tt.score {
			t.Errorf("wordMatch(%q, %q) = %v, want %v", tt.word, tt.want, got, tt.score)
		}
	}
}

// TestWrongScopeNamesTheCounterpart: a zone group's name asked for in the
// account, where the API names the account's group with "Account" in front
// ("Analytics Read" and "Account Analytics Read"), offers that group; every
// such pair of the catalog is checked.
func TestWrongScopeNamesTheCounterpart(t *testing.T) {
	t.Parallel()
	c := Default()
	checked := 0
	for _, pair := range accountCounterparts(t, c, ScopeKeyZone) {
		g, own := pair[0], pair[1]
		_, err := c.Resolve(g.Name, "account")
		e := AsError(err)
		if e == nil || e.Kind != ErrWrongScope {
			continue // the name means something in the account too
		}
		checked++
		if e.Counterpart == nil || e.Counterpart.Group.ID != own.ID || !strings.Contains(e.Error(), own.ID) {
			t.Errorf("Resolve(%q, account) = %v; want it to offer %q (%s)", g.Name, err, own.Name, own.ID)
		}
	}
	if checked == 0 {
		t.Fatal("no zone name is only the zone's: the test checks nothing")
	}
}

// accountCounterparts pairs each group of a scope with the account group
// the API names as it with "Account" in front, failing when there is none.
func accountCounterparts(t *testing.T, c *Catalog, scopeKey string) [][2]Group {
	t.Helper()
	account := map[string]Group{}
	for _, g := range c.List(Filter{ScopeKey: ScopeKeyAccount}) {
		account[g.Name] = g
	}
	var out [][2]Group
	for _, g := range c.List(Filter{ScopeKey: scopeKey}) {
		if own, ok := account["Account "+g.Name]; ok {
			out = append(out, [2]Group{g, own})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s group has an account counterpart named with \"Account\"", ShortScope(scopeKey))
	}
	return out
}
