package tokencheck

import (
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// CodeNotChecked marks a token left unchecked as a whole: it is being
// destroyed, or is a deposed object.
const CodeNotChecked catalog.FindingCode = "not_checked"

// Finding is a token finding with the address of its resource.
type Finding struct {
	Address string `json:"address"`
	// Attribute is the token's policies attribute: "policies" or "policy".
	Attribute string `json:"attribute"`
	catalog.TokenFinding
}

// Summary is a short title for the finding.
func (f Finding) Summary() string {
	if f.Code == CodeNotChecked {
		return "Token not checked"
	}
	return f.TokenFinding.Summary()
}

// Report is the outcome of checking a plan or state.
type Report struct {
	Catalog CatalogInfo `json:"catalog"`
	// Input is "plan" or "state".
	Input string `json:"input"`
	// Tokens counts the token resources checked; tokens not checked have a
	// finding of their own.
	Tokens   int       `json:"tokens"`
	Counts   Counts    `json:"counts"`
	Findings []Finding `json:"findings"`
}

// CatalogInfo says which catalog the tokens were checked against.
type CatalogInfo struct {
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
	Live   bool   `json:"live"`
}

// Counts are the findings by severity.
type Counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Skipped  int `json:"skipped"`
}

// Check checks every token of the document.
func Check(c *catalog.Catalog, doc Document) Report {
	r := Report{
		Catalog:  CatalogInfo{AsOf: c.AsOf(), Source: c.Source(), Live: c.Live()},
		Input:    doc.Kind,
		Findings: []Finding{},
	}
	for _, t := range doc.Tokens {
		if t.NotChecked != "" {
			r.add(Finding{Address: t.Address, TokenFinding: catalog.TokenFinding{Policy: -1,
				Severity: catalog.SeveritySkipped, Code: CodeNotChecked, Message: t.NotChecked}})
			continue
		}
		r.Tokens++
		for _, f := range c.CheckTokenPolicies(t.Policies, TokenTypes[t.Type]) {
			r.add(Finding{Address: t.Address, Attribute: t.Attribute, TokenFinding: f})
		}
	}
	return r
}

func (r *Report) add(f Finding) {
	r.Findings = append(r.Findings, f)
	switch f.Severity {
	case catalog.SeverityError:
		r.Counts.Errors++
	case catalog.SeverityWarning:
		r.Counts.Warnings++
	default:
		r.Counts.Skipped++
	}
}
