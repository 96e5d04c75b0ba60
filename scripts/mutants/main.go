// Command mutants applies, one at a time, the breaks issue 16 found the
// suite let through, each to a scratch copy of the work tree, and runs the
// tests that should notice. A break the tests do not notice (a survivor), a
// break whose text is no longer in the code (stale: the list needs updating)
// and a break that does not compile are all failures: the list is a promise
// that every one of these breaks is caught.
//
// It complements gremlins (make mutate runs both): gremlins generates small
// operator mutations everywhere; this list holds the breaks that matter to
// users, which no operator mutation expresses (a validator dropped, live mode
// turned on by an environment variable, the token written to stderr).
//
//	go run ./scripts/mutants            # every mutant
//	go run ./scripts/mutants -run size  # the mutants whose name matches
//	go run ./scripts/mutants -list      # print the list
//
// With -uncovered, it reads a gremlins JSON report (gremlins unleash -o
// FILE) instead and tests the mutants gremlins reported NOT COVERED: gremlins
// skips any mutant outside a block of Go's coverage profile, which leaves out
// every case expression of a switch even when the tests run it, so its
// efficacy says nothing about them. Each is applied with gremlins' own
// operator and the package tests run; the verdicts are printed with the kill
// rate over every viable mutant (gremlins' killed and lived included), and
// the run fails when that rate is under -threshold. DESIGN.md explains the
// survivors.
//
//	go run ./scripts/mutants -uncovered catalog.json -pkg ./internal/catalog
//
// Provider mutants run acceptance tests: they need Terraform on PATH (or
// TF_ACC_TERRAFORM_PATH) and TF_CLI_CONFIG_FILE=/dev/null, as make mutate sets.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// mutant is one deliberate break: replacing from (which must occur exactly
// once in file) with to, after which go test -run tests on pkgs must fail.
type mutant struct {
	name     string
	file     string
	from, to string
	pkgs     []string
	tests    string // the -run pattern of the tests that kill it
}

const (
	catalogPkg    = "./internal/catalog/"
	validatorsPkg = "./internal/validators/"
	providerPkg   = "./internal/provider/"
	generatorPkg  = "./cmd/cfperms-catalog/"
)

// mutants is the list. Each names the test meant to kill it in tests; a
// survivor means that test (or the behaviour) regressed.
var mutants = []mutant{
	{
		name: "policy-size-off-by-one", file: "internal/catalog/policy.go",
		from: "n > MaxPolicyGroups", to: "n >= MaxPolicyGroups",
		pkgs: []string{catalogPkg}, tests: "^TestPolicySizeBoundary$",
	},
	{
		name: "policy-size-check-dropped", file: "internal/catalog/policy.go",
		from: "\tck.checkSize()\n", to: "\n",
		pkgs: []string{catalogPkg}, tests: "^TestPolicySizeBoundary$",
	},
	{
		name: "user-resource-allowed-in-account-token", file: "internal/catalog/policy_resources.go",
		from: "case key.ScopeKey == ScopeKeyUser:", to: "case key.ScopeKey == ScopeKeyUser && false:",
		pkgs: []string{catalogPkg}, tests: "^TestCheckPolicy$",
	},
	{
		name: "cross-scope-did-you-mean-dropped", file: "internal/catalog/suggest.go",
		from: "\treturn c.suggestIn(n, \"\")\n}", to: "\treturn nil\n}",
		pkgs: []string{catalogPkg}, tests: "^TestCrossScopeSuggestion$",
	},
	{
		name: "wrong-scope-names-no-other-scope", file: "internal/catalog/resolve.go",
		from:  "return &Error{Kind: ErrWrongScope, Input: input, ScopeKey: scopeKey, OtherScopes: c.candidates(miss.elsewhere, \"\"), AsOf: c.asOf}",
		to:    "return &Error{Kind: ErrWrongScope, Input: input, ScopeKey: scopeKey, AsOf: c.asOf}",
		pkgs:  []string{catalogPkg},
		tests: "^TestCrossScopeSuggestion$",
	},
	{
		name: "two-character-typos-lose-their-suggestion", file: "internal/catalog/suggest.go",
		from: "limit: max(2, len(n)/4)", to: "limit: max(1, len(n)/4)",
		pkgs: []string{catalogPkg}, tests: "^TestTwoCharacterTypos$",
	},
	{
		name: "unknown-name-resolves-to-group-0", file: "internal/catalog/resolve.go",
		from:  "\treturn Match{}, c.missError(input, n, scopeKey, miss)\n",
		to:    "\tif len(c.groups) > 0 {\n\t\treturn Match{Group: c.groups[0], ScopeKey: c.groups[0].ScopeKey(), Input: input, Kind: MatchCaseFolded}, nil\n\t}\n\treturn Match{}, c.missError(input, n, scopeKey, miss)\n",
		pkgs:  []string{catalogPkg},
		tests: "^FuzzResolve$",
	},
	{
		name: "requested-scope-ignored", file: "internal/catalog/resolve.go",
		from:  "\t\tif scopeKey != \"\" && r.scopeKey != scopeKey {\n\t\t\tcontinue\n\t\t}\n\t\tif best >= 0",
		to:    "\t\tif best >= 0",
		pkgs:  []string{catalogPkg},
		tests: "^(FuzzResolve|TestEveryAPINameResolvesToItsOwnGroup)$",
	},
	{
		// One exact API name (those of length 23) resolves to the next group.
		name: "an-api-name-resolves-to-another-group", file: "internal/catalog/resolve.go",
		from:  "\t\t\treturn c.matchOf(r, input, &form{}), nil\n",
		to:    "\t\t\tm := c.matchOf(r, input, &form{})\n\t\t\tif len(input) == 23 {\n\t\t\t\tm.Group = c.groups[(c.byID[m.Group.ID]+1)%len(c.groups)]\n\t\t\t}\n\t\t\treturn m, nil\n",
		pkgs:  []string{catalogPkg},
		tests: "^TestEveryAPINameResolvesToItsOwnGroup$",
	},
	{
		name: "normalise-only-lowers-case", file: "internal/catalog/normalize.go",
		from: "func normalize(s string) string { return normalizeCounted(s, maxDecodeRounds, nil) }",
		to:   "func normalize(s string) string { return strings.ToLower(s) }",
		pkgs: []string{catalogPkg}, tests: "^FuzzNormalize$",
	},
	{
		name: "unknown-scope-treated-as-known", file: "internal/validators/permission_name.go",
		from: "\t\tif s.IsUnknown() {\n\t\t\tknown = false\n\t\t}\n", to: "",
		pkgs: []string{providerPkg}, tests: "^TestValidateUnknownScope$",
	},
	{
		name: "permission-group-name-not-validated", file: "internal/validators/permission_name.go",
		from: "func (v permissionNameValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {\n",
		to:   "func (v permissionNameValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {\n\tif true {\n\t\treturn\n\t}\n",
		pkgs: []string{providerPkg}, tests: "^TestValidateCatchesTypos$",
	},
	{
		name: "permission-group-names-not-validated", file: "internal/validators/permission_names.go",
		from: "func (v permissionNamesValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {\n",
		to:   "func (v permissionNamesValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {\n\tif true {\n\t\treturn\n\t}\n",
		pkgs: []string{providerPkg}, tests: "^TestValidateCatchesTypos$",
	},
	{
		name: "token-policy-validate-config-does-nothing", file: "internal/provider/data_source_token_policy.go",
		from: "func (d *tokenPolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {\n",
		to:   "func (d *tokenPolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {\n\tif true {\n\t\treturn\n\t}\n",
		pkgs: []string{providerPkg}, tests: "^TestValidateCatchesTypos$",
	},
	{
		name: "scope-not-validated", file: "internal/validators/scope.go",
		from: "func (v scopeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {\n",
		to:   "func (v scopeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {\n\tif true {\n\t\treturn\n\t}\n",
		pkgs: []string{providerPkg}, tests: "^TestValidateCatchesTypos$",
	},
	{
		name: "live-mode-on-whenever-CLOUDFLARE_API_TOKEN-is-set", file: "internal/provider/provider.go",
		from: "\tif !config.LiveCatalog.ValueBool() {\n\t\treturn embedded, diags\n\t}\n",
		to:   "\tif !config.LiveCatalog.ValueBool() && os.Getenv(\"CLOUDFLARE_API_TOKEN\") == \"\" {\n\t\treturn embedded, diags\n\t}\n",
		pkgs: []string{providerPkg}, tests: "^TestBinaryOfflineWithTokenInEnvironment$",
	},
	{
		name: "token-written-to-stderr", file: "internal/provider/provider.go",
		from: "\tlive, err := fetchLive(ctx, settings)\n",
		to:   "\t_, _ = os.Stderr.WriteString(\"token: \" + settings.token + \"\\n\")\n\tlive, err := fetchLive(ctx, settings)\n",
		pkgs: []string{providerPkg}, tests: "^TestBinaryNeverLogsTheToken$",
	},
	{
		name: "generator-force-reports-success-without-writing", file: "cmd/cfperms-catalog/main.go",
		from: "\tif err := writeCatalog(*out, data); err != nil {\n\t\treturn err\n\t}\n",
		to:   "\tif !*force {\n\t\tif err := writeCatalog(*out, data); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n",
		pkgs: []string{generatorPkg}, tests: "^TestGenerateRefusesShrink$",
	},
}

func main() {
	only := flag.String("run", "", "only the mutants whose name matches this regular expression")
	list := flag.Bool("list", false, "print the mutants and exit")
	verbose := flag.Bool("v", false, "print the test output of killed mutants too")
	uncovered := flag.String("uncovered", "", "test the NOT COVERED mutants of this gremlins JSON report instead of the list")
	pkg := flag.String("pkg", "./internal/catalog", "with -uncovered: the directory gremlins was run on")
	threshold := flag.Float64("threshold", 90, "with -uncovered: the lowest kill rate, in percent, over every viable mutant")
	whole := flag.Bool("whole", false, "run every test of the mutants' packages, not only the tests named to kill them")
	flag.Parse()
	if *list {
		for _, m := range mutants {
			fmt.Printf("%-50s %s\n", m.name, m.file)
		}
		return
	}
	if *uncovered != "" {
		if err := runUncovered(*uncovered, *pkg, *threshold, *verbose); err != nil {
			fmt.Fprintln(os.Stderr, "mutants:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*only, *whole, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "mutants:", err)
		os.Exit(1)
	}
}

func run(only string, whole, verbose bool) error {
	pattern, err := regexp.Compile(only)
	if err != nil {
		return err
	}
	scratch, err := scratchCopy()
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(scratch) }()
	var failed []string
	for _, m := range mutants {
		if !pattern.MatchString(m.name) {
			continue
		}
		start := time.Now()
		verdict, output := try(scratch, m, whole)
		fmt.Printf("%-10s %-50s %5.1fs\n", verdict, m.name, time.Since(start).Seconds())
		if verdict != "killed" {
			failed = append(failed, m.name)
		}
		if verdict != "killed" || verbose {
			fmt.Print(indent(output))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d mutants not killed: %s", len(failed), strings.Join(failed, ", "))
	}
	return nil
}

// try applies one mutant in scratch, runs its tests and restores the file.
// The verdict is "killed", "survived", "stale" (the text to replace is not
// in the file exactly once) or "broken" (the mutant does not compile).
func try(scratch string, m mutant, whole bool) (verdict, output string) {
	path := filepath.Join(scratch, m.file)
	original, err := os.ReadFile(path)
	if err != nil {
		return "stale", err.Error() + "\n"
	}
	if n := bytes.Count(original, []byte(m.from)); n != 1 {
		return "stale", fmt.Sprintf("%s holds the text to replace %d times, not once: update the mutant\n", m.file, n)
	}
	mutated := bytes.Replace(original, []byte(m.from), []byte(m.to), 1)
	if err := os.WriteFile(path, mutated, 0o600); err != nil {
		return "broken", err.Error() + "\n"
	}
	defer func() { _ = os.WriteFile(path, original, 0o600) }()

	args := []string{"test", "-count=1", "-timeout", "20m"}
	if !whole {
		args = append(args, "-run", m.tests)
	}
	args = append(args, m.pkgs...)
	cmd := exec.Command("go", args...)
	cmd.Dir = scratch
	out, err := cmd.CombinedOutput()
	if bytes.Contains(out, []byte("no tests to run")) {
		return "stale", "no test matches " + m.tests + "\n" + string(out)
	}
	return testVerdict(out, err)
}

// testVerdict reads a mutant's `go test` run: the tests passed (it
// survived), failed (killed), or never ran (broken).
func testVerdict(out []byte, err error) (verdict, output string) {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return "survived", string(out)
	case !errors.As(err, &exit):
		return "broken", err.Error() + "\n"
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return "broken", string(out)
	}
	return "killed", string(out)
}

// scratchCopy is a new temporary directory holding copyWorkTree's copy;
// the caller removes it.
func scratchCopy() (string, error) {
	scratch, err := os.MkdirTemp("", "cfperms-mutants-")
	if err != nil {
		return "", err
	}
	if err := copyWorkTree(scratch); err != nil {
		_ = os.RemoveAll(scratch)
		return "", err
	}
	return scratch, nil
}

// copyWorkTree copies the files git knows of (committed or not, ignored
// ones left out) into dir, as scripts/refresh-check.sh does.
func copyWorkTree(dir string) error {
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	out, err := ls.Output()
	if err != nil {
		return fmt.Errorf("git ls-files: %w", err)
	}
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if f == "" {
			continue
		}
		if err := copyFile(f, filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if errors.Is(err, os.ErrNotExist) {
		return nil // deleted in the work tree, not yet in the index
	}
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	info, err := in.Stat()
	if err != nil || info.IsDir() {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// indent sets a test run's output off from the verdicts, keeping its tail.
func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > 40 {
		lines = append([]string{"..."}, lines[len(lines)-40:]...)
	}
	return "    " + strings.Join(lines, "\n    ") + "\n"
}

// gremlinsReport is the part of gremlins' JSON report this reads.
type gremlinsReport struct {
	Files []struct {
		FileName  string `json:"file_name"`
		Mutations []struct {
			Type   string `json:"type"`
			Status string `json:"status"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"mutations"`
	} `json:"files"`
}

// operators maps gremlins' mutator types to the token replacements they make.
var operators = map[string]map[token.Token]string{
	"ARITHMETIC_BASE":       {token.ADD: "-", token.SUB: "+", token.MUL: "/", token.QUO: "*", token.REM: "*"},
	"CONDITIONALS_BOUNDARY": {token.LSS: "<=", token.LEQ: "<", token.GTR: ">=", token.GEQ: ">"},
	"CONDITIONALS_NEGATION": {token.EQL: "!=", token.NEQ: "==", token.LSS: ">=", token.LEQ: ">", token.GTR: "<=", token.GEQ: "<"},
	"INCREMENT_DECREMENT":   {token.INC: "--", token.DEC: "++"},
	"INVERT_NEGATIVES":      {token.SUB: "+"},
}

// runUncovered tests the mutants a gremlins report left NOT COVERED.
func runUncovered(report, pkg string, threshold float64, verbose bool) error {
	data, err := os.ReadFile(report)
	if err != nil {
		return err
	}
	var rep gremlinsReport
	if err := json.Unmarshal(data, &rep); err != nil {
		return fmt.Errorf("%s: %w", report, err)
	}
	scratch, err := scratchCopy()
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(scratch) }()
	counts := map[string]int{}
	var survived []string
	for _, f := range rep.Files {
		file := filepath.Join(filepath.Clean(pkg), f.FileName)
		for _, m := range f.Mutations {
			switch m.Status {
			case "KILLED", "TIMED OUT":
				counts["gremlins killed"]++
				continue
			case "LIVED":
				counts["gremlins lived"]++
				survived = append(survived, fmt.Sprintf("%s:%d:%d %s (gremlins)", file, m.Line, m.Column, m.Type))
				continue
			case "NOT COVERED":
			default:
				continue
			}
			where := fmt.Sprintf("%s:%d:%d %s", file, m.Line, m.Column, m.Type)
			verdict, output := tryAt(scratch, file, m.Line, m.Column, m.Type, pkg)
			counts[verdict]++
			fmt.Printf("%-10s %s\n", verdict, where)
			if verdict == "survived" {
				survived = append(survived, where)
			}
			if verdict == "stale" {
				fmt.Print(indent(output))
			}
			if verbose {
				fmt.Print(indent(output))
			}
		}
	}
	killed := counts["gremlins killed"] + counts["killed"]
	viable := killed + counts["gremlins lived"] + counts["survived"]
	fmt.Printf("\nNOT COVERED by gremlins: killed %d, survived %d, not viable %d, stale %d\n", counts["killed"], counts["survived"], counts["broken"], counts["stale"])
	fmt.Printf("with gremlins' own (killed %d, lived %d): %d of %d viable mutants killed\n", counts["gremlins killed"], counts["gremlins lived"], killed, viable)
	if viable == 0 {
		return errors.New("no viable mutant in the report")
	}
	rate := 100 * float64(killed) / float64(viable)
	fmt.Printf("kill rate %.1f%% (threshold %.0f%%); survivors:\n", rate, threshold)
	for _, s := range survived {
		fmt.Println("  " + s)
	}
	if counts["stale"] > 0 {
		return fmt.Errorf("%d mutants of the report are not in the code: run gremlins again", counts["stale"])
	}
	if rate < threshold {
		return fmt.Errorf("kill rate %.1f%% is under %.0f%%", rate, threshold)
	}
	return nil
}

// tryAt applies gremlins' operator kind to the token at line:column of file
// in scratch, runs the tests of pkg and its subpackages, and restores the
// file. A mutant that does not compile is "broken" (gremlins: not viable).
func tryAt(scratch, file string, line, column int, kind, pkg string) (verdict, output string) {
	path := filepath.Join(scratch, file)
	original, err := os.ReadFile(path)
	if err != nil {
		return "stale", err.Error() + "\n"
	}
	offset, tok, ok := tokenAt(original, line, column)
	replacement, known := operators[kind][tok]
	if !ok || !known {
		return "stale", fmt.Sprintf("no %s operator at %s:%d:%d (found %q)\n", kind, file, line, column, tok)
	}
	mutated := append(append(append([]byte(nil), original[:offset]...), replacement...), original[offset+len(tok.String()):]...)
	if err := os.WriteFile(path, mutated, 0o600); err != nil {
		return "broken", err.Error() + "\n"
	}
	defer func() { _ = os.WriteFile(path, original, 0o600) }()
	cmd := exec.Command("go", "test", "-count=1", "-timeout", "10m", "./"+filepath.ToSlash(filepath.Clean(pkg))+"/...")
	cmd.Dir = scratch
	out, err := cmd.CombinedOutput()
	return testVerdict(out, err)
}

// tokenAt finds the operator token at line:column (1-based, in bytes) of
// Go source, and its byte offset.
func tokenAt(src []byte, line, column int) (offset int, tok token.Token, ok bool) {
	fset := token.NewFileSet()
	f := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(f, src, nil, 0)
	for {
		pos, t, _ := s.Scan()
		if t == token.EOF {
			return 0, 0, false
		}
		p := fset.Position(pos)
		if p.Line == line && p.Column == column {
			return p.Offset, t, true
		}
		if p.Line > line {
			return 0, 0, false
		}
	}
}
