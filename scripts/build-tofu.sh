#!/usr/bin/env bash
# Builds the OpenTofu CLI from its Go module source, for machines with no
# release download. Only the Go module proxy is needed. The binary is cached
# outside the work tree, so clean clones and CI runs reuse it; the script
# prints its path.
set -euo pipefail
version="${TOFU_VERSION:-v1.10.6}"
cache="${CFPERMS_TOOL_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/terraform-provider-cfperms}"
out="$cache/tofu-$version/tofu"
if [ -x "$out" ] && "$out" version | grep -q "${version#v}"; then
  echo "$out"
  exit 0
fi
go mod download "github.com/opentofu/opentofu@$version"
src="$(go env GOMODCACHE)/github.com/opentofu/opentofu@$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
# Settings a newer Go no longer knows would stop the build.
sed -i -E '/^godebug[[:space:]]+tlskyber/d' "$work/go.mod"
mkdir -p "$(dirname "$out")"
(cd "$work" && go build -o "$out" -ldflags "-X github.com/opentofu/opentofu/version.dev=no" ./cmd/tofu) >&2
"$out" version >&2
echo "$out"
