package tokencheck

import (
	"io"
	"strings"

	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
)

// Changes is what ReadChanges found: every resource instance of the
// Cloudflare provider in a plan or state, and the tokens, for comparing.
type Changes struct {
	// Kind is "plan" or "state".
	Kind    string
	Changes []needs.Change
	Tokens  []Token
}

// ReadChanges reads the JSON of terraform show -json for `cfperms-check
// needs`. A plan's resource changes each count with their actions, and
// the data sources it read while planning (its prior state) as reads; a
// state's resources count as reads, what a refresh does. Of every
// resource only the fields needs reads are decoded.
func ReadChanges(r io.Reader) (Changes, error) {
	var tokenDoc document
	var doc changesDocument
	if err := readShow(r, MaxInput, &tokenDoc.header, &tokenDoc, &doc); err != nil {
		return Changes{}, err
	}
	tokens, err := tokenDoc.tokens()
	if err != nil {
		return Changes{}, err
	}
	out := Changes{Kind: tokens.Kind, Tokens: tokens.Tokens}
	if out.Kind == "plan" {
		out.Changes = doc.planChanges()
	} else if doc.Values != nil && doc.Values.RootModule != nil {
		out.Changes = doc.Values.RootModule.changes(nil, nil)
	}
	return out, nil
}

// changesDocument is the fields needs reads of every resource; the tokens
// are read as document, from the same input.
type changesDocument struct {
	Changes []changeOf `json:"resource_changes"`
	Values  *struct {
		RootModule *changeModule `json:"root_module"`
	} `json:"values"`
	PriorState *struct {
		Values *struct {
			RootModule *changeModule `json:"root_module"`
		} `json:"values"`
	} `json:"prior_state"`
}

// levelIDs are the two attributes that say where a change is made.
type levelIDs struct {
	AccountID any `json:"account_id"`
	ZoneID    any `json:"zone_id"`
}

type changeOf struct {
	Address      string `json:"address"`
	Mode         string `json:"mode"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	Change       struct {
		Actions      []string  `json:"actions"`
		Before       *levelIDs `json:"before"`
		After        *levelIDs `json:"after"`
		AfterUnknown *levelIDs `json:"after_unknown"`
	} `json:"change"`
}

type changeModule struct {
	Resources []struct {
		Address      string   `json:"address"`
		Mode         string   `json:"mode"`
		Type         string   `json:"type"`
		ProviderName string   `json:"provider_name"`
		Values       levelIDs `json:"values"`
	} `json:"resources"`
	ChildModules []changeModule `json:"child_modules"`
}

// isCloudflare reports whether a resource is the Cloudflare provider's:
// by its provider's address, or, where the JSON has none, its type.
func isCloudflare(provider, typ string) bool {
	if provider != "" {
		return strings.HasSuffix(provider, "/cloudflare/cloudflare")
	}
	return strings.HasPrefix(typ, "cloudflare_")
}

func kindOf(mode string) needs.Kind {
	if mode == "data" {
		return needs.KindDataSource
	}
	return needs.KindResource
}

func (d *changesDocument) planChanges() []needs.Change {
	var out []needs.Change
	planned := map[string]bool{}
	for _, rc := range d.Changes {
		planned[rc.Address] = true
		if !isCloudflare(rc.ProviderName, rc.Type) {
			continue
		}
		ch := needs.Change{Address: rc.Address, Type: rc.Type, Kind: kindOf(rc.Mode), Access: needs.ActionsAccess(rc.Change.Actions)}
		if ch.Kind == needs.KindDataSource {
			ch.Access = needs.AccessRead
		}
		ids := rc.Change.After
		if ids == nil {
			ids = rc.Change.Before
		}
		setLevel(&ch, ids, rc.Change.AfterUnknown)
		out = append(out, ch)
	}
	if d.PriorState != nil && d.PriorState.Values != nil && d.PriorState.Values.RootModule != nil {
		out = d.PriorState.Values.RootModule.changes(out, func(address, mode string) bool { return mode == "data" && !planned[address] })
	}
	return out
}

// changes walks a module and its children; keep, if set, selects.
func (m *changeModule) changes(out []needs.Change, keep func(address, mode string) bool) []needs.Change {
	for _, r := range m.Resources {
		if !isCloudflare(r.ProviderName, r.Type) || keep != nil && !keep(r.Address, r.Mode) {
			continue
		}
		ch := needs.Change{Address: r.Address, Type: r.Type, Kind: kindOf(r.Mode), Access: needs.AccessRead}
		setLevel(&ch, &r.Values, nil)
		out = append(out, ch)
	}
	for i := range m.ChildModules {
		out = m.ChildModules[i].changes(out, keep)
	}
	return out
}

// setLevel records which of account_id and zone_id a change sets, and
// their values where known.
func setLevel(ch *needs.Change, ids, unknown *levelIDs) {
	if ids != nil {
		ch.AccountID, _ = ids.AccountID.(string)
		ch.ZoneID, _ = ids.ZoneID.(string)
	}
	ch.SetsAccountID = ch.AccountID != "" || unknown != nil && unknown.AccountID == true
	ch.SetsZoneID = ch.ZoneID != "" || unknown != nil && unknown.ZoneID == true
}
