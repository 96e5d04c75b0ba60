// Command gen writes the Terraform configurations the plan benchmark times,
// one folder per case, with 1000 real permission names drawn from the
// embedded catalog (names unique across scopes, so no scope is needed).
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

const count = 1000

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: gen OUTPUT_DIR")
	}
	out := os.Args[1]
	names := uniqueNames(count)
	list := hclList(names)

	var lookups strings.Builder
	for i, n := range names {
		fmt.Fprintf(&lookups, "    %q = \"%032x\"\n", fmt.Sprintf("%s %d", n, i), i)
	}
	var calls strings.Builder
	for _, n := range names {
		fmt.Fprintf(&calls, "    provider::cfperms::permission_id(%q),\n", n)
	}

	cases := map[string]string{
		"hcl_locals_1000": "locals {\n  table = {\n" + lookups.String() + "  }\n}\n" +
			"output \"ids\" {\n  value = length([for k, v in local.table : local.table[k]])\n}\n",
		"reference_constant": reference + "data \"reference_constant\" \"one\" {\n  name = \"DNS Write\"\n}\n" +
			"output \"id\" {\n  value = data.reference_constant.one.id\n}\n",
		"reference_echo_data_source_1000": reference + "data \"reference_echo\" \"many\" {\n  names = " + list + "\n}\n" +
			"output \"ids\" {\n  value = length(data.reference_echo.many.ids)\n}\n",
		"reference_echo_function_1000": reference + "output \"ids\" {\n  value = length(provider::reference::echo(" + list + "))\n}\n",
		"cfperms_permission_group": cfperms + "data \"cfperms_permission_group\" \"one\" {\n  name = \"DNS Write\"\n}\n" +
			"output \"id\" {\n  value = data.cfperms_permission_group.one.id\n}\n",
		"cfperms_permission_groups_1000": cfperms + "data \"cfperms_permission_groups\" \"many\" {\n  names = " + list + "\n}\n" +
			"output \"ids\" {\n  value = length(data.cfperms_permission_groups.many.ids)\n}\n",
		"cfperms_permission_id_calls_1000": cfperms + "output \"ids\" {\n  value = length([\n" + calls.String() + "  ])\n}\n",
		"cfperms_permission_ids_1000":      cfperms + "output \"ids\" {\n  value = length(provider::cfperms::permission_ids(" + list + "))\n}\n",
	}
	for name, config := range cases {
		dir := filepath.Join(out, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

const (
	reference = "terraform {\n  required_providers {\n    reference = { source = \"cfperms/reference\" }\n  }\n}\n\n"
	cfperms   = "terraform {\n  required_providers {\n    cfperms = { source = \"cfperms/cfperms\" }\n  }\n}\n\n"
)

// uniqueNames cycles through API names that resolve without a scope.
func uniqueNames(n int) []string {
	c := catalog.Default()
	var pool []string
	for _, g := range c.Groups() {
		if _, err := c.Resolve(g.Name, ""); err == nil {
			pool = append(pool, g.Name)
		}
	}
	out := make([]string, n)
	for i := range out {
		out[i] = pool[i%len(pool)]
	}
	return out
}

func hclList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return "[\n    " + strings.Join(quoted, ",\n    ") + ",\n  ]"
}
