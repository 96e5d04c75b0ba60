package catalog

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

var updateResolutions = flag.Bool("update-resolutions", false, "rewrite testdata/resolutions.tsv from the current resolver")

// resolutionInputs is every name the catalog itself knows (API names, in
// their scope, unscoped, lower case, qualified and in the dashboard's Edit
// spelling; every vocabulary and former name) and every seed name.
func resolutionInputs(t *testing.T) [][2]string {
	c := Default()
	seen := map[[2]string]bool{}
	var out [][2]string
	add := func(name, scope string) {
		k := [2]string{name, scope}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, g := range c.Groups() {
		short := ShortScope(g.ScopeKey())
		for _, name := range []string{g.Name, strings.ToLower(g.Name), c.DashboardName(g.ID, g.ScopeKey())} {
			add(name, short)
			add(name, "")
		}
		add(ScopeTitle(g.ScopeKey())+" > "+g.Name, "")
	}
	for _, a := range c.aliases {
		add(a.name, a.scope)
		add(a.name, "")
	}
	data, err := os.ReadFile("testdata/seed-names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Split(line, "\t"); len(f) >= 3 && !strings.HasPrefix(line, "#") {
			add(f[2], f[0])
			add(f[2], "")
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][1]+"\x00"+out[i][0] < out[j][1]+"\x00"+out[j][0] })
	return out
}

// outcome is what an input resolves to: an id, or the kind of error.
func outcome(c *Catalog, name, scope string) string {
	m, err := c.Resolve(name, scope)
	if err != nil {
		return fmt.Sprintf("error:%d", AsError(err).Kind)
	}
	return m.Group.ID
}

// TestResolutionsStayStable: no new rule may change the id any name resolved
// to before. testdata/resolutions.tsv records every name the catalog knows
// (and every seed name), in scope and without, with what it resolved to when
// the file was written; a name that resolved must still resolve to the same
// id. A name that failed may start to resolve. Ids a refresh removed are
// skipped. Rewrite the file with -update-resolutions only when a change of
// resolution is intended, and say why in the commit.
func TestResolutionsStayStable(t *testing.T) {
	t.Parallel()
	c := Default()
	if *updateResolutions {
		var b strings.Builder
		b.WriteString("# input\tscope\toutcome (an id, or error:<kind>); see TestResolutionsStayStable\n")
		for _, in := range resolutionInputs(t) {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", in[0], in[1], outcome(c, in[0], in[1]))
		}
		if err := os.WriteFile("testdata/resolutions.tsv", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("testdata/resolutions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		rows++
		name, scope, was := f[0], f[1], f[2]
		now := outcome(c, name, scope)
		switch {
		case was == ambiguous:
			// Ambiguous stays ambiguous while groups in more than one scope
			// still have the name: resolving it would pick one at random.
			if now != was && sharedName(c, name) {
				t.Errorf("Resolve(%q, %q) = %s, was ambiguous, and the name still belongs to several groups", name, scope, now)
			}
		case !known(c, was):
			// another error, which a new rule may turn into an answer, or a
			// group a refresh removed
		case now == was, madeShared(c, name, scope, now):
			// the same answer, or a name a refresh made shared: ambiguous on
			// its own, by design
		default:
			t.Errorf("Resolve(%q, %q) = %s, was %s", name, scope, now, was)
		}
	}
	if rows < c.Len() {
		t.Fatalf("resolutions.tsv has %d rows, fewer than the catalog's groups", rows)
	}
}

// madeShared reports a name asked without a scope that a refresh made the
// API name of groups in more than one scope.
func madeShared(c *Catalog, name, scope, now string) bool {
	return scope == "" && now == ambiguous && sharedName(c, name)
}

// ambiguous is the outcome of a name several groups fit.
var ambiguous = fmt.Sprintf("error:%d", ErrAmbiguous)

// known reports whether an outcome is the id of a group of the catalog.
func known(c *Catalog, outcome string) bool {
	_, ok := c.ByID(outcome)
	return ok
}

// sharedName reports a name that groups in more than one scope have as
// their API name (in any case).
func sharedName(c *Catalog, name string) bool {
	n := 0
	for _, g := range c.Groups() {
		if strings.EqualFold(g.Name, name) {
			n++
		}
	}
	return n > 1
}
