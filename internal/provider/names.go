package provider

import (
	"fmt"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
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
		return fmt.Sprintf("names[%d] is null. Remove the element or give it a permission name.", p.index)
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
