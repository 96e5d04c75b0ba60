package tokencheck

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// Formats WriteReport knows.
var Formats = []string{"text", "json", "github"}

// WriteReport prints the report as text for people, JSON for tools, or
// GitHub Actions workflow commands (annotations).
func WriteReport(w io.Writer, r Report, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "github":
		return writeLines(w, r, githubLine)
	case "text":
		return writeLines(w, r, textLine)
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

func writeLines(w io.Writer, r Report, line func(Finding) string) error {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(line(f))
		b.WriteByte('\n')
	}
	b.WriteString(r.Summary())
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Location is where a finding is: the resource address, and the policy in
// its attribute (module.ci.cloudflare_api_token.deploy.policies[0]).
func (f Finding) Location() string {
	loc := catalog.Printable(f.Address)
	switch {
	case f.Attribute == "":
	case f.Policy >= 0:
		loc += fmt.Sprintf(".%s[%d]", f.Attribute, f.Policy)
	default:
		loc += "." + f.Attribute
	}
	return loc
}

func textLine(f Finding) string {
	return fmt.Sprintf("%s: %s: %s", f.Location(), f.Severity, catalog.Printable(f.Message))
}

// githubLine is a workflow command: ::error title=...::message.
func githubLine(f Finding) string {
	command := "notice"
	switch f.Severity {
	case catalog.SeverityError:
		command = "error"
	case catalog.SeverityWarning:
		command = "warning"
	}
	return fmt.Sprintf("::%s title=%s::%s", command, githubProperty("cfperms: "+f.Summary()), githubData(f.Location()+": "+f.Message))
}

// githubData escapes a workflow command's message.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(catalog.Printable(s))
}

// githubProperty escapes a workflow command's property value.
func githubProperty(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(githubData(s))
}

// Summary is the closing line: what was checked, against what, and how it
// went.
func (r Report) Summary() string {
	where := fmt.Sprintf("the embedded catalog (snapshot of %s)", r.Catalog.AsOf)
	if r.Catalog.Live {
		where = fmt.Sprintf("Cloudflare's live list of permission groups (fetched %s)", r.Catalog.AsOf)
	}
	if r.Tokens == 0 && len(r.Findings) == 0 {
		return fmt.Sprintf("No cloudflare_api_token or cloudflare_account_token resources in this %s: nothing to check.", r.Input)
	}
	counts := "no findings"
	if len(r.Findings) > 0 {
		counts = fmt.Sprintf("%s, %s, %d skipped", plural(r.Counts.Errors, "error"), plural(r.Counts.Warnings, "warning"), r.Counts.Skipped)
	}
	return fmt.Sprintf("Checked %s in this %s against %s: %s.", plural(r.Tokens, "token"), r.Input, where, counts)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
