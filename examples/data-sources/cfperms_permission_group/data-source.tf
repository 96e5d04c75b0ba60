# The API name.
data "cfperms_permission_group" "dns_write" {
  name = "DNS Write"
}

# The dashboard's spelling, scope first; also "Zone:DNS:Edit" or "Zone.DNS: Edit".
data "cfperms_permission_group" "dns_edit" {
  name = "Zone > DNS > Edit"
}

# "Logs Write" exists in account and zone scope: say which.
data "cfperms_permission_group" "zone_logs" {
  name  = "Logs Write"
  scope = "zone"
}

# Reverse lookup, for reviewing configurations full of raw ids.
data "cfperms_permission_group" "by_id" {
  id = "c8fed203ed3043cba015a93ad1616f1f"
}

output "dns_write_id" {
  value = data.cfperms_permission_group.dns_write.id # "4755a26eedb94da69e1066d98aa820be"
}

output "by_id_name" {
  value = data.cfperms_permission_group.by_id.api_name # "Zone Read"
}
