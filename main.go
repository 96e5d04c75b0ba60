package main

import (
	"context"
	"flag"
	"log"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cfperms/terraform-provider-cfperms/internal/provider"
)

// version is set by goreleaser through -ldflags "-X main.version=...".
var version = "dev"

func main() {
	// A provider process lives for one Terraform operation; collecting
	// garbage less often makes large reads cheaper at a small memory cost.
	debug.SetGCPercent(400)

	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/cfperms/cfperms",
		Debug:   debugMode,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
