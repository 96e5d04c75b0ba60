package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

// nameProblem is one bad element of a `names` list. Err is nil for a null
// element.
type nameProblem struct {
	index int
	err   *catalog.Error
}

func (p nameProblem) summary() string {
	if p.err == nil {
		return "Null permission name"
	}
	return p.err.Summary()
}

// detail names the element first, so that a list of problems joined into one
// function error still says which element each line is about.
func (p nameProblem) detail() string {
	if p.err == nil {
		return catalog.NullElement("names", p.index)
	}
	return fmt.Sprintf("names[%d]: %s", p.index, p.err.Error())
}

// resolveNames resolves a list of names in order, nil standing for a null
// element, and reports every bad element rather than the first: the one loop
// behind the permission_ids function and the cfperms_permission_groups data
// source, so both say the same thing about the same list.
func resolveNames(c *catalog.Catalog, names []*string, scope string) ([]catalog.Match, []nameProblem) {
	matches := make([]catalog.Match, len(names))
	var problems []nameProblem
	for i, name := range names {
		if name == nil {
			problems = append(problems, nameProblem{index: i})
			continue
		}
		m, err := c.ResolvePermission(*name, scope)
		if err != nil {
			problems = append(problems, nameProblem{index: i, err: catalog.AsError(err)})
			continue
		}
		matches[i] = m
	}
	return matches, problems
}

// reportNameProblems adds the problems of a names attribute as diagnostics,
// each at its element, capped by validators.ElementDiagnostics.
func reportNameProblems(diags *diag.Diagnostics, problems []nameProblem) {
	elements := validators.NewElementDiagnostics(path.Root("names"), "names", diags)
	for _, p := range problems {
		elements.AddError(p.index, p.summary(), p.detail())
	}
	elements.Close()
}

// reportNameWarnings adds the warnings of resolved names, each at its
// element, capped the same way.
func reportNameWarnings(diags *diag.Diagnostics, matches []catalog.Match) {
	elements := validators.NewElementDiagnostics(path.Root("names"), "names", diags)
	for i, m := range matches {
		if w := m.Warning(); w != "" {
			elements.AddWarning(i, m.WarningSummary(), fmt.Sprintf("names[%d]: %s", i, w))
		}
	}
	elements.Close()
}

// nameProblemLines is the text of a function error about a names
// argument: one line per bad element, up to catalog.MaxListDiagnostics,
// then one line for the rest.
func nameProblemLines(problems []nameProblem) string {
	shown := problems[:min(len(problems), catalog.MaxListDiagnostics)]
	lines := make([]string, 0, len(shown)+1)
	for _, p := range shown {
		lines = append(lines, p.detail())
	}
	if len(problems) > len(shown) {
		lines = append(lines, catalog.MoreInList{List: "names", Total: len(problems)}.Line())
	}
	return strings.Join(lines, "\n")
}
