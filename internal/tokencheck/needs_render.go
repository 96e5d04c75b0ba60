package tokencheck

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
)

// NeedsFormats are the formats of WriteNeeds.
var NeedsFormats = []string{"text", "json", "hcl", "github"}

// NeedsReport is what a plan needs, and, when a token was named, how that
// token compares.
type NeedsReport struct {
	Input   string
	Catalog CatalogInfo
	// Provider is the Cloudflare provider release the table comes from.
	Provider string
	Result   needs.Result
	// Token is the address or file of the token compared, "" for none.
	Token string
	// TokenKind is the token's kind (TokenTypes) when the plan holds it, or
	// "" for a token's policies read from a file.
	TokenKind  string
	Comparison *needs.Comparison
}

// Errors counts the findings that fail the run: names where ids belong,
// and missing groups of a wholly known token (a group not seen in a partly
// known one may yet be granted).
func (r NeedsReport) Errors() int {
	if r.Comparison == nil {
		return 0
	}
	n := len(r.Comparison.Named)
	if r.Comparison.Complete {
		n += len(r.Comparison.Missing)
	}
	return n
}

// WriteNeedsFindings writes the findings alone, a line each: beside the hcl
// format, whose output is configuration only, they go to stderr, so a
// failing exit status always comes with its reasons.
func WriteNeedsFindings(w io.Writer, r NeedsReport) error {
	var b strings.Builder
	writeFindingLines(&b, r)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFindingLines is the text form of the findings, for text and stderr.
func writeFindingLines(b *strings.Builder, r NeedsReport) {
	for _, f := range needsFindings(r) {
		fmt.Fprintf(b, "%s: %s: %s\n", catalog.Printable(f.where), f.severity, catalog.Printable(f.message))
	}
}

// WriteNeeds prints the report in a format of NeedsFormats.
func WriteNeeds(w io.Writer, r NeedsReport, format string) error {
	var out string
	switch format {
	case "json":
		data, err := json.MarshalIndent(needsJSON(r), "", "  ")
		if err != nil {
			return err
		}
		out = string(data) + "\n"
	case "hcl":
		out = needsHCL(r)
	case "github":
		out = needsGitHub(r)
	case "text":
		out = needsText(r)
	default:
		return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(NeedsFormats, ", "))
	}
	_, err := io.WriteString(w, out)
	return err
}

type jsonGroup struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Scope string   `json:"scope"`
	For   []string `json:"for,omitempty"`
}

type jsonUnknown struct {
	Type      string   `json:"type"`
	Addresses []string `json:"addresses"`
}

type jsonToken struct {
	Address  string      `json:"address"`
	Complete bool        `json:"complete"`
	Missing  []jsonGroup `json:"missing"`
	Unused   []jsonGroup `json:"unused"`
}

type jsonNeeds struct {
	Groups  []jsonGroup   `json:"groups"`
	Unknown []jsonUnknown `json:"unknown"`
	Token   *jsonToken    `json:"token,omitempty"`
}

func groupJSON(g catalog.Group, forAddresses []string) jsonGroup {
	out := jsonGroup{ID: g.ID, Name: g.Name, Scope: g.Scope(), For: printableAll(forAddresses)}
	if out.For == nil && forAddresses != nil {
		out.For = []string{}
	}
	return out
}

func needsJSON(r NeedsReport) jsonNeeds {
	out := jsonNeeds{Groups: []jsonGroup{}, Unknown: []jsonUnknown{}}
	for _, n := range r.Result.Groups {
		out.Groups = append(out.Groups, groupJSON(n.Group, n.For))
	}
	for _, u := range r.Result.Unknown {
		out.Unknown = append(out.Unknown, jsonUnknown{Type: catalog.Printable(u.Type), Addresses: printableAll(u.Addresses)})
	}
	if c := r.Comparison; c != nil {
		t := &jsonToken{Address: catalog.Printable(r.Token), Complete: c.Complete, Missing: []jsonGroup{}, Unused: []jsonGroup{}}
		for _, n := range c.Missing {
			t.Missing = append(t.Missing, groupJSON(n.Group, n.For))
		}
		for _, g := range c.Unused {
			t.Unused = append(t.Unused, groupJSON(g, nil))
		}
		out.Token = t
	}
	return out
}

func printableAll(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = catalog.Printable(s)
	}
	return out
}

// needsFinding is one line of text or github output about the token or
// an unknown type.
type needsFinding struct {
	severity catalog.Severity
	title    string
	where    string
	message  string
}

func needsFindings(r NeedsReport) []needsFinding {
	var out []needsFinding
	for _, u := range r.Result.Unknown {
		out = append(out, needsFinding{catalog.SeverityWarning, "Permissions not known for " + u.Type, u.Type, needs.UnknownMessage(u)})
	}
	c := r.Comparison
	if c == nil {
		return out
	}
	if !c.Complete {
		out = append(out, needsFinding{catalog.SeverityWarning, "Token only partly known", r.Token, needs.IncompleteMessage})
	}
	for _, n := range c.Missing {
		// Only a wholly known token surely lacks a group: otherwise the
		// group may be in the part known after apply.
		severity, title := catalog.SeverityError, "Token lacks "+n.Group.Name
		if !c.Complete {
			severity, title = catalog.SeverityWarning, "Token may lack "+n.Group.Name
		}
		out = append(out, needsFinding{severity, title, r.Token, needs.MissingMessage(n, r.TokenKind == catalog.TokenKindAccount)})
	}
	for _, g := range c.Unused {
		severity, title := catalog.SeverityWarning, "Token grants more than the plan needs"
		if _, named := c.Named[g.ID]; named {
			// Cloudflare refuses the token's policies: a mistake, not breadth.
			severity, title = catalog.SeverityError, "Token holds a name where an id belongs"
		}
		out = append(out, needsFinding{severity, title, r.Token, needs.UnusedMessage(*c, g)})
	}
	return out
}

// source says what the answer was computed from.
func (r NeedsReport) source() string {
	return fmt.Sprintf("the permission groups the Cloudflare provider %s lists as accepted for each type (%s) and the embedded catalog (snapshot of %s)", r.Provider, needs.Caveat, r.Catalog.AsOf)
}

func needsText(r NeedsReport) string {
	var b strings.Builder
	switch n := len(r.Result.Groups); {
	case r.Result.Changes == 0:
		fmt.Fprintf(&b, "%s\n", noResources(r))
	case n == 0:
		fmt.Fprintf(&b, "No permission group could be named for this %s's %s (see below).\n", r.Input, things(r.Result.Changes))
	default:
		fmt.Fprintf(&b, "This %s needs %s for its %s:\n", r.Input, plural(n, "permission group"), things(r.Result.Changes))
		writeGroupTable(&b, r.Result.Groups)
	}
	writeFindingLines(&b, r)
	fmt.Fprintf(&b, "Worked out from %s.\n", r.source())
	return b.String()
}

func writeGroupTable(b *strings.Builder, groups []needs.Need) {
	width := 0
	for _, n := range groups {
		width = max(width, len(n.Group.Name))
	}
	for _, n := range groups {
		fmt.Fprintf(b, "  %-8s %-*s  %s  for %s\n", n.Group.Scope(), width, n.Group.Name, n.Group.ID, catalog.Printable(needs.Addresses(n.For)))
	}
}

func needsGitHub(r NeedsReport) string {
	var b strings.Builder
	for _, n := range r.Result.Groups {
		fmt.Fprintf(&b, "::notice title=%s::%s\n", githubProperty("cfperms: needs "+n.Group.Name),
			githubData(fmt.Sprintf("%s, id %s, for %s", needs.GroupLabel(n.Group), n.Group.ID, needs.Addresses(n.For))))
	}
	for _, f := range needsFindings(r) {
		command := "warning"
		if f.severity == catalog.SeverityError {
			command = "error"
		}
		fmt.Fprintf(&b, "::%s title=%s::%s\n", command, githubProperty("cfperms: "+f.title), githubData(f.where+": "+f.message))
	}
	fmt.Fprintf(&b, "cfperms-check needs: %s needed, %s without a known group%s.\n",
		plural(len(r.Result.Groups), "permission group"), plural(len(r.Result.Unknown), "type"), tokenSummary(r))
	return b.String()
}

func tokenSummary(r NeedsReport) string {
	if r.Comparison == nil {
		return ""
	}
	return fmt.Sprintf("; %s lacks %d and grants %d unused", catalog.Printable(r.Token), len(r.Comparison.Missing), len(r.Comparison.Unused))
}

// needsHCL is cfperms_token_policy data sources, one per scope, ready to
// paste: resource keys from the plan where it knows them, variables where
// it does not.
func needsHCL(r NeedsReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by cfperms-check needs: the permission groups this %s needs, from\n# %s.\n", r.Input, r.source())
	byScope := map[string][]needs.Need{}
	var scopes []string
	for _, n := range r.Result.Groups {
		s := n.Group.Scope()
		if byScope[s] == nil {
			scopes = append(scopes, s)
		}
		byScope[s] = append(byScope[s], n)
	}
	vars := map[string]bool{}
	var blocks strings.Builder
	var names []string
	for _, s := range scopes {
		name := "needs_" + hclName(s)
		names = append(names, "data.cfperms_token_policy."+name+".policies")
		writePolicyBlock(&blocks, name, byScope[s], vars)
	}
	for _, v := range sortedSet(vars) {
		if help, ok := variableHelp[v]; ok {
			fmt.Fprintf(&b, "\nvariable %q {\n  description = %q\n  type        = string\n}\n", v, help)
		} else {
			fmt.Fprintf(&b, "\nvariable %q {\n  type = string\n}\n", v)
		}
	}
	b.WriteString(blocks.String())
	for _, u := range r.Result.Unknown {
		fmt.Fprintf(&b, "\n# Not covered: %s\n", hclComment(needs.UnknownMessage(u)))
	}
	if len(names) > 0 {
		fmt.Fprintf(&b, "\n# In the token: policies = concat(%s)\n", strings.Join(names, ", "))
	} else if r.Result.Changes == 0 {
		fmt.Fprintf(&b, "\n# %s\n", noResources(r))
	}
	return b.String()
}

// variableHelp says where the id a variable stands for is found; a key
// the plan knows only after apply is the id of the resource it creates.
var variableHelp = map[string]string{
	"account_id": "The account's id: the dashboard shows it on the account's home page.",
	"zone_id":    "The zone's id: the dashboard shows it on the zone's Overview page.",
	"user_id":    "The id of the user the token belongs to: GET /user returns it.",
}

// noResources is the answer for a plan or state with nothing of the
// Cloudflare provider in it.
func noResources(r NeedsReport) string {
	return fmt.Sprintf("No resources of the Cloudflare provider in this %s: it needs no permission group.", r.Input)
}

func writePolicyBlock(b *strings.Builder, name string, groups []needs.Need, vars map[string]bool) {
	fmt.Fprintf(b, "\ndata \"cfperms_token_policy\" %q {\n  permissions = [\n", name)
	// Aligned as terraform fmt aligns them, so the output passes fmt -check.
	names := make([]string, len(groups))
	for i, n := range groups {
		names[i] = fmt.Sprintf("%q,", n.Group.Name)
	}
	width := maxWidth(names)
	for i, n := range groups {
		fmt.Fprintf(b, "    %s%s # %s, for %s\n", names[i], pad(names[i], width), n.Group.ID, hclComment(needs.Addresses(n.For)))
	}
	b.WriteString("  ]\n  resources = {\n")
	keys := resourceKeys(groups, vars)
	width = maxWidth(keys)
	for _, key := range keys {
		fmt.Fprintf(b, "    %s%s = \"*\"\n", key, pad(key, width))
	}
	b.WriteString("  }\n}\n")
}

// resourceKeys are the HCL keys of a scope's policy: the ids the plan
// knows, and a variable for those it knows only after apply or not at all
// (a zone left out would be a 403 at apply).
func resourceKeys(groups []needs.Need, vars map[string]bool) []string {
	scope := groups[0].Group.ScopeKey()
	ids := map[string]bool{}
	variable, unknown := "", false
	for _, n := range groups {
		switch scope {
		case catalog.ScopeKeyAccount:
			addAll(ids, n.Accounts)
			variable, unknown = "account_id", unknown || n.UnknownAccount
		case catalog.ScopeKeyZone:
			addAll(ids, n.Zones)
			variable, unknown = "zone_id", unknown || n.UnknownZone
		case catalog.ScopeKeyUser:
			variable = "user_id"
		default:
			variable = hclName(catalog.ShortScope(scope)) + "_id"
		}
	}
	var keys []string
	for _, id := range sortedSet(ids) {
		if hclSafeID(id) {
			keys = append(keys, fmt.Sprintf("%q", scope+"."+id))
		}
	}
	if len(keys) == 0 || unknown {
		vars[variable] = true
		keys = append(keys, fmt.Sprintf("\"%s.${var.%s}\"", scope, variable))
	}
	return keys
}

func maxWidth(list []string) int {
	width := 0
	for _, s := range list {
		width = max(width, utf8.RuneCountInString(s))
	}
	return width
}

// pad is the spaces that bring s to width.
func pad(s string, width int) string {
	return strings.Repeat(" ", width-utf8.RuneCountInString(s))
}

func addAll(set map[string]bool, list []string) {
	for _, s := range list {
		set[s] = true
	}
}

func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// hclSafeID: an id from the plan goes into the HCL only if it is plainly
// an id (letters and digits), never something that could close a string
// or interpolate.
func hclSafeID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	return strings.IndexFunc(id, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9')
	}) < 0
}

func hclName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}

// hclComment keeps a comment on its line.
func hclComment(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(catalog.Printable(s))
}

// things counts the Cloudflare resources and data sources of the input.
func things(n int) string {
	if n == 1 {
		return "1 Cloudflare resource or data source"
	}
	return fmt.Sprintf("%d Cloudflare resources and data sources", n)
}
