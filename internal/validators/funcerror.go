package validators

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
)

// ArgumentError blames a function argument. Terraform ends the sentence
// itself ("Invalid value for "name" parameter: ...."), so the catalog's
// final full stop is dropped rather than doubled.
func ArgumentError(position int64, text string) *function.FuncError {
	return function.NewArgumentFuncError(position, strings.TrimSuffix(strings.TrimSpace(text), "."))
}
