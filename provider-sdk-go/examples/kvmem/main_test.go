package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/providertest"
)

// TestREADMEShowsThisExample keeps the README's example identical to this program.
func TestREADMEShowsThisExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```go\n"+string(src)+"```\n") {
		t.Error("README.md does not contain examples/kvmem/main.go verbatim in a ```go block; copy it there")
	}
}

// TestBuiltProviderServesKeyValue builds the example and runs it as a host would: a child
// process reading HostData on stdin, talking to a real nats-server.
func TestBuiltProviderServesKeyValue(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "kvmem")
	build := exec.Command("go", "build", "-buildvcs=false", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build failed: %v\n%s", err, out)
	}
	h := providertest.NewHost(t, providertest.StartNATS(t), "wasmcloud:keyvalue")
	actor, other := providertest.NewActorKey(t), providertest.NewActorKey(t)
	proc := h.Start(bin, h.Link(actor, nil), h.Link(other, nil))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	call := func(actor, op string, in, out any) {
		t.Helper()
		var payload []byte
		if in != nil {
			var err error
			if payload, err = provider.Marshal(in); err != nil {
				t.Fatal(err)
			}
		}
		reply, err := h.Invoke(ctx, actor, op, payload)
		if err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		if out != nil {
			if err := provider.Unmarshal(reply, out); err != nil {
				t.Fatalf("%s reply: %v", op, err)
			}
		} else if len(reply) != 0 {
			t.Fatalf("%s replied %x, want nothing", op, reply)
		}
	}
	call(actor, "KeyValue.Set", setRequest{Key: "greeting", Value: "hello"}, nil)
	var got getResponse
	call(actor, "KeyValue.Get", "greeting", &got)
	if got != (getResponse{Value: "hello", Exists: true}) {
		t.Errorf("Get = %+v", got)
	}
	call(other, "KeyValue.Get", "greeting", &got)
	if got.Exists {
		t.Errorf("another actor sees the key: %+v", got)
	}
	var n int32
	call(actor, "KeyValue.Increment", incrementRequest{Key: "counter", Value: 5}, &n)
	call(actor, "KeyValue.Increment", incrementRequest{Key: "counter", Value: -2}, &n)
	if n != 3 {
		t.Errorf("counter = %d, want 3", n)
	}
	var deleted bool
	call(actor, "KeyValue.Del", "greeting", &deleted)
	if !deleted {
		t.Error("Del = false")
	}
	_, err := h.Invoke(ctx, actor, "KeyValue.Increment", mustMarshal(t, incrementRequest{Key: "counter2"}))
	if err != nil {
		t.Errorf("Increment of a new key: %v", err)
	}

	if reply, err := h.Shutdown(ctx, h.HostID); err != nil || string(reply) != "shutting down" {
		t.Fatalf("shutdown = %q, %v", reply, err)
	}
	select {
	case <-proc.Done():
		if proc.Err() != nil {
			t.Errorf("provider exited with %v\n%s", proc.Err(), proc.Stderr())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("provider still running 10s after shutdown")
	}
	if !strings.Contains(proc.Stderr(), "provider stopped") {
		t.Errorf("stderr lacks the stop log:\n%s", proc.Stderr())
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := provider.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
