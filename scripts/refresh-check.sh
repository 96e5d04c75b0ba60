#!/usr/bin/env bash
# Proves that a catalog refresh passes by itself. In a scratch copy of the
# work tree it regenerates internal/catalog/groups.tsv from a response that
# differs from the committed catalog the way a real refresh does (a week
# later, groups added, removed and renamed, among them groups the tests use,
# and a name made shared by two scopes: see
# internal/catalog/catalogtest/refreshfixture), checks the generator's
# summary, regenerates the permission groups guide, then runs the catalog,
# validator, generator and provider suites there. Only TestEmbeddedSnapshotGolden, the one test that pins the
# snapshot on purpose, must fail there, and the check proves it does.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf - | tar -xf - -C "$scratch"
cd "$scratch"

as_of="$(go run ./internal/catalog/catalogtest/refreshfixture -out response.json -root .)"
go run ./cmd/cfperms-catalog -in response.json -as-of "$as_of" -summary summary.md >/dev/null
# As the refresh workflow's `make generate` does: the generated guide follows
# the catalog (the docs tests read it).
go run ./cmd/cfperms-docs templates/guides/permission-groups.md.tmpl
for want in "to $as_of" "Added:" "Removed" "Renamed" "Refresh Check Probe Read"; do
  grep -qF -- "$want" summary.md || { echo "refresh-check: the summary lacks \"$want\":" >&2; cat summary.md >&2; exit 1; }
done
grep -q "	$as_of	the catalog refresh of $as_of" internal/catalog/former-names.tsv ||
  { echo "refresh-check: the rename was not kept as a former name" >&2; exit 1; }
echo "refresh-check: regenerated the catalog as of $as_of; the summary:"
sed 's/^/  /' summary.md

if go test -count=1 -run '^TestEmbeddedSnapshotGolden$' ./internal/catalog/ >/dev/null 2>&1; then
  echo "refresh-check: TestEmbeddedSnapshotGolden passed on a refreshed catalog; it no longer pins the snapshot" >&2
  exit 1
fi
go test -count=1 -timeout 20m -skip '^TestEmbeddedSnapshotGolden$' \
  ./internal/catalog/... ./internal/validators/... ./internal/cfapi/... ./internal/needs/... ./internal/tokencheck/... ./cmd/... ./internal/provider/...
echo "refresh-check: every suite passes on the refreshed catalog (from $root)"
