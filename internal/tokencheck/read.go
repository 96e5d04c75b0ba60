// Package tokencheck finds the Cloudflare token resources in the JSON of
// `terraform show -json` (a plan or a state, Terraform's or OpenTofu's) and
// checks their policies against the catalog. It is the whole of
// cfperms-check but for flags and exit codes.
package tokencheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// TokenTypes are the resource types checked, with the kind of token each is.
var TokenTypes = map[string]string{
	"cloudflare_api_token":     catalog.TokenKindUser,
	"cloudflare_account_token": catalog.TokenKindAccount,
}

// MaxInput bounds the input: the JSON of a plan with thousands of resources
// is a few tens of megabytes.
const MaxInput = 256 << 20

// Token is one token resource instance of a plan or state.
type Token struct {
	Address string
	Type    string
	// Attribute is where its policies are: "policies" (v5) or "policy" (v4).
	Attribute string
	// Policies is the attribute's value, decoded, with catalog.Unknown for
	// what is known only after apply.
	Policies any
	// NotChecked says why the token is not checked (it is being destroyed,
	// or is a deposed object), or is "".
	NotChecked string
}

// Document is what Read found.
type Document struct {
	// Kind is "plan" or "state".
	Kind   string
	Tokens []Token
}

// InputError is input that is not the JSON of terraform show -json.
type InputError struct{ Problem string }

func (e *InputError) Error() string { return e.Problem }

func inputError(format string, args ...any) error {
	return &InputError{Problem: fmt.Sprintf(format, args...)}
}

const showHint = "Pass the output of `terraform show -json PLANFILE` (or of `terraform show -json` for the state)."

// Read reads the JSON of terraform show -json, of a plan or of a state.
func Read(r io.Reader) (Document, error) { return readAtMost(r, MaxInput) }

func readAtMost(r io.Reader, limit int64) (Document, error) {
	var doc document
	if err := readShow(r, limit, &doc.header, &doc); err != nil {
		return Document{}, err
	}
	return doc.tokens()
}

// readShow reads the JSON of terraform show -json into doc, whose header
// is h, and then into each of also: the one place that says what input is
// not such JSON.
func readShow(r io.Reader, limit int64, h *header, doc any, also ...any) error {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	switch {
	case err != nil:
		return inputError("reading the input: %v", err)
	case int64(len(data)) > limit:
		return inputError("the input is larger than %s, more than any plan's JSON.", size(limit))
	case len(bytes.TrimSpace(data)) == 0:
		return inputError("the input is empty. %s", showHint)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return inputError("the input is a saved plan file, not its JSON. Run `terraform show -json PLANFILE` and check that.")
	}
	if err := decodeOne(data, doc, h); err != nil {
		return err
	}
	for _, other := range also {
		if err := json.Unmarshal(data, other); err != nil {
			return inputError("the input does not have the shape of terraform show -json output: %s.", jsonProblem(err))
		}
	}
	return nil
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// decodeOne decodes exactly one JSON document, saying what the input is
// when it is something else.
func decodeOne(data []byte, doc any, h *header) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(doc)
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typ):
		return inputError("the input does not have the shape of terraform show -json output: %s.", jsonProblem(err))
	case err != nil:
		return inputError("the input is not JSON (%s). %s", jsonProblem(err), showHint)
	case dec.More() && h.Level != nil:
		return inputError("the input is the log of `terraform plan -json`, not a plan. Save the plan with `terraform plan -out=PLANFILE` and pass `terraform show -json PLANFILE`.")
	case dec.More():
		return inputError("the input holds more than one JSON document. %s", showHint)
	case h.FormatVersion == nil:
		return inputError("the input is JSON, but not the output of terraform show -json: it has no format_version. %s", showHint)
	case !strings.HasPrefix(*h.FormatVersion, "1.") && !strings.HasPrefix(*h.FormatVersion, "0."):
		// Terraform 0.12 to 1.0 wrote 0.1 and 0.2, the same shape for what
		// this checker reads; 1.x is every later CLI and OpenTofu.
		return inputError("the input's format_version is %q; this checker reads formats 0.x and 1.x. Use a cfperms-check release that knows it.", *h.FormatVersion)
	}
	return nil
}

// jsonProblem says what is wrong with the JSON without naming Go types.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("%s, at byte %d", syntax.Error(), syntax.Offset)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the input"
		}
		return fmt.Sprintf("%s is %s where %s belongs", field, withArticle(typ.Value), jsonKind(typ.Type))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "it ends too soon"
	}
	return err.Error()
}

func withArticle(v string) string {
	if v == "" {
		return "a value"
	}
	if strings.ContainsRune("aeiou", rune(v[0])) {
		return "an " + v
	}
	return "a " + v
}

// jsonKind names what a Go type decodes from.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

// document is the part of terraform show -json output read here: a plan
// has resource_changes, a state has values (and an empty state neither).
// Only tokens are decoded: every other resource is skipped as it is read,
// so memory follows the tokens, not the plan (a 100 MB plan of other
// resources took 5 GB when each was decoded).
type document struct {
	header
	PlannedValues   presence         `json:"planned_values"`
	ResourceChanges []resourceChange `json:"resource_changes"`
	Values          *struct {
		RootModule *module `json:"root_module"`
	} `json:"values"`
}

// header is what every show -json document is recognised by.
type header struct {
	FormatVersion *string `json:"format_version"`
	// Level is set in the lines of terraform plan -json, a log.
	Level *string `json:"@level"`
}

// presence records that a field is there, without keeping its value.
type presence bool

func (p *presence) UnmarshalJSON([]byte) error {
	*p = true
	return nil
}

type resourceChange struct {
	Address string `json:"address"`
	Mode    string `json:"mode"`
	Type    string `json:"type"`
	Deposed string `json:"deposed"`
	Change  struct {
		Actions      []string `json:"actions"`
		After        any      `json:"after"`
		AfterUnknown any      `json:"after_unknown"`
	} `json:"change"`
}

// UnmarshalJSON decodes a token's change, and of any other resource only
// its mode and type.
func (rc *resourceChange) UnmarshalJSON(data []byte) error {
	type whole resourceChange // the same fields, without this method
	return decodeIfToken(data, &rc.Mode, &rc.Type, (*whole)(rc))
}

type module struct {
	Resources    []stateResource `json:"resources"`
	ChildModules []module        `json:"child_modules"`
}

type stateResource struct {
	Address    string         `json:"address"`
	Mode       string         `json:"mode"`
	Type       string         `json:"type"`
	Values     map[string]any `json:"values"`
	DeposedKey string         `json:"deposed_key"`
}

// UnmarshalJSON decodes a token's values, and of any other resource only
// its mode and type.
func (r *stateResource) UnmarshalJSON(data []byte) error {
	type whole stateResource // the same fields, without this method
	return decodeIfToken(data, &r.Mode, &r.Type, (*whole)(r))
}

// isToken reports whether a resource of this mode and type is checked.
func isToken(mode, typ string) bool { return mode == "managed" && TokenTypes[typ] != "" }

// decodeIfToken reads a resource's mode and type, and decodes the whole of
// it into whole only when it is a token.
func decodeIfToken(data []byte, mode, typ *string, whole any) error {
	var head struct {
		Mode string `json:"mode"`
		Type string `json:"type"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return err
	}
	*mode, *typ = head.Mode, head.Type
	if !isToken(head.Mode, head.Type) {
		return nil
	}
	return json.Unmarshal(data, whole)
}

func (d *document) tokens() (Document, error) {
	if d.PlannedValues || d.ResourceChanges != nil {
		return Document{Kind: "plan", Tokens: d.planTokens()}, nil
	}
	out := Document{Kind: "state"}
	if d.Values != nil && d.Values.RootModule != nil {
		out.Tokens = d.Values.RootModule.tokens(nil)
	}
	return out, nil
}

// planTokens reads resource_changes: every resource instance of the plan,
// in every module, with what it will be after apply.
func (d *document) planTokens() []Token {
	var out []Token
	for _, rc := range d.ResourceChanges {
		if !isToken(rc.Mode, rc.Type) {
			continue
		}
		t := Token{Address: rc.Address, Type: rc.Type}
		t.NotChecked = notChecked(rc)
		if t.NotChecked == "" {
			t.Attribute, t.Policies = policiesOf(rc.Change.After, rc.Change.AfterUnknown)
		}
		out = append(out, t)
	}
	return out
}

// notChecked says why a planned token is not checked: only what the plan
// leaves behind matters.
func notChecked(rc resourceChange) string {
	actions := strings.Join(rc.Change.Actions, ",")
	switch {
	case rc.Deposed != "":
		return fmt.Sprintf("a deposed object (%s) left by an earlier replacement; this plan destroys it, so it is not checked.", catalog.Printable(rc.Deposed))
	case actions == "delete":
		return "this plan destroys it, so it is not checked."
	case actions == "forget":
		return "this plan removes it from the state without destroying it, so it is not checked."
	case rc.Change.After == nil && rc.Change.AfterUnknown != true:
		return "the plan gives it no value after apply, so it is not checked."
	}
	return ""
}

// tokens walks a state module and its children.
func (m *module) tokens(out []Token) []Token {
	for _, r := range m.Resources {
		if !isToken(r.Mode, r.Type) {
			continue
		}
		t := Token{Address: r.Address, Type: r.Type}
		if r.DeposedKey != "" {
			t.NotChecked = fmt.Sprintf("a deposed object (%s) left by a failed replacement; the next apply destroys it, so it is not checked.", catalog.Printable(r.DeposedKey))
		} else {
			t.Attribute, t.Policies = policiesOf(r.Values, nil)
		}
		out = append(out, t)
	}
	for i := range m.ChildModules {
		out = m.ChildModules[i].tokens(out)
	}
	return out
}

// policiesOf finds a token's policies in its values, v5's `policies` or
// v4's `policy` blocks, with the unknown parts marked.
func policiesOf(values, unknown any) (attribute string, policies any) {
	if unknown == true {
		return "policies", catalog.Unknown{}
	}
	v, _ := values.(map[string]any)
	u, _ := unknown.(map[string]any)
	for _, name := range []string{"policies", "policy"} {
		value, known := v[name]
		unknownPart, isUnknown := u[name]
		if known || isUnknown {
			return name, withUnknowns(value, unknownPart)
		}
	}
	return "policies", nil
}

// withUnknowns puts catalog.Unknown where after_unknown says a value is
// known only after apply (plan JSON leaves such values out, or null in a
// list, and marks them true in after_unknown).
func withUnknowns(value, unknown any) any {
	switch u := unknown.(type) {
	case bool:
		if u {
			return catalog.Unknown{}
		}
	case map[string]any:
		m, ok := value.(map[string]any)
		if !ok || len(u) == 0 {
			return value
		}
		out := make(map[string]any, len(m)+len(u))
		for k, v := range m {
			out[k] = v
		}
		for k, uk := range u {
			out[k] = withUnknowns(m[k], uk)
		}
		return out
	case []any:
		l, ok := value.([]any)
		if !ok {
			return value
		}
		out := make([]any, len(l))
		for i, v := range l {
			out[i] = v
			if i < len(u) {
				out[i] = withUnknowns(v, u[i])
			}
		}
		return out
	}
	return value
}
