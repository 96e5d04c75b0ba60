package catalog

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed former-names.tsv
var embeddedFormerNames []byte

// FormerName is a name an older API response gave a group that still
// exists under another name. The id, not the current name, ties it to the
// group, so a later rename keeps it pointing at the right one.
type FormerName struct {
	Name     string
	Scope    string // short scope, or the scope key of a scope without one
	ID       string
	Since    string // when the group stopped using the name, if known
	Evidence string // where the name was seen, for a reviewer
}

const formerNamesHeader = "former_name\tscope\tid\tsince\tevidence"

// ParseFormerNames reads former-names.tsv.
func ParseFormerNames(data []byte) ([]FormerName, error) {
	var out []FormerName
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || line == formerNamesHeader {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("former names line %d: want 5 tab-separated fields, got %d", i+1, len(f))
		}
		fn := FormerName{Name: f[0], Scope: f[1], ID: f[2], Since: f[3], Evidence: f[4]}
		if strings.TrimSpace(fn.Name) == "" || !IsID(fn.ID) || fn.Scope == "" {
			return nil, fmt.Errorf("former names line %d: needs a name, a scope and a 32-digit id", i+1)
		}
		out = append(out, fn)
	}
	return out, nil
}

// AppendFormerNames adds rows to a former-names file, keeping its header and
// the rows already there, and skipping a row the file already holds.
func AppendFormerNames(data []byte, add []FormerName) []byte {
	have, _ := ParseFormerNames(data)
	seen := map[string]bool{}
	for _, f := range have {
		seen[f.Scope+"\x00"+f.Name+"\x00"+f.ID] = true
	}
	out := strings.TrimRight(string(data), "\n") + "\n"
	if len(data) == 0 {
		out = formerNamesHeader + "\n"
	}
	sort.Slice(add, func(i, j int) bool { return add[i].Name < add[j].Name })
	for _, f := range add {
		if seen[f.Scope+"\x00"+f.Name+"\x00"+f.ID] {
			continue
		}
		out += strings.Join([]string{f.Name, f.Scope, f.ID, f.Since, f.Evidence}, "\t") + "\n"
	}
	return []byte(out)
}

// formerNames is the embedded file, parsed once; tests forbid a file that
// does not parse.
var formerNames = sync.OnceValue(func() []FormerName {
	names, err := ParseFormerNames(embeddedFormerNames)
	if err != nil {
		panic(fmt.Sprintf("catalog: embedded former-names.tsv is corrupt: %v", err))
	}
	return names
})

// EmbeddedFormerNames returns the former names this build embeds.
func EmbeddedFormerNames() []FormerName { return append([]FormerName(nil), formerNames()...) }

// formerAliases turns former names into vocabulary entries aimed at the
// current names of their ids; a former name whose id the snapshot lacks, or
// whose id now sits in another scope, is left out.
func formerAliases(groups []Group, names []FormerName) []alias {
	byID := make(map[string]int, len(groups))
	for i, g := range groups {
		byID[g.ID] = i
	}
	var out []alias
	for _, f := range names {
		i, ok := byID[f.ID]
		if !ok || !groups[i].InScope(ScopeKey(f.Scope)) || groups[i].Name == f.Name {
			continue
		}
		g := &groups[i]
		note := f.Evidence
		if f.Since != "" {
			note = fmt.Sprintf("renamed %s; %s", f.Since, f.Evidence)
		}
		out = append(out, alias{scope: f.Scope, name: f.Name, targets: []string{g.Name}, kind: MatchRenamed, note: note})
	}
	return out
}

// indexFormerNames lets vocabulary entries written against a name the group
// has since lost keep finding it: after a rename, a docs label aimed at the
// old API name still reaches the same id. An API name always wins.
func indexFormerNames(nameIndex map[string]int, groups []Group, former []FormerName) {
	byID := make(map[string]int, len(groups))
	for i, g := range groups {
		byID[g.ID] = i
	}
	for _, f := range former {
		i, ok := byID[f.ID]
		key := ScopeKey(f.Scope)
		if !ok || !groups[i].InScope(key) {
			continue
		}
		if _, taken := nameIndex[key+"\x00"+f.Name]; !taken {
			nameIndex[key+"\x00"+f.Name] = i
		}
	}
}
