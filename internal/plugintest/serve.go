// Package plugintest serves providers in-process to a real Terraform or
// OpenTofu run, attached through TF_REATTACH_PROVIDERS: no registry, no
// network, no terraform init. It is imported by tests only.
package plugintest

import (
	"context"
	"encoding/json"
	"maps"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Reattach maps provider addresses to the servers answering for them.
type Reattach map[string]any

// Serve serves a provider for the life of the test and returns where it
// answers: at every address given, so that one server can stand for a
// provider under Terraform's registry address and OpenTofu's.
func Serve(t *testing.T, server func() tfprotov6.ProviderServer, addresses ...string) Reattach {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	go func() {
		err := tf6server.Serve(addresses[0], server,
			tf6server.WithDebug(ctx, reattach, closed),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithoutLogStderrOverride(),
			tf6server.WithLoggingSink(t))
		if err != nil {
			t.Errorf("serving %s: %v", addresses[0], err)
		}
	}()
	var rc *plugin.ReattachConfig
	select {
	case rc = <-reattach:
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatalf("the provider served at %s did not start", addresses[0])
	}
	t.Cleanup(func() {
		cancel()
		<-closed
	})
	config := map[string]any{
		"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
		"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
	}
	out := Reattach{}
	for _, address := range addresses {
		out[address] = config
	}
	return out
}

// Env is the TF_REATTACH_PROVIDERS setting that attaches a run to every
// provider given.
func Env(t *testing.T, all ...Reattach) string {
	t.Helper()
	merged := Reattach{}
	for _, r := range all {
		maps.Copy(merged, r)
	}
	data, err := json.Marshal(merged)
	if err != nil {
		t.Fatal(err)
	}
	return "TF_REATTACH_PROVIDERS=" + string(data)
}
