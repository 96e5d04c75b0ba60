terraform {
  required_providers {
    cfperms    = { source = "cfperms/cfperms" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 5.13" }
  }
}

variable "zone_id" {
  type    = string
  default = "fedcba9876543210fedcba9876543210"
}

# A checked policy inline: a zone permission without a zone resource, a
# malformed key or a typo fails the plan instead of the apply.
locals {
  cache_purge_policy = provider::cfperms::token_policy(
    ["Zone > Cache Purge > Purge", "Zone > Zone > Read"],
    { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" },
  )
}

# The Cloudflare provider 5.13 and later take the result's fields as they are.
# Written field by field, the policy passes terraform validate in Terraform and
# OpenTofu alike (OpenTofu leaves a function's whole result unknown while an
# argument is; Terraform also takes [local.cache_purge_policy]). 5.0 to 5.12
# take resources as a map: see cache_purge_policy_for_5_12 below.
resource "cloudflare_api_token" "cache_purge" {
  name = "cache-purge"
  policies = [{
    effect            = local.cache_purge_policy.effect
    permission_groups = local.cache_purge_policy.permission_groups
    resources         = local.cache_purge_policy.resources
  }]
}

output "cache_purge_policy" {
  value = local.cache_purge_policy
}

output "cache_purge_policy_for_5_12" {
  value = merge(local.cache_purge_policy, { resources = jsondecode(local.cache_purge_policy.resources) })
}
