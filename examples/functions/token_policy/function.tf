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

# Cloudflare provider 5.13 and later take the result as it is:
#
# resource "cloudflare_api_token" "cache_purge" {
#   name     = "cache-purge"
#   policies = [local.cache_purge_policy]
# }
#
# 5.0 to 5.12 take resources as a map:
#
#   policies = [merge(local.cache_purge_policy, { resources = jsondecode(local.cache_purge_policy.resources) })]

output "cache_purge_policy" {
  value = local.cache_purge_policy
}

output "cache_purge_policy_for_5_12" {
  value = merge(local.cache_purge_policy, { resources = jsondecode(local.cache_purge_policy.resources) })
}
