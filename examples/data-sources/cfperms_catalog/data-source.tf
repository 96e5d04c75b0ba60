# Same maps as the Cloudflare provider v4's cloudflare_api_token_permission_groups:
# data.cloudflare_api_token_permission_groups.all.zone["DNS Write"] becomes
data "cfperms_catalog" "all" {}

output "dns_write_id" {
  value = data.cfperms_catalog.all.zone["DNS Write"]
}

output "catalog_date" {
  value = data.cfperms_catalog.all.as_of
}

output "groups_per_scope" {
  value = data.cfperms_catalog.all.counts
}
