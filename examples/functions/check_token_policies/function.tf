terraform {
  required_providers {
    cfperms    = { source = "cfperms/cfperms" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 5.13" }
  }
}

# The policies of an existing token, as written: hard-coded permission group
# ids (the Cloudflare provider v5 shape; v4 policy blocks work the same).
locals {
  ci_policies = [{
    effect            = "allow"
    permission_groups = [{ id = "4755a26eedb94da69e1066d98aa820be" }] # DNS Write
    resources         = jsonencode({ "com.cloudflare.api.account.zone.*" = "*" })
  }]
  ci_findings = provider::cfperms::check_token_policies(local.ci_policies)
}

# A check block warns at every plan and apply while something is wrong,
# without stopping either.
check "ci_token_policies" {
  assert {
    condition     = length(local.ci_findings) == 0
    error_message = join("\n", [for f in local.ci_findings : "policies[${f.policy}]: ${f.message}"])
  }
}

# A precondition stops the plan on errors only; warnings (such as an id newer
# than the catalog) pass. For an account-owned token, pass "account" as the
# second argument: check_token_policies(local.policies, "account").
resource "cloudflare_api_token" "ci" {
  name     = "ci"
  policies = local.ci_policies

  lifecycle {
    precondition {
      condition     = alltrue([for f in local.ci_findings : f.severity != "error"])
      error_message = join("\n", [for f in local.ci_findings : f.message if f.severity == "error"])
    }
  }
}

output "ci_findings" {
  value = local.ci_findings # [] when all is well
}
