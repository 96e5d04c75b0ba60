package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ParseResources reads a policy's resources in either shape the Cloudflare
// provider v5 takes them: a map from resource key to "*" (or, in the
// account-nested form, to a map of keys), as versions 5.0 to 5.12 and the
// Cloudflare API take it, or that map as a JSON string, as 5.13 and later
// take it (`jsonencode`). v holds plain Go values, as encoding/json decodes
// them: map[string]any, []any, string, bool, a number, or nil.
//
// Keys come back sorted. A string value other than "*" is left for
// CheckPolicy to report; a value that is neither a string nor a map, and a
// whole that is not a map, are errors worded for the user.
func ParseResources(v any) ([]Resource, error) {
	if s, ok := v.(string); ok {
		decoded, err := decodeResourcesJSON(s)
		if err != nil {
			return nil, err
		}
		v = decoded
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, resourcesError(notAMapText(describeValue(v)))
	}
	return resourcesOf(m, "resources")
}

// resourcesOf reads one level of the map; at names the level, as Terraform
// indexes it, for error messages.
func resourcesOf(m map[string]any, at string) ([]Resource, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]Resource, 0, len(keys))
	for _, k := range keys {
		where := fmt.Sprintf("%s[%q]", at, k)
		switch value := m[k].(type) {
		case string:
			out = append(out, Resource{Key: k, Value: value})
		case map[string]any:
			nested, err := resourcesOf(value, where)
			if err != nil {
				return nil, err
			}
			out = append(out, Resource{Key: k, Nested: nested})
		default:
			return nil, resourcesError(fmt.Sprintf("%s is %s, but Cloudflare grants a resource only with \"*\" (or, under an account key, with a map of keys to \"*\").",
				where, describeValue(value)))
		}
	}
	return out, nil
}

// decodeResourcesJSON reads resources written as a JSON string.
func decodeResourcesJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errors.New("text after the JSON value")
		}
	}
	if err != nil {
		return nil, resourcesError(fmt.Sprintf("resources is the string %s, which is not a map written as JSON (%s). %s", shortQuote(s), jsonProblem(err), resourcesShapeAdvice))
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, resourcesError(notAMapText("a JSON string of " + describeValue(v)))
	}
	return v, nil
}

// resourcesError is a complete sentence for the user, so it ends with a full
// stop, which error strings built with fmt.Errorf should not.
type resourcesError string

func (e resourcesError) Error() string { return string(e) }

const resourcesShapeAdvice = `Write a map from resource key to "*", such as { "com.cloudflare.api.account.zone.*" = "*" }, or jsonencode() of one.`

func notAMapText(what string) string {
	return fmt.Sprintf("resources is %s, but Cloudflare takes a map. %s", what, resourcesShapeAdvice)
}

// jsonProblem says where JSON went wrong, without Go's type names.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("invalid JSON at character %d", syntax.Offset)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "the JSON ends too soon"
	}
	return "invalid JSON"
}

// describeValue names a value's kind in plain words.
func describeValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %s", shortQuote(v))
	case bool:
		return fmt.Sprintf("%t", v)
	case json.Number, float64, float32, int, int64:
		return fmt.Sprintf("the number %v", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	}
	return "neither a map nor a string"
}

// shortQuote quotes a string for a message, cut short: it may be anything.
func shortQuote(s string) string {
	const limit = 60
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

// ResourcesValue is resources as nested Go maps: strings for plain values,
// maps for the account-nested form.
func ResourcesValue(resources []Resource) map[string]any {
	m := make(map[string]any, len(resources))
	for _, r := range resources {
		if r.Nested != nil {
			m[r.Key] = ResourcesValue(r.Nested)
			continue
		}
		m[r.Key] = r.Value
	}
	return m
}

// ResourcesJSON is resources as the JSON string the Cloudflare provider 5.13
// and later take (what jsonencode gives), with keys sorted so the text is
// stable.
func ResourcesJSON(resources []Resource) string {
	data, _ := json.Marshal(ResourcesValue(resources)) // maps of strings always marshal
	return string(data)
}

// Nested reports whether any resource uses the account-nested form, which
// the Cloudflare provider 5.0 to 5.12 cannot express.
func Nested(resources []Resource) bool {
	for _, r := range resources {
		if r.Nested != nil {
			return true
		}
	}
	return false
}
