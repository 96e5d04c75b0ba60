#!/usr/bin/env bash
# Builds the Terraform CLI from its Go module source into .cache/bin, for
# machines where no terraform binary is installed and no release download
# is possible. Only the Go module proxy is needed.
set -euo pipefail
version="${TERRAFORM_VERSION:-v1.11.4}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.cache/bin/terraform"
if [ -x "$out" ]; then exit 0; fi
go mod download "github.com/hashicorp/terraform@$version"
src="$(go env GOMODCACHE)/github.com/hashicorp/terraform@$version"
work="$root/.cache/terraform-src"
rm -rf "$work"
mkdir -p "$work" "$(dirname "$out")"
cp -r "$src/." "$work/"
chmod -R u+w "$work"
(cd "$work" && go build -o "$out" -ldflags "-X github.com/hashicorp/terraform/version.dev=no" .)
rm -rf "$work"
