# make demo plans this offline against a locally built provider.
terraform {
  required_providers {
    cfperms = {
      source = "cfperms/cfperms"
    }
  }
}

provider "cfperms" {}

# Names as people write them: API names, the dashboard's wording, docs labels.
data "cfperms_permission_groups" "dns_token" {
  names = [
    "Zone > Zone > Read",
    "Zone:DNS:Edit",
    "Cache Purge",
    "Account > Cloudflare Pages > Edit",
  ]
}

data "cfperms_permission_group" "zone_logs" {
  name  = "Logs Write"
  scope = "zone"
}

data "cfperms_catalog" "all" {}

output "dns_token_permission_group_ids" {
  value = data.cfperms_permission_groups.dns_token.by_name
}

output "zone_logs_write" {
  value = {
    id       = data.cfperms_permission_group.zone_logs.id
    api_name = data.cfperms_permission_group.zone_logs.api_name
    scope    = data.cfperms_permission_group.zone_logs.scope
  }
}

output "catalog" {
  value = "${data.cfperms_catalog.all.total} permission groups as of ${data.cfperms_catalog.all.as_of}"
}
