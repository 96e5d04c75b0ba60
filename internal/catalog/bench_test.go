package catalog

import (
	"fmt"
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
