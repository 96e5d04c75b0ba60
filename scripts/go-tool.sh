#!/usr/bin/env bash
# Installs a pinned Go tool with `go install` into a cache outside the work
# tree (so clean clones and CI runs reuse it) and prints the binary's path.
#   scripts/go-tool.sh golangci-lint   scripts/go-tool.sh goreleaser   scripts/go-tool.sh deadcode   scripts/go-tool.sh gremlins
set -euo pipefail
cache="${CFPERMS_TOOL_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/terraform-provider-cfperms}"
case "${1:-}" in
  golangci-lint) module=github.com/golangci/golangci-lint/v2/cmd/golangci-lint version=v2.15.0 ;;
  goreleaser)    module=github.com/goreleaser/goreleaser/v2 version=v2.15.1 ;;
  deadcode)      module=golang.org/x/tools/cmd/deadcode version=v0.38.0 ;;
  gremlins)      module=github.com/go-gremlins/gremlins/cmd/gremlins version=v0.6.0 ;;
  *) echo "usage: $0 golangci-lint|goreleaser|deadcode|gremlins" >&2; exit 2 ;;
esac
bin="$cache/$1-$version"
if [ ! -x "$bin/$1" ]; then
  echo "installing $1 $version (a few minutes, once)" >&2
  mkdir -p "$bin"
  GOBIN="$bin" go install "$module@$version" >&2
fi
echo "$bin/$1"
