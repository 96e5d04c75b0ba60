// Command timeplan times `terraform plan` in each case folder and prints the
// medians and the ratios the targets are stated in, as Markdown.
//
// Runs are interleaved (round 1 of every case, then round 2, ...) so that a
// machine slowing down or speeding up mid-run moves every case alike and
// leaves the ratios alone, which sequential runs per case do not.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"
)

// ratio compares a cfperms case with the reference case it must stay near.
type ratio struct {
	name, reference string
	target          float64 // 0: reported without a target
}

var ratios = []ratio{
	{"cfperms_permission_group", "reference_constant", 1.10},
	{"cfperms_permission_groups_1000", "reference_echo_data_source_1000", 1.10},
	{"cfperms_permission_ids_1000", "reference_echo_function_1000", 1.10},
	{"cfperms_permission_id_calls_1000", "reference_echo_function_1000", 0},
	{"reference_constant", "hcl_locals_1000", 0},
}

func main() {
	terraform := flag.String("terraform", "terraform", "Terraform or OpenTofu CLI")
	runs := flag.Int("runs", 15, "timed runs per case (at least 7)")
	warmup := flag.Int("warmup", 2, "untimed rounds first")
	flag.Parse()
	if *runs < 7 {
		log.Fatal("-runs must be at least 7: the targets are medians of at least 7 runs")
	}
	dirs := flag.Args()
	sort.Strings(dirs)
	times := map[string][]time.Duration{}
	for round := 0; round < *warmup+*runs; round++ {
		for _, dir := range dirs {
			d, err := plan(*terraform, dir)
			if err != nil {
				log.Fatalf("%s: %v", dir, err)
			}
			if round >= *warmup {
				name := filepath.Base(dir)
				times[name] = append(times[name], d)
			}
		}
		fmt.Fprintf(os.Stderr, "round %d/%d done\n", round+1, *warmup+*runs)
	}

	medians := map[string]time.Duration{}
	fmt.Println("| Case | Runs | Median plan time | Min | Max |")
	fmt.Println("|---|---:|---:|---:|---:|")
	for _, dir := range dirs {
		name := filepath.Base(dir)
		ts := times[name]
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		medians[name] = ts[len(ts)/2]
		fmt.Printf("| `%s` | %d | %d ms | %d ms | %d ms |\n", name, len(ts), medians[name].Milliseconds(), ts[0].Milliseconds(), ts[len(ts)-1].Milliseconds())
	}
	fmt.Println()
	fmt.Println("| Ratio of medians | Value | Target | Met |")
	fmt.Println("|---|---:|---:|---|")
	failed := false
	for _, r := range ratios {
		a, b := medians[r.name], medians[r.reference]
		if a == 0 || b == 0 {
			continue
		}
		v := float64(a) / float64(b)
		target, met := "none", "-"
		if r.target > 0 {
			target, met = fmt.Sprintf("<= %.2fx", r.target), "yes"
			if v > r.target {
				met, failed = "**no**", true
			}
		}
		fmt.Printf("| `%s` / `%s` | %.3fx | %s | %s |\n", r.name, r.reference, v, target, met)
	}
	if failed {
		os.Exit(3)
	}
}

func plan(terraform, dir string) (time.Duration, error) {
	cmd := exec.Command(terraform, "-chdir="+dir, "plan", "-input=false", "-lock=false", "-refresh=false")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%v\n%s", err, out)
	}
	return elapsed, nil
}
