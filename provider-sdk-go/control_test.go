package provider_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/providertest"
)

func TestLinksAreDeliveredWithRPCRSSemantics(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	p := newTestProvider()
	first := h.Link(providertest.NewActorKey(t), map[string]string{"name": "first"})
	h.Run(p, first)
	if got := receive(t, p.puts, "initial link"); got.ActorID != first.ActorID || got.Values["name"] != "first" {
		t.Fatalf("initial link = %+v", got)
	}
	host := receive(t, p.hosts, "host")

	second := h.Link(providertest.NewActorKey(t), map[string]string{"name": "second"})
	h.PutLink(second)
	if got := receive(t, p.puts, "put link"); got.ActorID != second.ActorID || got.ContractID != contract {
		t.Fatalf("put link = %+v", got)
	}
	// a second put for a linked actor is ignored; the next callback is the delete
	h.PutLink(h.Link(second.ActorID, map[string]string{"name": "duplicate"}))
	h.DeleteLink(provider.LinkDefinition{ActorID: second.ActorID, ProviderID: h.ProviderKey, LinkName: "default", ContractID: contract})
	select {
	case got := <-p.puts:
		t.Fatalf("duplicate put delivered: %+v", got)
	case got := <-p.dels:
		if got.ActorID != second.ActorID || got.Values["name"] != "second" {
			t.Fatalf("deleted link = %+v, want the recorded link", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no link delete within 5s")
	}
	if _, ok := host.Link(second.ActorID); ok {
		t.Error("deleted link still recorded")
	}
	if links := host.Links(); len(links) != 1 || links[0].ActorID != first.ActorID {
		t.Errorf("links = %+v", links)
	}
	// after the delete the actor may link again
	h.PutLink(second)
	receive(t, p.puts, "re-put link")
}

func TestRefusedLinkLeavesActorUnlinked(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	p := newTestProvider()
	p.refuse = providertest.NewActorKey(t)
	h.Run(p, h.Link(p.refuse, nil))
	_, err := h.Invoke(ctx5s(t), p.refuse, "Test.Echo", []byte("x"))
	if want := fmt.Sprintf("unlinked actor: '%s'", p.refuse); err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestHealth(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	h.Run(provider.Operations{})
	body, _ := provider.Marshal(provider.HealthCheckRequest{Placeholder: true})
	msg, err := h.Conn.Request(provider.HealthSubject(h.Lattice, h.ProviderKey, h.LinkName), body, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte{0x81, 0xa7, 'h', 'e', 'a', 'l', 't', 'h', 'y', 0xc3}; !bytes.Equal(msg.Data, want) {
		t.Errorf("health reply = %x, want %x", msg.Data, want)
	}
}

func TestHealthFromProvider(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	p := newTestProvider()
	p.health = &provider.HealthCheckResponse{Healthy: false, Message: "disk full"}
	h.Run(p)
	got, err := h.Health(ctx5s(t))
	if err != nil || got.Healthy || got.Message != "disk full" {
		t.Errorf("health = %+v, %v", got, err)
	}
}

func TestShutdownForAnotherHostIsIgnored(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	p := newTestProvider()
	run := h.Run(p)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if reply, err := h.Shutdown(ctx, providertest.NewHostKey(t)); err == nil {
		t.Fatalf("shutdown for another host got a reply: %q", reply)
	}
	if _, err := h.Health(ctx5s(t)); err != nil {
		t.Fatalf("provider stopped after another host's shutdown: %v", err)
	}
	select {
	case <-run.Done():
		t.Fatalf("Run returned: %v", run.Err())
	default:
	}
	if p.shutdowns.Load() != 0 {
		t.Error("shutdown hook called")
	}
}

func TestShutdownForThisHost(t *testing.T) {
	for name, hostID := range map[string]func(*providertest.Host) string{
		"matching host id": func(h *providertest.Host) string { return h.HostID },
		"empty host id":    func(*providertest.Host) string { return "" },
	} {
		t.Run(name, func(t *testing.T) {
			h := providertest.NewHost(t, providertest.StartNATS(t), contract)
			p := newTestProvider()
			run := h.Run(p)
			reply, err := h.Shutdown(ctx5s(t), hostID(h))
			if err != nil || string(reply) != "shutting down" {
				t.Fatalf("shutdown reply = %q, %v", reply, err)
			}
			receive(t, run.Done(), "end of Run")
			if run.Err() != nil {
				t.Errorf("Run = %v, want nil after a shutdown request", run.Err())
			}
			if p.shutdowns.Load() != 1 {
				t.Errorf("shutdown hook called %d times", p.shutdowns.Load())
			}
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			if _, err := h.Health(ctx); err == nil {
				t.Error("provider still answers health checks after shutdown")
			}
		})
	}
}

func TestRunFailsWithoutNATS(t *testing.T) {
	line, _ := provider.EncodeHostData(provider.HostData{ProviderKey: "VX", LatticeRPCURL: "127.0.0.1:1"})
	err := provider.Run(context.Background(), provider.Operations{},
		provider.WithHostData(strings.NewReader(line)),
		provider.WithNATSOptions(nats.Timeout(time.Second)))
	if err == nil || !strings.Contains(err.Error(), "failed to connect to NATS at nats://127.0.0.1:1") {
		t.Errorf("err = %v", err)
	}
}

func TestRunStopsWhenContextIsDone(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	line, _ := provider.EncodeHostData(h.HostData())
	p := newTestProvider()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- provider.Run(ctx, p, provider.WithHostData(strings.NewReader(line))) }()
	if err := h.WaitReady(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := receive(t, done, "end of Run"); err != nil {
		t.Errorf("Run = %v", err)
	}
	if p.shutdowns.Load() != 1 {
		t.Errorf("shutdown hook called %d times", p.shutdowns.Load())
	}
}

func TestShutdownWaitsForInvocationsInFlight(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	p := newTestProvider()
	entered, release := make(chan struct{}), make(chan struct{})
	p.Operations["Test.Slow"] = func(context.Context, *provider.Call) ([]byte, error) {
		close(entered)
		<-release
		return []byte("done"), nil
	}
	run := h.Run(p, h.Link(actor, nil))

	type result struct {
		out []byte
		err error
	}
	invoked := make(chan result, 1)
	go func() {
		out, err := h.Invoke(ctx5s(t), actor, "Test.Slow", nil)
		invoked <- result{out, err}
	}()
	receive(t, entered, "slow invocation")
	stopped := make(chan result, 1)
	go func() {
		out, err := h.Shutdown(ctx5s(t), h.HostID)
		stopped <- result{out, err}
	}()
	select {
	case r := <-stopped:
		t.Fatalf("shutdown answered while an invocation was in flight: %q, %v", r.out, r.err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if r := receive(t, invoked, "slow reply"); r.err != nil || string(r.out) != "done" {
		t.Errorf("in-flight invocation = %q, %v", r.out, r.err)
	}
	if r := receive(t, stopped, "shutdown reply"); r.err != nil || string(r.out) != "shutting down" {
		t.Errorf("shutdown reply = %q, %v", r.out, r.err)
	}
	receive(t, run.Done(), "end of Run")
}
