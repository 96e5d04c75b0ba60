package catalog

import (
	"fmt"
	"strconv"
)

// MaxListDiagnostics is how many elements of one list get a diagnostic of
// their own, per severity; one more sums up the rest. Without a cap, 10,000
// bad names made Terraform print 1.7 GB over 15 minutes.
const MaxListDiagnostics = 20

// MoreInList stands for the elements of a list past MaxListDiagnostics.
type MoreInList struct {
	List     string // the attribute or argument, "names"
	Total    int    // elements with a diagnostic of this severity
	Warnings bool   // false for errors
}

// Hidden is how many elements the summary stands for.
func (m MoreInList) Hidden() int { return m.Total - MaxListDiagnostics }

// kind is "errors" or "warnings", singular for one.
func (m MoreInList) kind(n int) string {
	word := "error"
	if m.Warnings {
		word = "warning"
	}
	if n != 1 {
		word += "s"
	}
	return word
}

// others is "the other 9,980 are", or "the other one is".
func (m MoreInList) others() string {
	if m.Hidden() == 1 {
		return "the other one is"
	}
	return "the other " + Thousands(m.Hidden()) + " are"
}

// Summary is the diagnostic's title: "And 9,980 more errors in names".
func (m MoreInList) Summary() string {
	return fmt.Sprintf("And %s more %s in %s", Thousands(m.Hidden()), m.kind(m.Hidden()), m.List)
}

// Detail says what was left out and how to see it.
func (m MoreInList) Detail() string {
	msg := fmt.Sprintf("%s elements of %s have %s. The first %d are shown; %s left out to keep the output readable.",
		Thousands(m.Total), m.List, m.kind(m.Total), MaxListDiagnostics, m.others())
	if !m.Warnings {
		msg += " Fix the ones shown and run again to see the rest."
	}
	return msg
}

// Line is the summary as the last line of a function error that lists one
// bad element a line.
func (m MoreInList) Line() string {
	elements := "elements"
	if m.Hidden() == 1 {
		elements = "element"
	}
	return fmt.Sprintf("…and %s more %s of %s with %s, left out to keep the output readable. Fix the ones above and run again to see the rest.",
		Thousands(m.Hidden()), elements, m.List, m.kind(2))
}

// Thousands writes n with commas between groups of three digits: 9,980.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}
