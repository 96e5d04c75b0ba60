package tokencheck_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/tokencheck"
)

// bigPlan is the JSON of a plan with tokens of policies each: every policy
// holds ten groups of the catalog and two resources, and one policy in
// unknownEvery holds an id the catalog lacks (a group newer than it), which
// costs a search for the known id it may be a mistyped copy of.
func bigPlan(b *testing.B, tokens, policies, unknownEvery int) []byte {
	b.Helper()
	groups := catalog.Default().Groups()
	changes := make([]any, tokens)
	for t := range changes {
		list := make([]any, policies)
		for p := range list {
			ids := make([]any, 10)
			for i := range ids {
				ids[i] = map[string]any{"id": groups[(t*policies*10+p*10+i)%len(groups)].ID}
			}
			if (t*policies+p)%unknownEvery == 0 {
				ids[9] = map[string]any{"id": fmt.Sprintf("%032x", t*policies+p)}
			}
			list[p] = map[string]any{"effect": "allow", "permission_groups": ids,
				"resources": `{"com.cloudflare.api.account.zone.*":"*","com.cloudflare.api.account.0123456789abcdef0123456789abcdef":"*"}`}
		}
		changes[t] = map[string]any{"address": fmt.Sprintf("module.m[%d].cloudflare_api_token.t", t), "mode": "managed", "type": "cloudflare_api_token",
			"change": map[string]any{"actions": []string{"create"}, "after": map[string]any{"name": "t", "policies": list}, "after_unknown": map[string]any{"id": true}}}
	}
	data, err := json.Marshal(map[string]any{"format_version": "1.2", "planned_values": map[string]any{}, "resource_changes": changes})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkCheckPlan reads and checks a plan of 200 tokens with 20 policies
// each, one unknown id per token; the target is under a second (see
// BENCHMARKS.md).
func BenchmarkCheckPlan(b *testing.B) { benchmarkCheckPlan(b, 20) }

// BenchmarkCheckPlanUnknownIDs is the same plan with an unknown id in every
// policy: 4000 of them, far more than a real plan holds.
func BenchmarkCheckPlanUnknownIDs(b *testing.B) { benchmarkCheckPlan(b, 1) }

func benchmarkCheckPlan(b *testing.B, unknownEvery int) {
	data := bigPlan(b, 200, 20, unknownEvery)
	c := catalog.Default()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		doc, err := tokencheck.Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if r := tokencheck.Check(c, doc); r.Tokens != 200 {
			b.Fatalf("checked %d tokens", r.Tokens)
		}
	}
}
