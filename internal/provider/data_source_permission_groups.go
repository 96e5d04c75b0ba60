package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

var (
	_ datasource.DataSource              = &permissionGroupsDataSource{}
	_ datasource.DataSourceWithConfigure = &permissionGroupsDataSource{}
)

type permissionGroupsDataSource struct {
	configuredCatalog
}

// newPermissionGroupsDataSource resolves many names at once, or filters the catalog.
func newPermissionGroupsDataSource() datasource.DataSource {
	return &permissionGroupsDataSource{}
}

func (d *permissionGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_permission_groups"
}

func (d *permissionGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves a list of permission names to ids in one read, keeping their order, " +
			"or selects groups from the catalog by `scope`, `access`, `category` and `name_regex`. " +
			"Every bad name is reported at once, each against its element of `names`: the first 20, then one summary " +
			"that counts the rest.",
		Attributes: map[string]schema.Attribute{
			"names": schema.ListAttribute{
				MarkdownDescription: "Permission names to resolve, in any form `cfperms_permission_group` accepts. " +
					"Order and duplicates are kept in `ids`; `groups` lists each group once. An id newer than the catalog passes through with a " +
					"warning, its group object holding only the id. Conflicts with `access`, `category` and `name_regex`.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.List{
					listvalidator.ConflictsWith(path.MatchRoot("access"), path.MatchRoot("category"), path.MatchRoot("name_regex")),
					validators.PermissionNames(validators.ScopeAt(path.MatchRoot("scope"))),
				},
			},
			"scope": schema.StringAttribute{
				MarkdownDescription: scopeDescription + " Without `names`, selects the groups of that scope.",
				Optional:            true,
				Validators:          []validator.String{validators.Scope()},
			},
			"access": schema.StringAttribute{
				MarkdownDescription: "Select groups by access: `read`, `write` or `other` (derived from the group's name).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOfCaseInsensitive(catalog.Accesses...)},
			},
			"category": schema.StringAttribute{
				MarkdownDescription: "Select groups by Cloudflare's category key, such as `developer_platform` or `dns_and_zones` " +
					"(the headings of the dashboard's token page; `cfperms_catalog.categories` lists them all). " +
					"Groups Cloudflare gives no category are never selected by it.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(categoryKeyPattern, categoryKeyHint)},
			},
			"name_regex": schema.StringAttribute{
				MarkdownDescription: "Select groups whose API name matches this [RE2](https://github.com/google/re2/wiki/Syntax) regular expression.",
				Optional:            true,
				Validators:          []validator.String{validators.Regexp()},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "Permission group ids: in the order of `names`, or sorted by API name for filters.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"groups": groupsAttribute("Each group once, in the order of first appearance in `ids`: duplicates in `names` " +
				"are kept in `ids` but not repeated here, so `groups` can feed a token policy directly."),
			"by_name": schema.MapAttribute{
				MarkdownDescription: "Map from each input name to its id. For filters, keyed by API name; a name that " +
					"exists in several selected scopes is keyed by its qualified form, such as `Zone > Logs Write`.",
				ElementType: types.StringType,
				Computed:    true,
			},
		},
	}
}

// Read works on raw Terraform values rather than through the framework's
// reflection: with a thousand names the conversions cost more than all the
// lookups, and this data source is meant to be as cheap as echoing a list.
// It reads the scope once, selects the groups (by names or by filters), and
// writes the state.
func (d *permissionGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		resp.Diagnostics.AddError("Unreadable configuration", err.Error())
		return
	}
	c := d.catalog()
	scope := rawString(config["scope"])
	scopeKey, err := c.ParseScope(scope)
	if err != nil {
		addCatalogError(&resp.Diagnostics, err, path.Root("scope"), path.Root("scope"))
		return
	}
	var sel []selected
	var ok bool
	if config["names"].IsNull() && noFilter(config) {
		resp.Diagnostics.AddError("Nothing to select", catalog.NoSelection())
		return
	}
	if config["names"].IsNull() {
		f := permissionGroupsFilter{scope: scope, access: rawString(config["access"]), category: rawString(config["category"]), nameRegex: rawString(config["name_regex"])}
		sel, ok = f.apply(c, scopeKey, resp)
	} else {
		sel, ok = selectNames(c, config["names"], scopeKey, resp)
	}
	if ok {
		resp.State.Raw = permissionGroupsState(req.Config.Raw.Type(), config, sel)
	}
}

// noFilter reports a configuration with neither names nor a filter, which
// would select every group of every scope.
func noFilter(config map[string]tftypes.Value) bool {
	for _, k := range []string{"scope", "access", "category", "name_regex"} {
		if !config[k].IsNull() {
			return false
		}
	}
	return true
}

// selected is one group the data source returns: the group, the scope it
// was resolved in, and the key by_name lists its id under.
type selected struct {
	group    catalog.Group
	scopeKey string
	key      string
}

// selectNames resolves the names, in order; one bad name fails them all,
// each reported at its element.
func selectNames(c *catalog.Catalog, list tftypes.Value, scopeKey string, resp *datasource.ReadResponse) ([]selected, bool) {
	var names []tftypes.Value
	if err := list.As(&names); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("names"), "Unreadable names", err.Error())
		return nil, false
	}
	if len(names) == 0 {
		resp.Diagnostics.AddAttributeError(path.Root("names"), "No permission names", catalog.EmptyNames())
		return nil, false
	}
	inputs := make([]*string, len(names))
	for i, v := range names {
		if !v.IsNull() {
			name := rawString(v)
			inputs[i] = &name
		}
	}
	matches, problems := resolveNames(c, inputs, scopeKey)
	if len(problems) > 0 {
		reportNameProblems(&resp.Diagnostics, problems)
		return nil, false
	}
	reportNameWarnings(&resp.Diagnostics, matches)
	sel := make([]selected, len(matches))
	for i, m := range matches {
		sel[i] = selected{group: m.Group, scopeKey: m.ScopeKey, key: *inputs[i]}
	}
	return sel, true
}

// permissionGroupsState is the configuration with ids, groups and by_name
// filled in. groups lists each group once, as a policy does; ids keeps
// every position.
func permissionGroupsState(typ tftypes.Type, config map[string]tftypes.Value, sel []selected) tftypes.Value {
	ids := make([]tftypes.Value, len(sel))
	objects := make([]tftypes.Value, 0, len(sel))
	byName := make(map[string]tftypes.Value, len(sel))
	listed := make(map[string]bool, len(sel))
	for i, s := range sel {
		ids[i] = tftypes.NewValue(tftypes.String, s.group.ID)
		byName[s.key] = ids[i]
		if !listed[s.group.ID] {
			listed[s.group.ID] = true
			objects = append(objects, groupValue(s.group, s.scopeKey))
		}
	}
	state := make(map[string]tftypes.Value, len(config))
	for k, v := range config {
		state[k] = v
	}
	state["ids"] = tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, ids)
	state["groups"] = tftypes.NewValue(tftypes.List{ElementType: groupTFType}, objects)
	state["by_name"] = tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, byName)
	return tftypes.NewValue(typ, state)
}

type permissionGroupsFilter struct {
	scope, access, category, nameRegex string
}

// categoryKeyPattern is the shape of a category key; whether the catalog has
// it is checked at read, where the catalog (perhaps live) is known.
var categoryKeyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

const categoryKeyHint = "must be a category key such as \"developer_platform\": letters, digits and underscores, " +
	"not the dashboard's heading (\"Developer Platform\"); cfperms_catalog.categories maps each key to its heading"

// apply selects groups; a filter that selects nothing is an error, since an
// empty list would mint a token with no permissions.
func (f permissionGroupsFilter) apply(c *catalog.Catalog, scopeKey string, resp *datasource.ReadResponse) ([]selected, bool) {
	filter, ok := f.catalogFilter(c, scopeKey, resp)
	if !ok {
		return nil, false
	}
	groups := c.List(filter)
	if len(groups) == 0 {
		resp.Diagnostics.AddError("No permission group matches the filters", catalog.NoFilterMatch(c.AsOf(), f.describe()))
		return nil, false
	}
	count := map[string]int{}
	for _, g := range groups {
		count[g.Name]++
	}
	sel := make([]selected, len(groups))
	for i, g := range groups {
		key := g.ScopeKey()
		if filter.ScopeKey != "" {
			key = filter.ScopeKey
		}
		name := g.Name
		if count[g.Name] > 1 { // a name in several selected scopes is keyed by its qualified form
			name = catalog.ScopeTitle(key) + " > " + g.Name
		}
		sel[i] = selected{group: g, scopeKey: key, key: name}
	}
	return sel, true
}

// catalogFilter reads the filter arguments, reporting the ones that are wrong.
func (f permissionGroupsFilter) catalogFilter(c *catalog.Catalog, scopeKey string, resp *datasource.ReadResponse) (catalog.Filter, bool) {
	filter := catalog.Filter{ScopeKey: scopeKey}
	filter.Access, _ = catalog.ParseAccess(f.access)
	var cerr *catalog.CategoryError
	if filter.Category, cerr = c.ParseCategory(f.category); cerr != nil {
		resp.Diagnostics.AddAttributeError(path.Root("category"), cerr.Summary(), cerr.Error())
		return filter, false
	}
	if f.nameRegex != "" {
		var err error
		if filter.NameRegex, err = regexp.Compile(f.nameRegex); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
			return filter, false
		}
	}
	return filter, true
}

func (f permissionGroupsFilter) describe() string {
	var parts []string
	for _, p := range [][2]string{{"scope", f.scope}, {"access", f.access}, {"category", f.category}, {"name_regex", f.nameRegex}} {
		if p[1] != "" {
			parts = append(parts, fmt.Sprintf("%s = %q", p[0], p[1]))
		}
	}
	if len(parts) == 0 {
		return "no filter"
	}
	return strings.Join(parts, ", ")
}
