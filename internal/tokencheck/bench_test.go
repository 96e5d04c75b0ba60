package tokencheck_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
	"github.com/cfperms/terraform-provider-cfperms/internal/needs"
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

// otherResourcesPlan is the JSON of a plan of n resources that are not
// tokens, each with about a kilobyte of small values, and one token.
func otherResourcesPlan(b *testing.B, n int) []byte {
	b.Helper()
	filler := make(map[string]any, 24) // small values, as most attributes are
	for i := range 24 {
		filler[fmt.Sprintf("a%02d", i)] = map[string]any{"n": i, "on": true, "tags": []any{"x", i}}
	}
	changes := make([]any, 0, n+1)
	for i := range n {
		changes = append(changes, map[string]any{"address": fmt.Sprintf("cloudflare_dns_record.r[%d]", i), "mode": "managed", "type": "cloudflare_dns_record",
			"change": map[string]any{"actions": []string{"create"}, "after": filler, "after_unknown": map[string]any{"id": true}}})
	}
	changes = append(changes, map[string]any{"address": "cloudflare_api_token.t", "mode": "managed", "type": "cloudflare_api_token",
		"change": map[string]any{"actions": []string{"create"}, "after": map[string]any{"name": "t", "policies": []any{}}, "after_unknown": map[string]any{}}})
	data, err := json.Marshal(map[string]any{"format_version": "1.2", "planned_values": map[string]any{"root_module": map[string]any{"resources": changes}}, "resource_changes": changes})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkReadPlanOfOtherResources reads a plan of 20,000 resources that
// are not tokens (about 45 MB). Only tokens are decoded, so what a read
// allocates per byte of input (B/input-B) is mostly the input's own copies
// (the read buffer and the decoder's); decoding every resource allocated
// twice as much, in 30 times as many allocations, all alive at once.
func BenchmarkReadPlanOfOtherResources(b *testing.B) {
	data := otherResourcesPlan(b, 20000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		doc, err := tokencheck.Read(bytes.NewReader(data))
		if err != nil || len(doc.Tokens) != 1 {
			b.Fatalf("%d tokens, %v", len(doc.Tokens), err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(data)), "B/input-B")
}

// needsPlan is the JSON of a plan of n resource changes of the types the
// table knows, every action and both levels among them.
func needsPlan(b *testing.B, n int) []byte {
	b.Helper()
	types := []string{"cloudflare_dns_record", "cloudflare_workers_script", "cloudflare_access_rule", "cloudflare_page_rule", "cloudflare_ruleset", "cloudflare_zone_setting"}
	actions := [][]string{{"create"}, {"update"}, {"delete"}, {"delete", "create"}, {"no-op"}}
	changes := make([]any, n)
	for i := range changes {
		typ := types[i%len(types)]
		after := map[string]any{"name": fmt.Sprint(i), "content": "x"}
		if i%2 == 0 {
			after["zone_id"] = fmt.Sprintf("%032x", i%50)
		} else {
			after["account_id"] = fmt.Sprintf("%032x", i%7)
		}
		changes[i] = map[string]any{"address": fmt.Sprintf("module.m[%d].%s.r", i, typ), "mode": "managed", "type": typ,
			"provider_name": "registry.terraform.io/cloudflare/cloudflare",
			"change":        map[string]any{"actions": actions[i%len(actions)], "before": after, "after": after, "after_unknown": map[string]any{"id": true}}}
	}
	data, err := json.Marshal(map[string]any{"format_version": "1.2", "planned_values": map[string]any{}, "resource_changes": changes})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkNeeds reads a plan of 10,000 resource changes and works out
// what it needs; the target is well under a second (see BENCHMARKS.md).
func BenchmarkNeeds(b *testing.B) {
	data := needsPlan(b, 10000)
	c, table := catalog.Default(), needs.Default()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		changes, err := tokencheck.ReadChanges(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if r := table.Compute(c, changes.Changes); len(r.Groups) == 0 {
			b.Fatal("no groups")
		}
	}
}
