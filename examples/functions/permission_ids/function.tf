# One call for many names: ids in the same order. Prefer this to many
# permission_id calls, each of which is a round trip to the provider.
locals {
  worker_deploy = provider::cfperms::permission_ids([
    "Workers Scripts Write",
    "Workers KV Storage Write",
    "Workers Routes Write",
    "Account Settings Read",
  ])
}

output "worker_deploy_ids" {
  value = local.worker_deploy
}
