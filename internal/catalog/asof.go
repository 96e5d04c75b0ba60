package catalog

// estimatedAsOf holds, by date, the snapshots whose date is an estimate
// rather than a date the response carried, with what the estimate rests on.
// Keyed by the date so that a refresh with a dated response (a new as_of)
// drops the note by itself. The 2026-08-31 response is a user-endpoint
// response with no date; its contents place it after 2026-05-27 and before
// mid-September 2026, and the dashboard's per-scope counts of 2026-08-31
// match it (the notes that came with the response).
var estimatedAsOf = map[string]string{
	"2026-08-31": "Cloudflare's response carries no date; its contents place it between 2026-05-27 and mid-September 2026",
}

// EmbeddedAsOfText is the embedded snapshot's date as docs show it: the
// date, and when the date is an estimate, that it is one and why. Docs
// (the provider's description and the permission groups guide) use it so
// a reader knows how far to trust the date.
func EmbeddedAsOfText() string {
	date := EmbeddedAsOf()
	if why, ok := estimatedAsOf[date]; ok {
		return date + " (an estimated date: " + why + ")"
	}
	return date
}
