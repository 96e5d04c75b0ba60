# The whole group as an object: id, api_name, scope, scope_key, access, category.
output "tunnel" {
  value = provider::cfperms::permission_group("Argo Tunnel Write") # a former name of "Cloudflare Tunnel Write"
}

# A check block that keeps a token read-only.
locals {
  reporting_permissions = ["Zone > Analytics > Read", "Account > Billing > Read"]
}

check "reporting_token_is_read_only" {
  assert {
    condition     = alltrue([for p in local.reporting_permissions : provider::cfperms::permission_group(p).access == "read"])
    error_message = "The reporting token must only hold read permissions."
  }
}
