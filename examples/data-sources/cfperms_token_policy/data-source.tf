variable "account_id" {
  type    = string
  default = "0123456789abcdef0123456789abcdef"
}

variable "zone_id" {
  type    = string
  default = "fedcba9876543210fedcba9876543210"
}

# 1. A DNS-edit token for one zone.
data "cfperms_token_policy" "dns_edit" {
  permissions = ["Zone > Zone > Read", "Zone > DNS > Edit"]
  resources   = { "com.cloudflare.api.account.zone.${var.zone_id}" = "*" }
}

# 2. An account-owned token for Workers and R2. Account permissions take the
# account key; zone permissions take the account-nested form, so they need a
# policy of their own (one map cannot hold the same key twice).
data "cfperms_token_policy" "workers_account" {
  token_kind  = "account"
  permissions = ["Workers Scripts Write", "Workers KV Storage Write", "Workers R2 Storage Write"]
  resources   = { "com.cloudflare.api.account.${var.account_id}" = "*" }
}

data "cfperms_token_policy" "workers_zones" {
  token_kind  = "account"
  permissions = ["Workers Routes Write"]
  resources = {
    "com.cloudflare.api.account.${var.account_id}" = { "com.cloudflare.api.account.zone.*" = "*" }
  }
}

# 3. A read-only token: every zone permission whose access is read.
data "cfperms_permission_groups" "zone_read" {
  scope  = "zone"
  access = "read"
}

data "cfperms_token_policy" "zone_read_only" {
  permissions = data.cfperms_permission_groups.zone_read.ids
  resources   = { "com.cloudflare.api.account.zone.*" = "*" }
}

# With the Cloudflare provider v5:
#
# resource "cloudflare_api_token" "dns" {
#   name     = "dns-edit"
#   policies = [data.cfperms_token_policy.dns_edit.policy]
# }
#
# resource "cloudflare_account_token" "workers" {
#   account_id = var.account_id
#   name       = "workers-deploy"
#   policies = [
#     data.cfperms_token_policy.workers_account.policy,
#     data.cfperms_token_policy.workers_zones.policy,
#   ]
# }

output "dns_edit_policy" {
  value = data.cfperms_token_policy.dns_edit.policy
}

output "zone_read_only_group_count" {
  value = length(data.cfperms_token_policy.zone_read_only.permission_group_ids)
}
