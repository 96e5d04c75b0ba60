package validators

import (
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// LiveMode reports whether names are checked against Cloudflare's live list
// rather than the embedded catalog. The provider gives it to every validator
// of every data source it serves (see LiveAware), so no data source wires it
// by hand: a name the embedded catalog lacks may then be a group Cloudflare
// added since, and only the read, against the live list, may reject it.
type LiveMode func() bool

func (l LiveMode) on() bool { return l != nil && l() }

// Defers is the live-mode rule in one place: an error that depends on the
// catalog's contents (catalog's DependsOnCatalog) waits for the read while
// live mode is on.
func (l LiveMode) Defers(dependsOnCatalog bool) bool { return dependsOnCatalog && l.on() }

// LiveAwareString is a string validator whose checks of which groups exist
// can wait for live data; the provider applies InLiveMode to it.
type LiveAwareString interface {
	validator.String
	InLiveMode(LiveMode) validator.String
}

// LiveAwareList is the same for list validators.
type LiveAwareList interface {
	validator.List
	InLiveMode(LiveMode) validator.List
}

// deferredToRead reports whether an error waits for the read.
func deferredToRead(e *catalog.Error, live LiveMode) bool {
	return live.Defers(e.DependsOnCatalog())
}
