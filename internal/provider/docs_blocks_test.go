package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docsBlockSkips are the docs code blocks that cannot be planned here, by
// file and the text that identifies the block, each with the reason. None
// today: blocks that create Cloudflare tokens are planned against the
// stand-in of the release their version constraint names.
var docsBlockSkips = []struct{ file, contains, reason string }{}

// docsBlock is one ```terraform block of the README or the docs.
type docsBlock struct {
	file, text string
	index      int // the block's position in its file, from 1
}

// docsBlocks extracts every ```terraform block of README.md and docs/.
func docsBlocks(t *testing.T) []docsBlock {
	t.Helper()
	root := filepath.Join("..", "..")
	files := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(root, "docs"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, _ := filepath.Rel(root, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fence := regexp.MustCompile("(?ms)^```terraform\n(.*?)^```")
	var blocks []docsBlock
	for _, file := range files {
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range fence.FindAllStringSubmatch(string(data), -1) {
			blocks = append(blocks, docsBlock{file: file, text: m[1], index: i + 1})
		}
	}
	return blocks
}

// TestDocsCodeBlocksPlan plans every ```terraform block of README.md and
// docs/ with the real provider binary, so no snippet a user copies can rot:
// no diagnostic but the dev_overrides notice, every check block passing,
// and every output whose comment shows a value equal to it. Blocks that
// are fragments are completed, not skipped: the provider is declared when
// the block does not declare it, each variable it uses but does not declare
// gets a placeholder id, and a live_catalog provider block is pointed at a
// loopback server. Blocks identical to an example are left to TestExamples.
func TestDocsCodeBlocksPlan(t *testing.T) {
	t.Parallel()
	rc := installedProvider(t)
	examples := map[string]bool{}
	for _, file := range exampleFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		examples[strings.TrimSpace(string(data))] = true
	}
	blocks := docsBlocks(t)
	if len(blocks) == 0 {
		t.Fatal("no ```terraform blocks found in README.md and docs/")
	}
	planned, skipsUsed := 0, map[int]bool{}
	for _, b := range blocks {
		if examples[strings.TrimSpace(b.text)] {
			continue
		}
		if i := slices.IndexFunc(docsBlockSkips, func(s struct{ file, contains, reason string }) bool {
			return s.file == b.file && strings.Contains(b.text, s.contains)
		}); i >= 0 {
			skipsUsed[i] = true
			continue
		}
		planned++
		t.Run(fmt.Sprintf("%s#%d", b.file, b.index), func(t *testing.T) {
			t.Parallel()
			config, env := completeFragment(t, b.text)
			skipUnsupported(t, config)
			withCloudflare(t, config, func(t *testing.T, cloudflare []string) {
				checkDocsBlock(t, rc, config, append(env, cloudflare...))
			})
		})
	}
	if planned == 0 {
		t.Fatal("every docs block was skipped or left to TestExamples: this test planned nothing")
	}
	for i, s := range docsBlockSkips {
		if !skipsUsed[i] {
			t.Errorf("the skip of %s (%q) matches no block: remove it", s.file, s.contains)
		}
	}
}

// checkDocsBlock validates and plans one completed docs block: no
// diagnostic but the dev_overrides notice, every check block passing, and
// every output whose comment shows a value equal to it.
func checkDocsBlock(t *testing.T, rc, config string, env []string) {
	t.Helper()
	dir := writeConfig(t, config)
	validateInstalled(t, rc, dir, env...)
	run := planInstalled(t, rc, dir, env...)
	if d := unexpectedDiagnostics(run.diags); len(d) > 0 {
		t.Fatalf("planning the block reported:\n%s\nthe block, as planned:\n%s", describe(d), config)
	}
	expectChecksPass(t, run, strings.Count("\n"+config, "\ncheck \""))
	for output, value := range commentedOutputs(t, config) {
		expectOutput(t, run, output+" (as its comment says)", output, value)
	}
}

// completeFragment makes a docs block plannable on its own, and returns the
// environment its plan needs.
func completeFragment(t *testing.T, block string) (config string, env []string) {
	t.Helper()
	config = block
	if !strings.Contains(config, "required_providers") {
		config = cliHeader + config
	}
	declared := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?ms)^variable "([^"]+)" \{(?:([^\n]*)\}$|\n(.*?)^\})`).FindAllStringSubmatch(config, -1) {
		declared[m[1]] = true
		if !strings.Contains(m[2]+m[3], "default") {
			// Declared as a user's configuration would, without a value:
			// give it one as a user would, from the environment.
			env = append(env, "TF_VAR_"+m[1]+"="+placeholderID)
		}
	}
	for _, m := range regexp.MustCompile(`\bvar\.([A-Za-z_][A-Za-z0-9_-]*)`).FindAllStringSubmatch(config, -1) {
		if !declared[m[1]] {
			declared[m[1]] = true
			config += fmt.Sprintf("\nvariable %q {\n  type    = string\n  default = %q\n}\n", m[1], placeholderID)
		}
	}
	if strings.Contains(config, "live_catalog") {
		// Documented live mode, against a loopback server only.
		srv := newFakeCloudflare(t, "")
		provider := regexp.MustCompile(`(?m)^provider "cfperms" \{\n`)
		if !provider.MatchString(config) {
			t.Fatalf("a block that mentions live_catalog has no provider block to point at a test server:\n%s", config)
		}
		config = provider.ReplaceAllLiteralString(config, fmt.Sprintf("provider \"cfperms\" {\n  base_url = %q # added by the test\n", srv.BaseURL))
		env = append(env, "CLOUDFLARE_API_TOKEN="+liveToken)
	}
	return config, env
}

// placeholderID stands for an account or zone id in a docs block's
// variables.
const placeholderID = "fedcba9876543210fedcba9876543210"

// TestDocsWiring refuses, in every code block of README.md, docs/ and
// templates/ (whatever its language) and in every example, the two ways a
// token wiring escapes TestDocsCodeBlocksPlan and TestExamples: the policy
// object in a list literal, which the Cloudflare provider rejects at
// validate, and a token resource commented out, which no test plans.
func TestDocsWiring(t *testing.T) {
	t.Parallel()
	listLiteral := regexp.MustCompile(`\[[^\[\]]*data\.cfperms_token_policy\.[A-Za-z0-9_-]+(\["[^"]*"\])?\.policy(_map)?\b`)
	commented := regexp.MustCompile(`(?m)^\s*#+\s*resource\s+"cloudflare_(api|account)_token"`)
	for name, text := range wiringTexts(t) {
		if m := listLiteral.FindString(text); m != "" {
			t.Errorf("%s: %q puts a token policy object in a list literal: assign .policies (or concat() them) instead", name, m)
		}
		if m := commented.FindString(text); m != "" {
			t.Errorf("%s: %q is a commented-out token: make it a block that is planned", name, strings.TrimSpace(m))
		}
	}
}

// wiringTexts maps each code block of README.md, docs/ and templates/, and
// each example file, to its text.
func wiringTexts(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	fence := regexp.MustCompile("(?ms)^```[a-z]*\n(.*?)^```")
	texts := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		switch {
		case err != nil:
			return err
		case d.IsDir() && rel != "." && rel != "docs" && rel != "templates" && rel != "examples" &&
			!strings.HasPrefix(rel, "docs/") && !strings.HasPrefix(rel, "templates/") && !strings.HasPrefix(rel, "examples/"):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(rel, ".tf"):
			texts[rel] = string(data)
		case rel == "README.md" || strings.Contains(rel, "/") && (strings.HasSuffix(rel, ".md") || strings.HasSuffix(rel, ".tmpl")):
			for i, m := range fence.FindAllStringSubmatch(string(data), -1) {
				texts[fmt.Sprintf("%s block %d", rel, i+1)] = m[1]
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) == 0 {
		t.Fatal("no code blocks or examples found")
	}
	return texts
}
