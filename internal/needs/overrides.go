package needs

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// OverridesHeader is the column line of overrides.tsv.
const OverridesHeader = "type\tkind\taccess\tscope\tgroup_id\tevidence"

// Override is a curated answer for a type the rule gets wrong, or cannot
// decide, with the evidence a reviewer checked.
type Override struct {
	GroupID  string
	Evidence string
}

type overrideKey struct {
	typ    string
	kind   Kind
	access Access
	scope  string // short scope: account, zone or user
}

func parseOverrides(data []byte) (map[overrideKey]Override, error) {
	out := map[overrideKey]Override{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := false
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "#") || text == "":
		case !header:
			if text != OverridesHeader {
				return nil, fmt.Errorf("overrides.tsv line %d: the column line is %q, want %q", line, text, OverridesHeader)
			}
			header = true
		default:
			f := strings.Split(text, "\t")
			if len(f) != 6 || !groupField.MatchString(f[4]+":W") || strings.TrimSpace(f[5]) == "" {
				return nil, fmt.Errorf("overrides.tsv line %d: want %d fields, a group id and evidence", line, 6)
			}
			k := overrideKey{f[0], Kind(f[1]), Access(f[2]), f[3]}
			if k.access != AccessRead && k.access != AccessWrite {
				return nil, fmt.Errorf("overrides.tsv line %d: access %q is neither read nor write", line, f[2])
			}
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("overrides.tsv line %d: %s is overridden twice", line, f[0])
			}
			out[k] = Override{GroupID: f[4], Evidence: f[5]}
		}
	}
	return out, sc.Err()
}
