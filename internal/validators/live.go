package validators

import (
	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// LiveMode reports whether names are checked against Cloudflare's live list
// rather than the embedded catalog. A provider configured with live_catalog
// passes one to its validators: a name the embedded catalog lacks may then be
// a group Cloudflare added since, so only the read, against the live list,
// may reject it.
type LiveMode func() bool

func (l LiveMode) on() bool { return l != nil && l() }

// deferredToRead reports whether an error depends on which groups exist,
// which in live mode only the read can tell.
func deferredToRead(e *catalog.Error, live LiveMode) bool {
	if !live.on() {
		return false
	}
	switch e.Kind {
	case catalog.ErrUnknownName, catalog.ErrUnknownID, catalog.ErrWrongScope, catalog.ErrAmbiguous:
		return true
	}
	return false
}
