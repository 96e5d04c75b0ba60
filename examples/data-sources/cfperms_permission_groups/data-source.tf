# Many names in one read; ids come back in the same order.
data "cfperms_permission_groups" "dns_token" {
  scope = "zone"
  names = ["Zone Read", "DNS Write", "Cache Purge"]
}

# Filters instead of names: every read-only zone permission, sorted by name.
data "cfperms_permission_groups" "zone_read_only" {
  scope  = "zone"
  access = "read"
}

# Everything about Workers in account scope.
data "cfperms_permission_groups" "workers" {
  scope      = "account"
  name_regex = "^Workers "
}

output "dns_token_ids" {
  value = data.cfperms_permission_groups.dns_token.ids
}

output "dns_write_id" {
  value = data.cfperms_permission_groups.dns_token.by_name["DNS Write"]
}

output "zone_read_only_count" {
  value = length(data.cfperms_permission_groups.zone_read_only.ids)
}
