package needs_test

import (
	"regexp"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
)

// Every level required_permissions advises writing, for every type of the
// table that works at both levels, is then answered: advice that fails when
// followed (cloudflare_access_rule@zone did) is worse than none.
func TestLevelAdviceCanBeFollowed(t *testing.T) {
	t.Parallel()
	c, tb := catalog.Default(), needs.Default()
	written := regexp.MustCompile(`\bcloudflare_[a-z0-9_]+@(?:account|zone)\b`)
	advised := 0
	for _, e := range tb.Entries() {
		if e.APIScope != needs.APIScopeAccountOrZone || e.Kind != needs.KindResource {
			continue
		}
		for _, access := range []needs.Access{needs.AccessWrite, needs.AccessRead} {
			_, problems := tb.ForTypes(c, []*string{&e.Type}, access)
			if len(problems) != 1 {
				t.Fatalf("%s (%s): %d problems, want the one asking for a level", e.Type, access, len(problems))
			}
			for _, typ := range written.FindAllString(problems[0].Message, -1) {
				advised++
				if _, p := tb.ForTypes(c, []*string{&typ}, access); len(p) > 0 {
					t.Errorf("%s (%s) advises %s, which then fails: %s", e.Type, access, typ, p[0].Message)
				}
			}
		}
	}
	if advised == 0 {
		t.Fatal("no type's answer advised a level: the test checked nothing")
	}
}
