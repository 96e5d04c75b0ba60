package provider

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Live settings known only after apply fetch nothing: a base_url from a
// resource not created yet no longer falls back to api.cloudflare.com, and an
// api_token not known yet no longer sends CLOUDFLARE_API_TOKEN instead. A
// guard stands in for the fetch each case would have made, so a regression
// fails here without any traffic leaving the process.
func TestLiveSettingsUnknownFetchNothing(t *testing.T) { //nolint:paralleltest // t.Setenv: the environment is the process's
	const envToken = "env-token-for-TestLiveSettingsUnknownFetchNothing"
	t.Setenv("CLOUDFLARE_API_TOKEN", envToken)
	tests := []struct {
		name   string
		config providerModel
		guard  liveSettings // the fetch a regression would make
		want   string
	}{
		{
			name:   "base_url unknown",
			config: providerModel{APIToken: types.StringValue("config-token-a"), BaseURL: types.StringUnknown(), AccountID: types.StringNull(), Timeout: types.StringNull()},
			guard:  liveSettings{token: "config-token-a"},
			want:   "but base_url is known only after apply",
		},
		{
			name:   "api_token unknown, a token in the environment",
			config: providerModel{APIToken: types.StringUnknown(), BaseURL: types.StringNull(), AccountID: types.StringNull(), Timeout: types.StringNull()},
			guard:  liveSettings{token: envToken},
			want:   "but api_token is known only after apply",
		},
		{
			name:   "several unknown",
			config: providerModel{APIToken: types.StringUnknown(), BaseURL: types.StringUnknown(), AccountID: types.StringUnknown(), Timeout: types.StringNull()},
			guard:  liveSettings{token: envToken},
			want:   "but api_token, account_id and base_url are known only after apply",
		},
	}
	for _, tt := range tests { //nolint:paralleltest // they share the parent's environment and the process's fetch cache
		t.Run(tt.name, func(t *testing.T) {
			guard := &liveResult{err: errors.New("the provider fetched with settings known only after apply")}
			guard.once.Do(func() {})
			liveFetches.Store(tt.guard.key(), guard)
			t.Cleanup(func() { liveFetches.Delete(tt.guard.key()) })
			tt.config.LiveCatalog = types.BoolValue(true)
			tt.config.LiveCatalogStrict = types.BoolNull()
			source, diags := (&cfpermsProvider{}).catalogSource(context.Background(), tt.config)
			if diags.HasError() || len(diags) != 1 || source == nil {
				t.Fatalf("diagnostics %v, source %v: want one warning and the embedded catalog", diags, source)
			}
			if detail := diags[0].Detail(); !strings.Contains(detail, tt.want) || !strings.Contains(detail, "nothing was fetched") {
				t.Fatalf("the warning says %q, want %q", detail, tt.want)
			}
		})
	}
}
