#!/usr/bin/env bash
# Times `terraform plan` for every benchmark case in one run: cfperms against
# a minimal reference provider built from the same framework, offline through
# dev_overrides. Prints medians and ratios as Markdown (see BENCHMARKS.md).
# RUNS (default 15, at least 7) sets the timed runs per case; TERRAFORM the CLI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
terraform="${TERRAFORM:-$(command -v terraform)}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
cd "$root"
go build -o "$work/bin/terraform-provider-cfperms" .
go build -o "$work/bin/terraform-provider-reference" ./bench/plan/reference
go build -o "$work/timeplan" ./bench/plan/timeplan
go run ./bench/plan/gen "$work/cases"
cat > "$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "cfperms/cfperms"   = "$work/bin"
    "cfperms/reference" = "$work/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1
"$work/timeplan" -terraform "$terraform" -runs "${RUNS:-15}" "$work"/cases/*
