# Validate input with a message of your own.
variable "extra_permission" {
  type    = string
  default = "Zone > Cache Purge > Purge"

  validation {
    condition     = provider::cfperms::permission_exists(var.extra_permission)
    error_message = "extra_permission must name exactly one Cloudflare permission group, such as \"Zone > DNS > Edit\"."
  }
}

output "extra_permission_id" {
  value = provider::cfperms::permission_id(var.extra_permission)
}
