package provider_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	provider "trellis.dev/provider-sdk-go"
)

// otpHostData is HostData as OTP 0.63 sends it (spec §6.2), including keys the SDK ignores.
const otpHostData = `{"host_id":"NBLRZ","lattice_rpc_prefix":"default","link_name":"default","lattice_rpc_user_jwt":"","lattice_rpc_user_seed":"",
 "lattice_rpc_url":"127.0.0.1:4222","lattice_rpc_tls":0,"env_values":{},"instance_id":"6f0c","provider_key":"VAG3Q",
 "link_definitions":[{"id":"5A1F","actor_id":"MBCFO","provider_id":"VAG3Q","link_name":"default",
   "contract_id":"wasmcloud:httpserver","values":{"ADDRESS":"0.0.0.0:8080"}}],
 "config_json":null,"default_rpc_timeout_ms":2000,"cluster_issuers":["CAB2C"],"invocation_seed":"SCAAA",
 "js_domain":null,"structured_logging":false,"log_level":null}`

func TestReadHostDataAsOTPSendsIt(t *testing.T) {
	line := base64.StdEncoding.EncodeToString([]byte(otpHostData)) + "\n"
	hd, err := provider.ReadHostData(strings.NewReader(line), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if hd.HostID != "NBLRZ" || hd.ProviderKey != "VAG3Q" || hd.Lattice() != "default" || hd.Link() != "default" {
		t.Errorf("ids = %+v", hd)
	}
	if hd.NATSURL() != "nats://127.0.0.1:4222" {
		t.Errorf("NATSURL = %s", hd.NATSURL())
	}
	if hd.RPCTimeout() != 2*time.Second {
		t.Errorf("RPCTimeout = %s", hd.RPCTimeout())
	}
	if len(hd.LinkDefinitions) != 1 || hd.LinkDefinitions[0].Values["ADDRESS"] != "0.0.0.0:8080" || hd.LinkDefinitions[0].ID != "5A1F" {
		t.Errorf("links = %+v", hd.LinkDefinitions)
	}
	if len(hd.ClusterIssuers) != 1 || string(hd.InvocationSeed) != "SCAAA" {
		t.Errorf("issuers/seed wrong")
	}
}

func TestReadHostDataDefaultsAndErrors(t *testing.T) {
	line := base64.StdEncoding.EncodeToString([]byte(`{"provider_key":"VX","lattice_rpc_url":"tls://h:1"}`)) // no newline
	hd, err := provider.ReadHostData(strings.NewReader(line), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if hd.NATSURL() != "tls://h:1" || hd.RPCTimeout() != 2*time.Second || hd.Lattice() != "default" {
		t.Errorf("defaults = %s %s %s", hd.NATSURL(), hd.RPCTimeout(), hd.Lattice())
	}
	for name, input := range map[string]string{
		"empty":    "\n",
		"base64":   "not base64!\n",
		"json":     base64.StdEncoding.EncodeToString([]byte("[1]")) + "\n",
		"no key":   base64.StdEncoding.EncodeToString([]byte("{}")) + "\n",
		"eof only": "",
	} {
		if _, err := provider.ReadHostData(strings.NewReader(input), time.Second); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestReadHostDataTimesOut(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	_, err := provider.ReadHostData(r, 10*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "must be started by a host") {
		t.Errorf("err = %v", err)
	}
}

func TestEncodeHostDataRoundTrip(t *testing.T) {
	timeout := uint64(500)
	in := provider.HostData{ProviderKey: "VX", InvocationSeed: "SCX", DefaultRPCTimeoutMS: &timeout,
		LinkDefinitions: []provider.LinkDefinition{{ActorID: "MA", Values: map[string]string{"k": "v"}}}}
	line, err := provider.EncodeHostData(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := provider.ParseHostData(line)
	if err != nil {
		t.Fatal(err)
	}
	if string(out.InvocationSeed) != "SCX" || out.RPCTimeout() != 500*time.Millisecond || out.LinkDefinitions[0].Values["k"] != "v" {
		t.Errorf("round trip = %+v", out)
	}
}

func TestNewLoggerHonoursHostData(t *testing.T) {
	var buf bytes.Buffer
	log := provider.NewLogger(provider.HostData{ProviderKey: "VX", StructuredLogging: true, LogLevel: "warn"}, &buf)
	log.Info("hidden")
	log.Warn("shown", "host_data", provider.HostData{ProviderKey: "VX", InvocationSeed: "SCSECRET"})
	out := buf.String()
	if strings.Contains(out, "hidden") || !strings.Contains(out, `"msg":"shown"`) || strings.Contains(out, "SCSECRET") {
		t.Errorf("log = %s", out)
	}
	buf.Reset()
	log = provider.NewLogger(provider.HostData{ProviderKey: "VX", LogLevel: "trace"}, &buf)
	log.Log(context.Background(), provider.LevelTrace, "tracing")
	if !strings.Contains(buf.String(), "tracing") || strings.HasPrefix(buf.String(), "{") {
		t.Errorf("text trace log = %s", buf.String())
	}
	if !log.Enabled(context.Background(), slog.LevelDebug) {
		t.Error("trace level must enable debug")
	}
}
