package catalog

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func testSnapshot() Snapshot {
	return Snapshot{AsOf: "2026-01-27", Source: "test", Groups: []Group{
		{ID: idZoneLogsWrite, Name: "Logs Write", ScopeKeys: []string{ScopeKeyZone}},
		{ID: idDNSWrite, Name: "DNS Write", ScopeKeys: []string{ScopeKeyZone}},
		{ID: idAcctLogsWrite, Name: "Logs Write", ScopeKeys: []string{ScopeKeyAccount}},
		{ID: "0cc3a61731504c89b99ec1be78b77aa0", Name: "API Tokens Read", ScopeKeys: []string{ScopeKeyUser}},
	}}
}

func TestTSVRoundTripAndDeterminism(t *testing.T) {
	t.Parallel()
	s := testSnapshot()
	a, err := s.MarshalTSV()
	if err != nil {
		t.Fatal(err)
	}
	// Input order must not matter.
	s.Groups[0], s.Groups[3] = s.Groups[3], s.Groups[0]
	b, err := s.MarshalTSV()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("output depends on input order:\n%s\n---\n%s", a, b)
	}
	back, err := ParseTSV(a)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := back.MarshalTSV()
	if !bytes.Equal(a, c) {
		t.Fatal("parse then marshal changed the bytes")
	}
	if back.AsOf != "2026-01-27" || len(back.Groups) != 4 {
		t.Fatalf("round trip lost data: %+v", back)
	}
	if strings.Contains(string(a), "description") {
		t.Fatal("descriptions must not be written")
	}
}

func TestEmbeddedCatalogIsCanonical(t *testing.T) {
	t.Parallel()
	snap, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	again, err := snap.MarshalTSV()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, embeddedTSV) {
		t.Fatal("groups.tsv is not what the generator writes; regenerate it with make catalog instead of editing it")
	}
}

func TestSnapshotValidate(t *testing.T) {
	t.Parallel()
	mutate := map[string]func(*Snapshot){
		"bad date":        func(s *Snapshot) { s.AsOf = "27/01/2026" },
		"no groups":       func(s *Snapshot) { s.Groups = nil },
		"upper-case id":   func(s *Snapshot) { s.Groups[0].ID = strings.ToUpper(s.Groups[0].ID) },
		"duplicate id":    func(s *Snapshot) { s.Groups[1].ID = s.Groups[0].ID },
		"tab in name":     func(s *Snapshot) { s.Groups[0].Name = "Logs\tWrite" },
		"blank name":      func(s *Snapshot) { s.Groups[0].Name = " " },
		"no scope":        func(s *Snapshot) { s.Groups[0].ScopeKeys = nil },
		"name twice":      func(s *Snapshot) { s.Groups[1].Name = "Logs Write" },
		"malformed scope": func(s *Snapshot) { s.Groups[0].ScopeKeys = []string{"a,b"} },
	}
	for name, f := range mutate {
		s := testSnapshot()
		f(&s)
		if err := s.Validate(); err == nil {
			t.Errorf("%s: Validate accepted it", name)
		}
	}
}

func TestParseTSVRejectsDamage(t *testing.T) {
	t.Parallel()
	good, _ := testSnapshot().MarshalTSV()
	cases := map[string]string{
		"count mismatch": strings.Replace(string(good), "# total: 4", "# total: 5", 1),
		"no header":      strings.Replace(string(good), tsvHeader+"\n", "", 1),
		"short row":      string(good) + "abc\tdef\n",
		"bad total":      strings.Replace(string(good), "# total: 4", "# total: four", 1),
	}
	for name, data := range cases {
		if _, err := ParseTSV([]byte(data)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func TestCheckFloors(t *testing.T) {
	t.Parallel()
	old := testSnapshot()
	if err := CheckFloors(old, old); err != nil {
		t.Fatalf("same snapshot refused: %v", err)
	}
	noUser := old
	noUser.Groups = old.Groups[:3]
	if err := CheckFloors(old, noUser); err == nil || !strings.Contains(err.Error(), ScopeKeyUser) {
		t.Fatalf("a vanished scope was accepted: %v", err)
	}
	big := Snapshot{AsOf: "2026-01-27"}
	for i := 0; i < 100; i++ {
		suffix := string(rune('a'+i/26)) + string(rune('a'+i%26))
		big.Groups = append(big.Groups, Group{ID: strings.Repeat("0", 30) + suffix, Name: "G " + suffix, ScopeKeys: []string{ScopeKeyAccount}})
	}
	shrunk := big
	shrunk.Groups = big.Groups[:89]
	if err := CheckFloors(big, shrunk); err == nil || !strings.Contains(err.Error(), "100 to 89") {
		t.Fatalf("an 11%% drop was accepted: %v", err)
	}
	shrunk.Groups = big.Groups[:90]
	if err := CheckFloors(big, shrunk); err != nil {
		t.Fatalf("a 10%% drop was refused: %v", err)
	}
}

// A list that hands one existing group's name to another (DNS Read's id
// called DNS Write and the other way round) is refused, naming the moves; a
// rename to a new name, and a new group, are not.
func TestCheckFloorsMovedNames(t *testing.T) {
	t.Parallel()
	old := testSnapshot()
	a, b := old.Groups[0], old.Groups[1]
	if a.ScopeKey() != b.ScopeKey() {
		t.Fatalf("the test snapshot's first two groups should share a scope: %+v %+v", a, b)
	}
	swapped := old
	swapped.Groups = append([]Group(nil), old.Groups...)
	swapped.Groups[0].Name, swapped.Groups[1].Name = b.Name, a.Name
	err := CheckFloors(old, swapped)
	if err == nil || !strings.Contains(err.Error(), "names moved between groups") || !strings.Contains(err.Error(), fmt.Sprintf("%q from %s to %s", a.Name, a.ID, b.ID)) {
		t.Fatalf("a swap of names was accepted or not named: %v", err)
	}
	renamed := old
	renamed.Groups = append([]Group(nil), old.Groups...)
	renamed.Groups[0].Name = a.Name + " Renamed"
	renamed.Groups = append(renamed.Groups, Group{ID: strings.Repeat("9", IDLength), Name: a.Name, ScopeKeys: a.ScopeKeys})
	if err := CheckFloors(old, renamed); err != nil {
		t.Fatalf("a rename, its old name taken by a new group, was refused: %v", err)
	}
}
