#!/usr/bin/env bash
# Builds a Terraform or OpenTofu CLI from its Go module source, for machines
# with no release download: only the Go module proxy is needed. The binary is
# cached outside the work tree, so clean clones and CI runs reuse it; the
# script prints its path.
#
#   scripts/build-cli.sh tofu v1.10.6
#   scripts/build-cli.sh terraform v1.8.5
set -euo pipefail
cli="${1:?usage: build-cli.sh terraform|tofu VERSION}"
version="${2:?usage: build-cli.sh terraform|tofu VERSION}"
case "$cli" in
  terraform) module=github.com/hashicorp/terraform main=. ;;
  tofu) module=github.com/opentofu/opentofu main=./cmd/tofu ;;
  *) echo "build-cli.sh: unknown CLI $cli (terraform or tofu)" >&2; exit 2 ;;
esac
cache="${CFPERMS_TOOL_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/terraform-provider-cfperms}"
out="$cache/$cli-$version/$cli"
# No update check (the CLI's checkpoint call) from any run of it here.
export CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null
# The cached binary's version is read whole before it is matched: grep -q
# in a pipe stops reading at its match, the CLI dies writing its next line,
# and under pipefail a good cache looked stale and was rebuilt.
if [ -x "$out" ]; then
  have="$("$out" version 2>/dev/null || true)"
  if grep -q "v${version#v}\$" <<<"$have"; then
    echo "$out"
    exit 0
  fi
fi
go mod download "$module@$version"
src="$(go env GOMODCACHE)/$module@$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
# Settings a newer Go no longer knows would stop the build.
sed -i -E '/^godebug[[:space:]]+tlskyber/d' "$work/go.mod"
mkdir -p "$(dirname "$out")"
# version.dev=no makes a release build (no "-dev" suffix); versions without
# that variable ignore the flag.
(cd "$work" && go build -o "$out" -ldflags "-X $module/version.dev=no" "$main") >&2
"$out" version >&2
echo "$out"
