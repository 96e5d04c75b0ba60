package validators

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// ElementDiagnostics adds diagnostics about the elements of one list, each
// at its element, up to catalog.MaxListDiagnostics errors and as many
// warnings; Close adds one summary at the list for each severity that went
// past the cap. The one helper behind every list attribute, so a list of
// 10,000 bad names costs a screenful, not gigabytes.
type ElementDiagnostics struct {
	list             path.Path
	name             string
	diags            *diag.Diagnostics
	errors, warnings int
}

// NewElementDiagnostics collects into diags the diagnostics of the list at
// path list, which messages call name.
func NewElementDiagnostics(list path.Path, name string, diags *diag.Diagnostics) *ElementDiagnostics {
	return &ElementDiagnostics{list: list, name: name, diags: diags}
}

// AddError reports an element's error, or counts it once past the cap.
func (e *ElementDiagnostics) AddError(index int, summary, detail string) {
	e.errors++
	if e.errors <= catalog.MaxListDiagnostics {
		e.diags.AddAttributeError(e.list.AtListIndex(index), summary, detail)
	}
}

// AddWarning reports an element's warning, or counts it once past the cap.
func (e *ElementDiagnostics) AddWarning(index int, summary, detail string) {
	e.warnings++
	if e.warnings <= catalog.MaxListDiagnostics {
		e.diags.AddAttributeWarning(e.list.AtListIndex(index), summary, detail)
	}
}

// Close adds the summaries of what the cap left out; call it once, after
// the last Add.
func (e *ElementDiagnostics) Close() {
	if e.errors > catalog.MaxListDiagnostics {
		m := catalog.MoreInList{List: e.name, Total: e.errors}
		e.diags.AddAttributeError(e.list, m.Summary(), m.Detail())
	}
	if e.warnings > catalog.MaxListDiagnostics {
		m := catalog.MoreInList{List: e.name, Total: e.warnings, Warnings: true}
		e.diags.AddAttributeWarning(e.list, m.Summary(), m.Detail())
	}
}
