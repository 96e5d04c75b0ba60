# Any spelling people use resolves to the id; a typo fails the plan.
output "dns_edit" {
  value = provider::cfperms::permission_id("Zone > DNS > Edit") # "4755a26eedb94da69e1066d98aa820be"
}

# Names that exist in two scopes take the scope as a second argument.
output "zone_logs_write" {
  value = provider::cfperms::permission_id("Logs Write", "zone")
}

# A cloudflare_api_token-shaped policy built in locals (Cloudflare provider v5).
locals {
  dns_policy = {
    effect = "allow"
    permission_groups = [
      { id = provider::cfperms::permission_id("Zone > Zone > Read") },
      { id = provider::cfperms::permission_id("Zone > DNS > Edit") },
    ]
    resources = jsonencode({ "com.cloudflare.api.account.zone.*" = "*" })
  }
}

output "dns_policy" {
  value = local.dns_policy
}
