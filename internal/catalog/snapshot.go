package catalog

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Group is one Cloudflare permission group.
type Group struct {
	ID   string
	Name string
	// ScopeKeys holds every scope the API lists for the group; in practice one.
	ScopeKeys []string
	// Category is the API's grouping key ("developer_platform"), the heading
	// the dashboard's token page files the group under; "" when the response
	// has none (older responses, and a few groups even in newer ones).
	Category string
}

// ScopeKey is the group's primary scope key.
func (g Group) ScopeKey() string {
	if len(g.ScopeKeys) == 0 {
		return ""
	}
	return g.ScopeKeys[0]
}

// Scope is the short form of the primary scope ("zone").
func (g Group) Scope() string { return ShortScope(g.ScopeKey()) }

// InScope reports whether the group applies to the scope key; "" matches all.
func (g Group) InScope(key string) bool {
	if key == "" {
		return true
	}
	for _, k := range g.ScopeKeys {
		if k == key {
			return true
		}
	}
	return false
}

// Access is derived from the name, as Cloudflare has no field for it.
type Access string

const (
	AccessRead  Access = "read"
	AccessWrite Access = "write"
	AccessOther Access = "other"
)

// Accesses lists the access values, for docs and validators.
var Accesses = []string{string(AccessRead), string(AccessWrite), string(AccessOther)}

// Access derives read/write from the name's last word. "Edit" counts as write
// (Zaraz Edit), the packet-capture groups carry the word mid-name, and a few
// groups named without either are listed in vocabulary.go.
func (g Group) Access() Access {
	if a, ok := accessOverrides[g.ID]; ok {
		return a
	}
	name := g.Name
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		switch name[i+1:] {
		case "Read":
			return AccessRead
		case "Write", "Edit":
			return AccessWrite
		}
	}
	switch {
	case strings.Contains(name, " - Read "):
		return AccessRead
	case strings.Contains(name, " - Write "):
		return AccessWrite
	}
	return AccessOther
}

// Snapshot is the generated catalog data: what one List permission groups
// response said, on one date.
type Snapshot struct {
	AsOf   string // YYYY-MM-DD
	Source string // where the response came from, for provenance
	Groups []Group
}

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// IDLength is the length of a permission group id.
const IDLength = 32

// IsID reports whether s has the shape of a permission group id: 32
// lower-case hex digits. A loop, not a regexp: it runs for every group at
// start-up and for every input.
func IsID(s string) bool {
	if len(s) != IDLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// Validate checks what every consumer relies on: well-formed ids, one group per
// id, at least one scope each, names and scope keys of sane length without
// control or format characters (textProblem), and categories that are keys
// (categoryProblem).
func (s Snapshot) Validate() error {
	if !datePattern.MatchString(s.AsOf) {
		return fmt.Errorf("snapshot date %q is not YYYY-MM-DD", s.AsOf)
	}
	if len(s.Groups) == 0 {
		return fmt.Errorf("snapshot has no permission groups")
	}
	seen := make(map[string]bool, len(s.Groups))
	names := make(map[[2]string]string, len(s.Groups)) // scope key and name to id
	for _, g := range s.Groups {
		if !IsID(g.ID) {
			return fmt.Errorf("group %s: id %s is not 32 lower-case hex digits", quoteShort(g.Name), quoteShort(g.ID))
		}
		if seen[g.ID] {
			return fmt.Errorf("id %s appears twice", g.ID)
		}
		seen[g.ID] = true
		if strings.TrimSpace(g.Name) == "" {
			return fmt.Errorf("group %s: name %q is blank", g.ID, g.Name)
		}
		if p := textProblem(g.Name, MaxNameLength); p != "" {
			return fmt.Errorf("group %s: name %s %s", g.ID, quoteShort(g.Name), p)
		}
		if p := categoryProblem(g.Category); p != "" {
			return fmt.Errorf("group %s (%s): category %s %s", g.ID, g.Name, quoteShort(g.Category), p)
		}
		if len(g.ScopeKeys) == 0 {
			return fmt.Errorf("group %s (%s) has no scope", g.ID, g.Name)
		}
		for _, k := range g.ScopeKeys {
			if k == "" || strings.ContainsAny(k, "\t\r\n, ") {
				return fmt.Errorf("group %s (%s): scope %s is malformed", g.ID, g.Name, quoteShort(k))
			}
			if p := textProblem(k, MaxScopeKeyLength); p != "" {
				return fmt.Errorf("group %s (%s): scope %s %s", g.ID, g.Name, quoteShort(k), p)
			}
			if other, dup := names[[2]string{k, g.Name}]; dup {
				return fmt.Errorf("name %q appears twice in scope %s (%s and %s)", g.Name, k, other, g.ID)
			}
			names[[2]string{k, g.Name}] = g.ID
		}
	}
	return nil
}

// Counts returns the number of groups per scope key.
func (s Snapshot) Counts() map[string]int {
	counts := map[string]int{}
	for _, g := range s.Groups {
		for _, k := range g.ScopeKeys {
			counts[k]++
		}
	}
	return counts
}

// sortGroups orders by scope, then name, then id, so output is stable.
func sortGroups(groups []Group) {
	sort.Slice(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if a.ScopeKey() != b.ScopeKey() {
			return a.ScopeKey() < b.ScopeKey()
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
}

// tsvHeader names the columns; the name is last because it is the one field
// that may hold any text. tsvHeaderV1 is the layout before categories, still
// read so the generator can compare a refresh with an older committed file.
const (
	tsvHeader   = "id\tscopes\tcategory\tname"
	tsvHeaderV1 = "id\tscopes\tname"
)

// MarshalTSV writes the project's catalog format: a commented header with the
// date, source and counts, then one tab-separated line per group. Same
// snapshot, same bytes.
func (s Snapshot) MarshalTSV() ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	groups := make([]Group, len(s.Groups))
	copy(groups, s.Groups)
	for i := range groups {
		keys := append([]string(nil), groups[i].ScopeKeys...)
		sort.Strings(keys)
		groups[i].ScopeKeys = keys
	}
	sortGroups(groups)

	var b bytes.Buffer
	b.WriteString("# Code generated by cmd/cfperms-catalog from a List permission groups response. DO NOT EDIT.\n")
	fmt.Fprintf(&b, "# as_of: %s\n", s.AsOf)
	if s.Source != "" {
		fmt.Fprintf(&b, "# source: %s\n", strings.ReplaceAll(s.Source, "\n", " "))
	}
	fmt.Fprintf(&b, "# total: %d\n", len(groups))
	counts := s.Counts()
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "# scope: %s %d\n", k, counts[k])
	}
	b.WriteString(tsvHeader + "\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", g.ID, strings.Join(g.ScopeKeys, ","), g.Category, g.Name)
	}
	return b.Bytes(), nil
}

// ParseTSV reads what MarshalTSV wrote and checks the header's counts, so a
// hand edit that breaks the file fails loudly instead of dropping groups.
func ParseTSV(data []byte) (Snapshot, error) {
	var s Snapshot
	total := -1
	columns := 0 // set by the header line
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if rest, ok := strings.CutPrefix(text, "# "); ok {
			key, value, _ := strings.Cut(rest, ": ")
			switch key {
			case "as_of":
				s.AsOf = value
			case "source":
				s.Source = value
			case "total":
				n, err := strconv.Atoi(value)
				if err != nil {
					return s, fmt.Errorf("line %d: total %q is not a number", line, value)
				}
				total = n
			}
			continue
		}
		switch text {
		case tsvHeader:
			columns = 4
			continue
		case tsvHeaderV1:
			columns = 3
			continue
		case "":
			continue
		}
		g, err := parseRow(text, columns)
		if err != nil {
			return s, fmt.Errorf("line %d: %w", line, err)
		}
		s.Groups = append(s.Groups, g)
	}
	if err := sc.Err(); err != nil {
		return s, err
	}
	if columns == 0 {
		return s, fmt.Errorf("missing header line %q", tsvHeader)
	}
	if total != len(s.Groups) {
		return s, fmt.Errorf("header says %d groups, file has %d", total, len(s.Groups))
	}
	return s, s.Validate()
}

// parseRow reads one group line of a file whose header announced columns.
func parseRow(text string, columns int) (Group, error) {
	if columns == 0 {
		return Group{}, fmt.Errorf("group line before the header line %q", tsvHeader)
	}
	fields := strings.Split(text, "\t")
	if len(fields) != columns {
		return Group{}, fmt.Errorf("want %d tab-separated fields, got %d", columns, len(fields))
	}
	g := Group{ID: fields[0], ScopeKeys: strings.Split(fields[1], ","), Name: fields[columns-1]}
	if columns == 4 {
		g.Category = fields[2]
	}
	return g, nil
}
