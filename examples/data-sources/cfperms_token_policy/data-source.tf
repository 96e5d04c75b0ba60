terraform {
  required_providers {
    cfperms    = { source = "cfperms/cfperms" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 5.13" }
  }
}

variable "account_id" {
  type    = string
  default = "0123456789abcdef0123456789abcdef"
}

variable "zone_id" {
  type    = string
  default = "fedcba9876543210fedcba9876543210"
}

# 1. A DNS-edit token for one zone. A typo in a name fails terraform validate,
# even though the resource key uses a variable.
data "cfperms_token_policy" "dns_edit" {
  permissions = ["Zone > Zone > Read", "Zone > DNS > Edit"]
  resources   = { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }
}

# 2. An account-owned token for Workers. Account permissions take the account
# key; zone permissions take the account-nested form, so they need a policy of
# their own (one map cannot hold the same key twice).
data "cfperms_token_policy" "workers_account" {
  token_kind  = "account"
  permissions = ["Workers Scripts Write", "Workers KV Storage Write"]
  resources   = { "com.cloudflare.api.account.${var.account_id}" = "*" }
}

data "cfperms_token_policy" "workers_zones" {
  token_kind  = "account"
  permissions = ["Workers Routes Write"]
  resources = {
    "com.cloudflare.api.account.${var.account_id}" = { "com.cloudflare.api.account.zone.*" = "*" }
  }
}

# 3. Objects in every R2 bucket of the account, written as a Cloudflare
# provider 5.13 configuration writes resources: jsonencode() of the map.
data "cfperms_token_policy" "r2_objects" {
  token_kind  = "account"
  permissions = ["Workers R2 Storage Bucket Item Write"]
  resources = jsonencode({
    "com.cloudflare.api.account.${var.account_id}" = { "com.cloudflare.edge.r2.bucket.*" = "*" }
  })
}

# 4. A read-only token: every zone permission whose access is read.
data "cfperms_permission_groups" "zone_read" {
  scope  = "zone"
  access = "read"
}

data "cfperms_token_policy" "zone_read_only" {
  permissions = data.cfperms_permission_groups.zone_read.ids
  resources   = { "com.cloudflare.api.account.zone.*" = "*" }
}

# The tokens. `policies` is the checked policy as a list of one, for the
# Cloudflare provider 5.13 and later: assign it, or concat() several. (With 5.0
# to 5.12 use `policies_map`; see the page below.)
resource "cloudflare_api_token" "dns" {
  name     = "dns-edit"
  policies = data.cfperms_token_policy.dns_edit.policies
}

resource "cloudflare_account_token" "workers" {
  account_id = var.account_id
  name       = "workers-deploy"
  policies = concat(
    data.cfperms_token_policy.workers_account.policies,
    data.cfperms_token_policy.workers_zones.policies,
    data.cfperms_token_policy.r2_objects.policies,
  )
}

output "dns_edit_policy" {
  value = data.cfperms_token_policy.dns_edit.policy
}

output "dns_edit_policy_for_5_12" {
  value = data.cfperms_token_policy.dns_edit.policy_map
}

output "zone_read_only_group_count" {
  value = length(data.cfperms_token_policy.zone_read_only.permission_group_ids)
}
