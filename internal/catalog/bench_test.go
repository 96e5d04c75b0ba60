package catalog

import (
	"fmt"
	"strings"
	"testing"
)

var sink Match

func benchResolve(b *testing.B, input, scope string, wantErr bool) {
	c := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, err := c.Resolve(input, scope)
		if (err != nil) != wantErr {
			b.Fatalf("Resolve(%q, %q): %v", input, scope, err)
		}
		sink = m
	}
}

func BenchmarkResolveExact(b *testing.B) { benchResolve(b, "DNS Write", "zone", false) }
func BenchmarkResolveExactNoScope(b *testing.B) {
	benchResolve(b, "Workers Scripts Write", "", false)
}
func BenchmarkResolveCaseFolded(b *testing.B) { benchResolve(b, "dns write", "zone", false) }
func BenchmarkResolveQualified(b *testing.B)  { benchResolve(b, "Zone > DNS > Edit", "", false) }
func BenchmarkResolveID(b *testing.B)         { benchResolve(b, idDNSWrite, "", false) }
func BenchmarkResolveMissWithSuggestions(b *testing.B) {
	benchResolve(b, "Workers Script Edit", "account", true)
}
func BenchmarkResolveMissAnyScope(b *testing.B) { benchResolve(b, "DNS Wirte", "", true) }

// BenchmarkLoad is what the catalog costs at process start: parsing the
// embedded file and building every index.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		snap, err := ParseTSV(embeddedTSV)
		if err != nil {
			b.Fatal(err)
		}
		_ = New(snap)
	}
}

// BenchmarkNormalizeDeepEncoding shows normalising linear in the input:
// ns/op grows with the size, ns per byte does not.
func BenchmarkNormalizeDeepEncoding(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 80_000} {
		s := deepEncoded(n)
		b.Run(fmt.Sprintf("%dB", n), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				normSink = normalize(s)
			}
		})
	}
}

var normSink string

// calibrationWords is fixed work for BenchmarkCalibrate: strings built once.
var calibrationWords = func() []string {
	out := make([]string, 2000)
	for i := range out {
		out[i] = fmt.Sprintf("word %05d of the calibration set %d", (i*7919)%2000, i%13)
	}
	return out
}()

var calibrationSink int

// BenchmarkCalibrate is work of the same kind as the catalog's (strings,
// maps, allocation) that no change to this repository touches: make
// bench-check divides every budgeted benchmark by it, round by round, so a
// loaded machine, which slows both, does not fail a budget, while a
// regression of the code, which slows only the benchmark, does.
func BenchmarkCalibrate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := make(map[string]int, len(calibrationWords))
		for i, w := range calibrationWords {
			m[strings.ToLower(w)] = i
		}
		n := 0
		for _, w := range calibrationWords {
			n += m[strings.ToLower(w)] + strings.Count(w, "o")
		}
		calibrationSink = n
	}
}
