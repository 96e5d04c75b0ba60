package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/cfperms/terraform-provider-cfperms/internal/provider"
)

// version is set by goreleaser through -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// provider.NewServer, not providerserver.Serve: its server reads the null
	// function arguments OpenTofu sends, which the framework's alone cannot.
	err := tf6server.Serve("registry.terraform.io/cfperms/cfperms", provider.NewServer(version), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
