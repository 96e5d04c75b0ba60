terraform {
  required_providers {
    cfperms = {
      source = "cfperms/cfperms"
    }
  }
}

# No credentials, no network: the catalog is embedded in the provider.
provider "cfperms" {}
