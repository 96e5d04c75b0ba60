# The token a workspace's CI applies with, derived from the Cloudflare
# provider types the workspace uses: one group per type, the Write group of
# its product for a resource, a Read group for a data source.
locals {
  deploy = provider::cfperms::required_permissions([
    "cloudflare_dns_record",
    "cloudflare_workers_script",
    "data.cloudflare_zone",
  ])
}

variable "account_id" {
  type    = string
  default = "0123456789abcdef0123456789abcdef"
}

variable "zone_id" {
  type    = string
  default = "fedcba9876543210fedcba9876543210"
}

# One policy per scope: account groups on the account, zone groups on the zone.
data "cfperms_token_policy" "deploy_account" {
  permissions = [for g in local.deploy : g.id if g.scope == "account"]
  resources   = { "com.cloudflare.api.account.${var.account_id}" = "*" }
}

data "cfperms_token_policy" "deploy_zone" {
  permissions = [for g in local.deploy : g.id if g.scope == "zone"]
  resources   = { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }
}

# Workers Scripts Write, DNS Write and Zone Read, with the types that need them.
output "deploy_groups" {
  value = { for g in local.deploy : g.api_name => g.for }
}

# For a cloudflare_api_token: concat() the policies of the two.
output "deploy_policies" {
  value = concat(data.cfperms_token_policy.deploy_account.policies, data.cfperms_token_policy.deploy_zone.policies)
}
