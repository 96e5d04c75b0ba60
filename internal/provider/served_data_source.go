package provider

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cfperms/terraform-provider-cfperms/internal/validators"
)

// servedDataSource is how the provider serves every data source, so that its
// live mode reaches each of them by construction: every validator in the
// schema that can wait for live data (validators.LiveAware*) is given the
// provider's live mode, and a data source that asks for it
// (liveModeUser, as configuredCatalog does) gets it too. A new data source
// needs no wiring of its own; it only has to be listed in DataSources.
type servedDataSource struct {
	inner datasource.DataSource
	live  validators.LiveMode
}

var (
	_ datasource.DataSource                     = &servedDataSource{}
	_ datasource.DataSourceWithConfigure        = &servedDataSource{}
	_ datasource.DataSourceWithValidateConfig   = &servedDataSource{}
	_ datasource.DataSourceWithConfigValidators = &servedDataSource{}
)

// liveModeUser is a data source that applies the live-mode rule itself,
// beyond its attribute validators (a whole-configuration check).
type liveModeUser interface {
	useLiveMode(validators.LiveMode)
}

// serve wraps a data source constructor with the provider's live mode.
func serve(live validators.LiveMode, newDataSource func() datasource.DataSource) func() datasource.DataSource {
	return func() datasource.DataSource {
		ds := newDataSource()
		if u, ok := ds.(liveModeUser); ok {
			u.useLiveMode(live)
		}
		return &servedDataSource{inner: ds, live: live}
	}
}

func (s *servedDataSource) Metadata(ctx context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	s.inner.Metadata(ctx, req, resp)
}

func (s *servedDataSource) Schema(ctx context.Context, req datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	s.inner.Schema(ctx, req, resp)
	inLiveMode(resp.Schema.Attributes, s.live)
}

func (s *servedDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	s.inner.Read(ctx, req, resp)
}

func (s *servedDataSource) Configure(ctx context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if c, ok := s.inner.(datasource.DataSourceWithConfigure); ok {
		c.Configure(ctx, req, resp)
	}
}

func (s *servedDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	if v, ok := s.inner.(datasource.DataSourceWithValidateConfig); ok {
		v.ValidateConfig(ctx, req, resp)
	}
}

func (s *servedDataSource) ConfigValidators(ctx context.Context) []datasource.ConfigValidator {
	if v, ok := s.inner.(datasource.DataSourceWithConfigValidators); ok {
		return v.ConfigValidators(ctx)
	}
	return nil
}

// inLiveMode gives live to every live-aware validator of attrs, nested
// attributes included. An attribute of a kind it does not hand live mode to
// that holds a live-aware validator panics (liveAwareElsewhere) when the
// schema is built, so such a validator cannot silently stay offline; every
// served data source's schema is built in TestEveryDataSourceServes.
func inLiveMode(attrs map[string]schema.Attribute, live validators.LiveMode) {
	for name, a := range attrs {
		switch a := a.(type) {
		case schema.StringAttribute:
			a.Validators = givenLive[validator.String, validators.LiveAwareString](a.Validators, live)
			attrs[name] = a
		case schema.ListAttribute:
			a.Validators = givenLive[validator.List, validators.LiveAwareList](a.Validators, live)
			attrs[name] = a
		case schema.ListNestedAttribute:
			a.Validators = givenLive[validator.List, validators.LiveAwareList](a.Validators, live)
			inLiveMode(a.NestedObject.Attributes, live)
			attrs[name] = a
		case schema.SingleNestedAttribute:
			liveAwareElsewhere(name, a)
			inLiveMode(a.Attributes, live)
		case schema.SetNestedAttribute:
			liveAwareElsewhere(name, a)
			inLiveMode(a.NestedObject.Attributes, live)
		case schema.MapNestedAttribute:
			liveAwareElsewhere(name, a)
			inLiveMode(a.NestedObject.Attributes, live)
		default:
			liveAwareElsewhere(name, a)
		}
	}
}

// liveAwareElsewhere panics when an attribute that inLiveMode does not
// hand live mode to holds a validator that waits for it (one with an
// InLiveMode method): teach inLiveMode the attribute's kind instead.
func liveAwareElsewhere(name string, a schema.Attribute) {
	v := reflect.ValueOf(a)
	if v.Kind() != reflect.Struct {
		return
	}
	vs := v.FieldByName("Validators")
	if !vs.IsValid() || vs.Kind() != reflect.Slice {
		return
	}
	for i := range vs.Len() {
		if vs.Index(i).Elem().MethodByName("InLiveMode").IsValid() {
			panic(fmt.Sprintf("served data source: attribute %q (%T) has the live-aware validator %T, which inLiveMode does not reach: add its kind there",
				name, a, vs.Index(i).Interface()))
		}
	}
}

// givenLive gives live to each validator of vs that can wait for live data
// (L is its live-aware interface).
func givenLive[V any, L interface{ InLiveMode(validators.LiveMode) V }](vs []V, live validators.LiveMode) []V {
	out := make([]V, len(vs))
	for i, v := range vs {
		if l, ok := any(v).(L); ok {
			v = l.InLiveMode(live)
		}
		out[i] = v
	}
	return out
}
