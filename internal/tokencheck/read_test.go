package tokencheck_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

// Input that is not the JSON of terraform show -json gets one sentence that
// says what it is and what to pass instead.
func TestReadBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want string // regular expression
	}{
		{file: "empty.json", want: `^the input is empty\. Pass the output of .terraform show -json PLANFILE.`},
		{file: "human-plan.txt", want: `^the input is not JSON \(invalid character 'T' looking for beginning of value, at byte 1\)\. Pass`},
		{file: "plan-log.jsonl", want: `^the input is the log of .terraform plan -json., not a plan\. Save the plan with .terraform plan -out=PLANFILE.`},
		{file: "no-format-version.json", want: `^the input is JSON, but not the output of terraform show -json: it has no format_version\.`},
		{file: "wrong-shape.json", want: `^the input does not have the shape of terraform show -json output: resource_changes is a string where a list belongs\.$`},
		{file: "list.json", want: `^the input does not have the shape of terraform show -json output: the input is an array where an object belongs\.$`},
		{file: "format-2.json", want: `^the input's format_version is "2\.0"; this checker reads formats 0\.x and 1\.x\.`},
		{file: "truncated.json", want: `^the input is not JSON \(it ends too soon\)\.`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join("testdata", "bad", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = tokencheck.Read(bytes.NewReader(data))
			var inputErr *tokencheck.InputError
			if !errors.As(err, &inputErr) {
				t.Fatalf("Read error = %v, want an input error", err)
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Fatalf("Read error:\n%s\nwant match:\n%s", err, tt.want)
			}
		})
	}
}

func TestReadSavedPlanFile(t *testing.T) {
	t.Parallel()
	_, err := tokencheck.Read(strings.NewReader("PK\x03\x04\x14\x00\x00\x00tfplan"))
	if err == nil || !strings.Contains(err.Error(), "a saved plan file, not its JSON") {
		t.Fatalf("Read error = %v", err)
	}
}

func TestReadTooLarge(t *testing.T) {
	t.Parallel()
	_, err := tokencheck.ReadAtMost(&endless{}, 1<<20)
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Fatalf("Read error = %v", err)
	}
}

// endless is a reader that never ends, of spaces.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// An empty state, or a plan without tokens, is read, and the report says
// there was nothing to check rather than nothing.
func TestReadNothingToCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		input, kind, summary string
	}{
		{input: `{"format_version":"1.0"}`, kind: "state", summary: "No cloudflare_api_token or cloudflare_account_token resources in this state: nothing to check."},
		{input: `{"format_version":"1.2","planned_values":{"root_module":{}},"resource_changes":[{"address":"data.x.y","mode":"data","type":"cloudflare_api_token"}]}`, kind: "plan",
			summary: "No cloudflare_api_token or cloudflare_account_token resources in this plan: nothing to check."},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			t.Parallel()
			doc, err := tokencheck.Read(strings.NewReader(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			r := tokencheck.Check(catalog.Default(), doc)
			if doc.Kind != tt.kind || r.Summary() != tt.summary {
				t.Fatalf("kind %q, summary %q", doc.Kind, r.Summary())
			}
		})
	}
}

// Unknown values in a plan: after leaves them out (or null in a list) and
// after_unknown marks them; the checker must see catalog.Unknown there.
func TestReadUnknowns(t *testing.T) {
	t.Parallel()
	plan := `{"format_version":"1.2","resource_changes":[
	 {"address":"cloudflare_api_token.a","mode":"managed","type":"cloudflare_api_token","change":{"actions":["create"],
	  "after":{"name":"a","policies":[{"effect":"allow","permission_groups":[{"id":"x"},{"meta":null}]}]},
	  "after_unknown":{"id":true,"policies":[{"permission_groups":[{},{"id":true}],"resources":true}]}}},
	 {"address":"cloudflare_api_token.b","mode":"managed","type":"cloudflare_api_token","change":{"actions":["create"],
	  "after":{"name":"b"},"after_unknown":{"policies":true}}},
	 {"address":"cloudflare_api_token.c","mode":"managed","type":"cloudflare_api_token","change":{"actions":["create"],
	  "after":{"name":"c","policy":[null]},"after_unknown":{"policy":[true]}}}]}`
	doc, err := tokencheck.Read(strings.NewReader(plan))
	if err != nil {
		t.Fatal(err)
	}
	u := catalog.Unknown{}
	want := []any{
		[]any{map[string]any{"effect": "allow", "permission_groups": []any{map[string]any{"id": "x"}, map[string]any{"id": u, "meta": nil}}, "resources": u}},
		u,
		[]any{u},
	}
	for i, tok := range doc.Tokens {
		if got, w := describe(tok.Policies), describe(want[i]); got != w {
			t.Errorf("%s policies = %s, want %s", tok.Address, got, w)
		}
	}
	if doc.Tokens[2].Attribute != "policy" {
		t.Errorf("v4 attribute = %q", doc.Tokens[2].Attribute)
	}
}

// describe prints a decoded value with its unknowns, sorted.
func describe(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case catalog.Unknown:
			b.WriteString("?")
		case []any:
			b.WriteString("[")
			for _, e := range v {
				walk(e)
				b.WriteString(",")
			}
			b.WriteString("]")
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			b.WriteString("{")
			for _, k := range keys {
				b.WriteString(k + ":")
				walk(v[k])
				b.WriteString(",")
			}
			b.WriteString("}")
		case nil:
			b.WriteString("null")
		case string:
			b.WriteString(v)
		default:
			t := fmt.Sprintf("%T", v)
			b.WriteString(t)
		}
	}
	walk(v)
	return b.String()
}
