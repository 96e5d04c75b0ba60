#!/usr/bin/env bash
# The cfperms-check action: downloads the cfperms-check release archive for
# the runner, verifies it against the release's SHA256SUMS, and runs it.
# Every input comes in the environment (action.yml); CFPERMS_RELEASE_URL
# points elsewhere than the GitHub release (the tests serve one on loopback).
set -euo pipefail

version="${CFPERMS_VERSION#v}"
# A release version: a branch or commit the action is used at (@main) has
# no release to download, so it needs the version input.
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
  echo "::error title=cfperms-check::the version \"$version\" is not a release version such as 1.5.0: set the action's version input, or use the action at a release tag" >&2
  exit 2
fi
case "${CFPERMS_COMMAND:-check}" in
  check | needs) ;;
  *) echo "::error title=cfperms-check::command \"$CFPERMS_COMMAND\" is neither check nor needs" >&2; exit 2 ;;
esac
if [ "${CFPERMS_COMMAND:-check}" = check ] && [ -n "${CFPERMS_TOKEN:-}${CFPERMS_TOKEN_POLICIES:-}" ]; then
  echo "::error title=cfperms-check::the token and token-policies inputs are for command: needs; check reads every token of the plan by itself" >&2
  exit 2
fi
os="$(printf '%s' "${CFPERMS_OS:-$(uname -s)}" | tr '[:upper:]' '[:lower:]')"
case "$os" in macos) os=darwin ;; esac
arch="$(printf '%s' "${CFPERMS_ARCH:-$(uname -m)}" | tr '[:upper:]' '[:lower:]')"
case "$arch" in x64 | x86_64) arch=amd64 ;; x86 | i?86) arch=386 ;; aarch64) arch=arm64 ;; arm*) [ "$arch" = arm64 ] || arch=arm ;; esac

base="${CFPERMS_RELEASE_URL:-https://github.com/cfperms/terraform-provider-cfperms/releases/download}/v$version"
archive="cfperms-check_${version}_${os}_${arch}.zip"
sums="terraform-provider-cfperms_${version}_SHA256SUMS"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
curl --fail --silent --show-error --location --proto '=https,http' --max-time 120 -o "$dir/$archive" "$base/$archive"
curl --fail --silent --show-error --location --proto '=https,http' --max-time 60 -o "$dir/$sums" "$base/$sums"
( cd "$dir" && grep -E "  $archive\$" "$sums" | sha256sum -c --status ) ||
  { echo "::error title=cfperms-check::$archive does not match the release's SHA256SUMS: not running it" >&2; exit 2; }
unzip -q -o "$dir/$archive" -d "$dir/bin"
bin="$dir/bin/cfperms-check"
if [ "$os" = windows ]; then bin="$bin.exe"; fi
chmod +x "$bin"

args=()
[ "${CFPERMS_COMMAND:-check}" = needs ] && args+=(needs)
args+=(-format "${CFPERMS_FORMAT:-github}")
[ -n "${CFPERMS_TOKEN:-}" ] && args+=(-token "$CFPERMS_TOKEN")
[ -n "${CFPERMS_TOKEN_POLICIES:-}" ] && args+=(-token-policies "$CFPERMS_TOKEN_POLICIES")
args+=("$CFPERMS_PLAN")

status=0
"$bin" "${args[@]}" || status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "status=$status" >> "$GITHUB_OUTPUT"; fi
exit "$status"
