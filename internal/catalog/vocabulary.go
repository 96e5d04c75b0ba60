package catalog

// This file is the hand-curated vocabulary: names people write that are not
// API names. The generated groups live in groups.tsv; nothing here is
// generated. Each entry carries where it comes from, so a reviewer can check it.
//
// The general rules (case and spacing, URL-encoding, "Edit" for "Write",
// "Zone > DNS > Edit" forms, "Cache Purge: Purge") are code in normalize.go;
// only names no rule can derive are listed here.

// alias maps a name in one scope to one API name, or on purpose to several
// when the evidence fits more than one group: those always answer with an
// ambiguity error that lists every candidate.
type alias struct {
	scope   string // short scope
	name    string
	targets []string // API names in the same scope
	kind    MatchKind
	note    string // provenance, one line
	// newer marks a name Cloudflare adopted after this snapshot: the warning
	// then says the catalog is behind, not that the user is.
	newer bool
}

const (
	seedAPI  = "Cloudflare docs \"API token permissions\", API table"
	seedDash = "Cloudflare docs \"API token permissions\", Dashboard table"
)

var vocabulary = []alias{
	// Docs labels: the docs page's API tables use product names the API spells
	// differently. Each pairing was checked against the group's id and
	// description in the List permission groups response.
	{"account", "Account Filter Lists Read", []string{"Account Rule Lists Read"}, MatchDocsLabel, seedAPI + "; filter lists were renamed rule lists", false},
	{"account", "Account Filter Lists Write", []string{"Account Rule Lists Write"}, MatchDocsLabel, seedAPI + "; filter lists were renamed rule lists", false},
	{"account", "API Gateway Read", []string{"Account API Gateway Read"}, MatchDocsLabel, seedAPI + "; account-wide API Gateway read", false},
	{"account", "API Gateway Write", []string{"Account API Gateway"}, MatchDocsLabel, seedAPI + "; the API group has no Write suffix", false},
	{"account", "Bulk URL Redirects Read", []string{"Mass URL Redirects Read"}, MatchDocsLabel, seedAPI + "; product name of Mass URL Redirects", false},
	{"account", "Bulk URL Redirects Write", []string{"Mass URL Redirects Write"}, MatchDocsLabel, seedAPI + "; product name of Mass URL Redirects", false},
	{"account", "Cloudflare Images Read", []string{"Images Read"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Cloudflare Images Write", []string{"Images Write"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Cloudflare Pages Read", []string{"Pages Read"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Cloudflare Pages Write", []string{"Pages Write"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "L3/4 DDoS Managed Ruleset Read", []string{"L4 DDoS Managed Ruleset Read"}, MatchDocsLabel, seedAPI + "; the API says L4", false},
	{"account", "L3/4 DDoS Managed Ruleset Write", []string{"L4 DDoS Managed Ruleset Write"}, MatchDocsLabel, seedAPI + "; the API says L4", false},
	{"account", "Magic Network Monitoring Read", []string{"Magic Network Monitoring Config Read"}, MatchDocsLabel, seedAPI + "; the only MNM read group", false},
	{"account", "Magic Network Monitoring Write", []string{"Magic Network Monitoring Config Write", "Magic Network Monitoring Admin"}, MatchDocsLabel, seedAPI + "; ambiguous: both MNM write groups fit", false},
	{"account", "Page Shield Write", []string{"Page Shield"}, MatchDocsLabel, seedAPI + "; account write group has no suffix (zone has Page Shield Write)", false},
	{"account", "Pub/Sub Read", []string{"Pubsub Configuration Read"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Pub/Sub Write", []string{"Pubsub Configuration Write"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Turnstile Read", []string{"Turnstile Sites Read"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Turnstile Write", []string{"Turnstile Sites Write"}, MatchDocsLabel, seedAPI + "; product name", false},
	{"account", "Zero Trust Seats Write", []string{"Zero Trust: Seats Write"}, MatchDocsLabel, seedAPI + "; the API has a colon", false},
	{"zone", "API Gateway Read", []string{"Domain API Gateway Read"}, MatchDocsLabel, seedAPI + "; this id carried the name in 2022-2023 dumps", false},
	{"zone", "API Gateway Write", []string{"Domain API Gateway"}, MatchDocsLabel, seedAPI + "; this id carried the name in 2022-2023 dumps", false},
	{"zone", "Bot Management Feedback Read", []string{"Bot Management Feedback Report Read"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Bot Management Feedback Write", []string{"Bot Management Feedback Report Write"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Cache Rules Read", []string{"Cache Settings Read"}, MatchDocsLabel, seedAPI + "; Cache Rules are stored as cache settings", false},
	{"zone", "Cache Rules Write", []string{"Cache Settings Write"}, MatchDocsLabel, seedAPI + "; Cache Rules are stored as cache settings", false},
	{"zone", "Config Rules Read", []string{"Config Settings Read"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Config Rules Write", []string{"Config Settings Write"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Custom Error Rules Read", []string{"Custom Errors Read"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Custom Error Rules Write", []string{"Custom Errors Write"}, MatchDocsLabel, seedAPI, false},
	{"zone", "DMARC Management Read", []string{"Email Security DMARC Reports Read"}, MatchDocsLabel, seedAPI, false},
	{"zone", "DMARC Management Write", []string{"Email Security DMARC Reports Write"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Dynamic Redirect Read", []string{"Dynamic URL Redirects Read"}, MatchDocsLabel, seedAPI + "; Single Redirects", false},
	{"zone", "Dynamic Redirect Write", []string{"Dynamic URL Redirects Write"}, MatchDocsLabel, seedAPI + "; Single Redirects", false},
	{"zone", "Managed Headers Read", []string{"Managed headers Read"}, MatchDocsLabel, seedAPI + "; differs only in case", false},
	{"zone", "Managed Headers Write", []string{"Managed headers Write"}, MatchDocsLabel, seedAPI + "; differs only in case", false},
	{"zone", "Origin Rules Read", []string{"Origin Read"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Origin Rules Write", []string{"Origin Write"}, MatchDocsLabel, seedAPI, false},
	{"zone", "Page Shield Read", []string{"Domain Page Shield Read"}, MatchDocsLabel, seedAPI + "; the exact name is an account group", false},
	{"zone", "Transform Rules Read", []string{"Zone Transform Rules Read"}, MatchDocsLabel, seedAPI + "; the exact name is an account group", false},
	{"zone", "Transform Rules Write", []string{"Zone Transform Rules Write"}, MatchDocsLabel, seedAPI + "; the exact name is an account group", false},
	{"zone", "Waiting Room Read", []string{"Waiting Rooms Read"}, MatchDocsLabel, seedAPI + "; singular in the docs", false},
	{"zone", "Waiting Room Write", []string{"Waiting Rooms Write"}, MatchDocsLabel, seedAPI + "; singular in the docs", false},
	{"zone", "Zaraz Write", []string{"Zaraz Edit", "Zaraz Admin"}, MatchDocsLabel, seedAPI + "; ambiguous: Zaraz Edit edits, Zaraz Admin also publishes", false},

	// Dashboard names that the Edit-for-Write rule cannot derive, because the
	// access word sits mid-name.
	{"account", "Magic Firewall Packet Captures - Edit PCAPs API", []string{"Magic Firewall Packet Captures - Write PCAPs API"}, MatchDashboard, seedDash, false},

	// Renamed groups (same id, older name) are in former-names.tsv, tied to
	// the group by id.
}

// accessOverrides gives the access of groups whose names carry no Read or
// Write, by id, where Cloudflare's own description of the group says what
// it grants.
var accessOverrides = map[string]Access{
	"440e6958bcc947329f8d56328d7322ce": AccessWrite, // Page Shield (account): "Grants write access to Page Shield"
	"6134079371904d8ebd77931c8ca07e50": AccessWrite, // Domain Page Shield: "Grants write access to Page Shield"
	"5e5d3e8efeec49f3afb67bafecbcd511": AccessWrite, // Account API Gateway: "Grants full access to API-Gateway Management"
	"f0235726de25444a84f704b7c93afadf": AccessWrite, // Domain API Gateway: "Grants full access to API-Gateway Management"
}
