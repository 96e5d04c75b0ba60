# Reverse lookup: what do the raw ids in an existing configuration grant?
locals {
  pasted_ids = ["4755a26eedb94da69e1066d98aa820be", "c8fed203ed3043cba015a93ad1616f1f"]
}

output "pasted_names" {
  value = [for id in local.pasted_ids : provider::cfperms::permission_name(id)] # ["DNS Write", "Zone Read"]
}
