package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer returns the protocol server factory main serves and the tests
// run: each call a new provider in the framework's server, with null function
// arguments made readable (see nullArgumentsServer).
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		return nullArgumentsServer{providerserver.NewProtocol6(New(version)())()}
	}
}

// nullArgumentsServer passes every call through, except that a function
// argument sent as no value at all reaches the framework as a null. OpenTofu
// (1.7 to at least 1.10) sends a null argument that way, where Terraform
// sends an encoded null; the framework cannot read the former and would fail
// `permission_id("DNS Write", null)` with an internal error, though the
// parameter allows null.
type nullArgumentsServer struct {
	tfprotov6.ProviderServer
}

// msgpackNull is MessagePack's nil, which decodes as a null of any type,
// including the dynamic type.
var msgpackNull = []byte{0xc0}

func (s nullArgumentsServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	for i, arg := range req.Arguments {
		if arg == nil || (arg.JSON == nil && arg.MsgPack == nil) {
			req.Arguments[i] = &tfprotov6.DynamicValue{MsgPack: msgpackNull}
		}
	}
	return s.ProviderServer.CallFunction(ctx, req)
}
