package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// One rule for ids the catalog lacks: a well-formed one passes with a
// warning, one within two edits of a known id is an error naming that id.
func TestResolvePermissionUnknownIDs(t *testing.T) {
	t.Parallel()
	c := Default()
	dns := groupID(t, "DNS Write", "zone")
	const newer = "0123456789abcdef0123456789abcdef"
	tests := []struct {
		name, input, scope string
		resolve            func(input, scope string) (Match, error)
		wantID             string
		wantKind           MatchKind
		wantWarning        string // regular expression
		wantErr            ErrorKind
		wantText           string // regular expression
	}{
		{name: "a known id", input: dns, resolve: c.ResolvePermission, wantID: dns, wantKind: MatchID},
		{name: "a name", input: "DNS Write", resolve: c.ResolvePermission, wantID: dns, wantKind: MatchExact},
		{name: "an id newer than the catalog", input: newer, resolve: c.ResolvePermission, wantID: newer, wantKind: MatchUnknownID,
			wantWarning: `^"` + newer + `" is not a permission group id in this catalog \(snapshot of ` + c.AsOf() + `\); it is passed through unchecked`},
		{name: "with spaces around it", input: " " + newer + " ", resolve: c.ResolvePermission, wantID: newer, wantKind: MatchUnknownID, wantWarning: `passed through`},
		{name: "in a scope", input: newer, scope: "zone", resolve: c.ResolvePermission, wantID: newer, wantKind: MatchUnknownID, wantWarning: `passed through`},
		{name: "one character off a known id", input: dns[:31] + "0", resolve: c.ResolvePermission, wantErr: ErrMistypedID,
			wantText: `^"` + dns[:31] + `0" is not a permission group id\. Did you mean "` + dns + `" \(the zone permission group "DNS Write"\)\? It is one or two characters away\.$`},
		{name: "two characters off", input: "00" + dns[2:], resolve: c.ResolvePermission, wantErr: ErrMistypedID, wantText: `Did you mean "` + dns + `"`},
		{name: "an unknown id by id", input: newer, resolve: c.ResolveID, wantID: newer, wantKind: MatchUnknownID, wantWarning: `passed through`},
		{name: "a mistyped id by id", input: dns[:31] + "0", resolve: c.ResolveID, wantErr: ErrMistypedID},
		{name: "a name given as an id", input: "DNS Write", resolve: c.ResolveID, wantErr: ErrMalformedID, wantText: `Write "` + dns + `"`},
		{name: "a known id in another scope", input: dns, scope: "account", resolve: c.ResolveID, wantErr: ErrWrongScope},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := tt.resolve(tt.input, tt.scope)
			if tt.wantErr != 0 {
				e := AsError(err)
				if e == nil || e.Kind != tt.wantErr || !regexp.MustCompile(tt.wantText).MatchString(e.Error()) {
					t.Fatalf("error = %v, want kind %d matching %q", err, tt.wantErr, tt.wantText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.Group.ID != tt.wantID || m.Kind != tt.wantKind || m.Known() != (tt.wantKind != MatchUnknownID) {
				t.Fatalf("match = %+v", m)
			}
			if tt.wantWarning == "" {
				if m.Warning() != "" {
					t.Fatalf("unexpected warning %q", m.Warning())
				}
				return
			}
			if !regexp.MustCompile(tt.wantWarning).MatchString(m.Warning()) {
				t.Fatalf("warning = %q, want match %q", m.Warning(), tt.wantWarning)
			}
			if m.WarningSummary() != "Permission group id not in the catalog" {
				t.Errorf("summary = %q", m.WarningSummary())
			}
		})
	}
}

// The v4 flat map holds every name once; names in two scopes are left out
// and listed, never mapped to one of their ids.
func TestFlatPermissions(t *testing.T) {
	t.Parallel()
	c := Default()
	flat, shared := c.FlatPermissions()
	if flat["DNS Write"] != groupID(t, "DNS Write", "zone") {
		t.Errorf("DNS Write = %q", flat["DNS Write"])
	}
	if _, ok := flat["Logs Write"]; ok || !slices.Contains(shared, "Logs Write") {
		t.Errorf("Logs Write is in the map (%v) or missing from the shared names %v", ok, shared)
	}
	names := map[string]bool{}
	for _, g := range c.Groups() {
		names[g.Name] = true
	}
	if len(flat)+len(shared) != len(names) {
		t.Errorf("%d names mapped and %d shared, want %d in all", len(flat), len(shared), len(names))
	}
	for name, id := range flat {
		if g, ok := c.ByID(id); !ok || g.Name != name {
			t.Errorf("%q maps to %s, the id of %+v", name, id, g)
		}
	}
}

// TestMalformedIDsAreRecognised: a string that can only have been meant as
// an id (upper case, dashes, a stray letter or two) gets the malformed-id
// error and the id it meant, whichever hex digits and letters it holds.
func TestMalformedIDsAreRecognised(t *testing.T) {
	t.Parallel()
	c := Default()
	const lower = "abcdef0123456789abcdef0123456789" // every boundary: a, f, 0, 9
	tests := []struct{ input, fixed string }{
		{input: strings.ToUpper(lower), fixed: lower},                           // A and F
		{input: "abcdef01-2345-6789-abcd-ef0123456789", fixed: lower},           // a UUID's dashes
		{input: "ABCDEF01-2345-6789-ABCD-EF0123456789", fixed: lower},           // both
		{input: strings.ToUpper(idDNSWrite), fixed: idDNSWrite},                 // a known id
		{input: "g" + idDNSWrite[1:len(idDNSWrite)-1] + "z", fixed: idDNSWrite}, // stray g and z
		{input: "G" + idDNSWrite[1:len(idDNSWrite)-1] + "Z", fixed: idDNSWrite}, // stray G and Z
	}
	for _, tt := range tests {
		_, err := c.Resolve(tt.input, "")
		e := AsError(err)
		if e == nil || e.Kind != ErrMalformedID || e.FixedID != tt.fixed {
			t.Errorf("Resolve(%q) = %v; want a malformed id meaning %s", tt.input, err, tt.fixed)
		}
	}
}
