package catalog

import (
	"strings"
	"testing"
)

// TestFormerNamesResolve: every former name in former-names.tsv resolves to
// the group with its id, in its scope, with the former-name warning, and
// keeps its evidence in the vocabulary.
func TestFormerNamesResolve(t *testing.T) {
	t.Parallel()
	c := Default()
	names := EmbeddedFormerNames()
	if len(names) == 0 {
		t.Fatal("no former names")
	}
	for _, f := range names {
		t.Run(f.Scope+"/"+f.Name, func(t *testing.T) {
			t.Parallel()
			g, ok := c.ByID(f.ID)
			if !ok {
				t.Fatalf("former name %q points at %s, which the catalog lacks", f.Name, f.ID)
			}
			m, err := c.Resolve(f.Name, f.Scope)
			if err != nil || m.Group.ID != f.ID {
				t.Fatalf("Resolve(%q, %q) = %s, %v; want %s", f.Name, f.Scope, m.Group.ID, err, f.ID)
			}
			if m.Kind == MatchRenamed && !strings.Contains(m.Warning(), "is a former name of the "+f.Scope+` permission group "`+g.Name+`"`) {
				t.Fatalf("warning %q", m.Warning())
			}
			if m.Kind != MatchRenamed && m.Kind != MatchDocsLabel {
				t.Fatalf("matched as %s, want renamed (or the docs label it also is)", m.Kind)
			}
			found := false
			for _, a := range c.Aliases(f.ID, ScopeKey(f.Scope)) {
				found = found || (a.Name == f.Name && a.Note != "")
			}
			if !found {
				t.Fatalf("%q is not among the group's aliases with its provenance", f.Name)
			}
		})
	}
}

// TestRenameKeepsOldNames: after a refresh renames a group, its old name is a
// former name and vocabulary aimed at the old name still reaches the id.
func TestRenameKeepsOldNames(t *testing.T) {
	t.Parallel()
	old, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	pages := testID(ScopeKeyAccount, "Pages Write")
	next := old
	next.AsOf = "2099-01-01"
	next.Groups = append([]Group(nil), old.Groups...)
	for i, g := range next.Groups {
		if g.ID == pages {
			next.Groups[i].Name = "Pages Deploy Write"
		}
	}
	d := Compare(old, next)
	if len(d.Renamed) != 1 || d.Renamed[0].From != "Pages Write" || len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("Compare = %+v", d)
	}
	c := build(next, nil, append(EmbeddedFormerNames(), d.FormerNamesOf(next.AsOf)...), nil)
	for _, name := range []string{"Pages Write", "Pages Deploy Write", "Cloudflare Pages Write", "Pages Edit"} {
		if m, err := c.Resolve(name, "account"); err != nil || m.Group.ID != pages {
			t.Errorf("after the rename, Resolve(%q) = %s, %v; want %s", name, m.Group.ID, err, pages)
		}
	}
	if lost := LostVocabulary(old, next); len(lost) != 0 {
		t.Errorf("a rename lost vocabulary: %v", lost)
	}
}

// TestRefreshSummary: added, removed, renamed and moved groups, and the
// vocabulary a removal loses, are all reported.
func TestRefreshSummary(t *testing.T) {
	t.Parallel()
	old, _ := EmbeddedSnapshot()
	next := old
	next.AsOf = "2099-01-01"
	next.Groups = nil
	pages, tunnel, dns := testID(ScopeKeyAccount, "Pages Write"), testID(ScopeKeyAccount, "Cloudflare Tunnel Write"), idDNSWrite
	for _, g := range old.Groups {
		switch g.ID {
		case pages: // removed: the docs label "Cloudflare Pages Write" loses its group
			continue
		case tunnel:
			g.Name = "Tunnel Write"
		case dns: // moved scope: a removal and an addition, never a rename
			g.ScopeKeys = []string{ScopeKeyAccount}
		}
		next.Groups = append(next.Groups, g)
	}
	next.Groups = append(next.Groups, Group{ID: testUnknownID, Name: "Probe Read", ScopeKeys: []string{"com.cloudflare.api.account.flagship.app"}})
	text := RefreshSummary(old, next)
	for _, want := range []string{
		"| `com.cloudflare.api.account.flagship.app` | 0 | 1 | 1 | 0 | 0 |",
		`"Probe Read"`,
		`account: "Pages Write" (` + "`" + pages + "`)",
		`account: "Cloudflare Tunnel Write" is now "Tunnel Write"`,
		`account: "DNS Write" (` + "`" + dns + "`)",
		`zone: "DNS Write" (` + "`" + dns + "`)",
		`account "Cloudflare Pages Write" (docs label) named Pages Write`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Argo Tunnel") {
		t.Errorf("a rename must not lose the former names aimed at the renamed group:\n%s", text)
	}
}

// TestAppendFormerNames: a new file gets the header, rows are added in name
// order, a row the file holds is not added twice, and ParseFormerNames names
// the line of a damaged row.
func TestAppendFormerNames(t *testing.T) {
	t.Parallel()
	id := testID(ScopeKeyZone, "DNS Write")
	b := FormerName{Name: "B Old Name", Scope: "zone", ID: id, Since: "2026-06-01", Evidence: "test"}
	a := FormerName{Name: "A Old Name", Scope: "zone", ID: id, Since: "2026-06-01", Evidence: "test"}
	data := AppendFormerNames(nil, []FormerName{b, a})
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) != 3 || lines[0] != formerNamesHeader || !strings.HasPrefix(lines[1], "A Old Name\t") || !strings.HasPrefix(lines[2], "B Old Name\t") {
		t.Fatalf("AppendFormerNames to an empty file:\n%s", data)
	}
	if again := AppendFormerNames(data, []FormerName{a}); string(again) != string(data) {
		t.Fatalf("a row the file holds was added again:\n%s", again)
	}
	parsed, err := ParseFormerNames(data)
	if err != nil || len(parsed) != 2 || parsed[0] != a || parsed[1] != b {
		t.Fatalf("ParseFormerNames(AppendFormerNames(...)) = %+v, %v", parsed, err)
	}
	for _, damaged := range []struct{ text, want string }{
		{formerNamesHeader + "\nA\tzone\n", "former names line 2: want 5 tab-separated fields, got 2"},
		{formerNamesHeader + "\n" + strings.Join([]string{"A", "zone", "not-an-id", "", ""}, "\t") + "\n", "former names line 2: needs a name"},
	} {
		if _, err := ParseFormerNames([]byte(damaged.text)); err == nil || !strings.Contains(err.Error(), damaged.want) {
			t.Errorf("ParseFormerNames(%q) = %v; want %q", damaged.text, err, damaged.want)
		}
	}
}

// TestRenamesInNameOrder: Compare and Merge list renames by former name,
// whatever order the groups come in, so summaries read the same each run.
func TestRenamesInNameOrder(t *testing.T) {
	t.Parallel()
	embedded, err := EmbeddedSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	next := Snapshot{AsOf: embedded.AsOf, Source: "test", Groups: append([]Group(nil), embedded.Groups...)}
	// Rename two groups, the later one in name order listed first.
	var picked []int
	for i, g := range next.Groups {
		if g.ScopeKey() == ScopeKeyAccount && len(picked) < 2 {
			picked = append(picked, i)
		}
	}
	first, second := picked[0], picked[1]
	next.Groups[first].Name, next.Groups[second].Name = "Z Renamed", "Y Renamed"
	next.Groups[first], next.Groups[second] = next.Groups[second], next.Groups[first]
	_, merged := Merge(embedded, next)
	for name, renamed := range map[string][]Rename{"Compare": Compare(embedded, next).Renamed, "Merge": merged.Renamed} {
		if len(renamed) != 2 || renamed[0].From > renamed[1].From {
			t.Errorf("%s lists renames %+v; want two, by former name", name, renamed)
		}
	}
}
