package provider_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/providertest"
)

const contract = "trellis:test"

// testProvider echoes, records link and shutdown callbacks, and keeps the Host it was given.
type testProvider struct {
	provider.Operations
	hosts     chan *provider.Host
	puts      chan provider.LinkDefinition
	dels      chan provider.LinkDefinition
	shutdowns atomic.Int32
	refuse    string // actor whose link PutLink refuses
	health    *provider.HealthCheckResponse
}

func newTestProvider() *testProvider {
	p := &testProvider{
		hosts: make(chan *provider.Host, 1),
		puts:  make(chan provider.LinkDefinition, 16),
		dels:  make(chan provider.LinkDefinition, 16),
	}
	p.Operations = provider.Operations{
		"Test.Echo": func(_ context.Context, c *provider.Call) ([]byte, error) { return c.Msg, nil },
		"Test.Whoami": func(_ context.Context, c *provider.Call) ([]byte, error) {
			return []byte(c.Actor() + " " + c.Link.Values["name"]), nil
		},
		"Test.Fail":  func(context.Context, *provider.Call) ([]byte, error) { return nil, errors.New("it failed") },
		"Test.Panic": func(context.Context, *provider.Call) ([]byte, error) { panic("boom") },
	}
	return p
}

func (p *testProvider) Init(_ context.Context, h *provider.Host) error {
	p.hosts <- h
	return nil
}

func (p *testProvider) PutLink(_ context.Context, ld provider.LinkDefinition) error {
	if ld.ActorID == p.refuse {
		return errors.New("refused")
	}
	p.puts <- ld
	return nil
}

func (p *testProvider) DeleteLink(_ context.Context, ld provider.LinkDefinition) { p.dels <- ld }

func (p *testProvider) Health(context.Context) provider.HealthCheckResponse {
	if p.health != nil {
		return *p.health
	}
	return provider.HealthCheckResponse{Healthy: true}
}

func (p *testProvider) Shutdown(context.Context) error {
	p.shutdowns.Add(1)
	return nil
}

func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("no %s within 5s", what)
		panic("unreachable")
	}
}

func ctx5s(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestSignedInvocationIsDispatched(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	h.Run(newTestProvider(), h.Link(actor, map[string]string{"name": "alice"}))

	inv := h.NewInvocation(actor, "Test.Whoami", nil)
	data, _ := provider.Marshal(inv)
	msg, err := h.Conn.Request(provider.RPCSubject(h.Lattice, h.ProviderKey, h.LinkName), data, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(msg.Data, []byte("error")) {
		t.Errorf("a successful response carries an error key: %x", msg.Data)
	}
	var resp provider.InvocationResponse
	if err := provider.Unmarshal(msg.Data, &resp); err != nil {
		t.Fatal(err)
	}
	want := actor + " alice"
	if resp.Failed || string(resp.Msg) != want || resp.InvocationID != inv.ID || resp.ContentLength != uint64(len(want)) {
		t.Errorf("response = %+v (msg %q)", resp, resp.Msg)
	}
}

func TestInvocationFailures(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	h.Run(newTestProvider(), h.Link(actor, nil))
	for op, want := range map[string]string{
		"Test.Fail":    "it failed",
		"Test.Missing": "method not handled Test.Missing",
		"Test.Panic":   "failed to handle Test.Panic for actor " + actor + ": provider panicked: boom",
	} {
		_, err := h.Invoke(ctx5s(t), actor, op, nil)
		var remote *provider.RemoteError
		if !errors.As(err, &remote) || remote.Text != want {
			t.Errorf("%s: err = %v, want %q", op, err, want)
		}
	}
	if out, err := h.Invoke(ctx5s(t), actor, "Test.Echo", []byte("still serving")); err != nil || string(out) != "still serving" {
		t.Errorf("after failures: %q, %v", out, err)
	}
}

func TestForgedInvocationsAreRefused(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	h.Run(newTestProvider(), h.Link(actor, nil))
	stranger := providertest.NewActorKey(t)
	otherProvider := provider.WasmCloudEntity{PublicKey: providertest.NewProviderKey(t), ContractID: contract, LinkName: "default"}

	cases := map[string]struct {
		inv  func() provider.Invocation
		want string
	}{
		"bad signature": {func() provider.Invocation {
			inv := h.NewInvocation(actor, "Test.Echo", []byte("hi"))
			parts := strings.Split(inv.EncodedClaims, ".")
			sig := []byte(parts[2])
			if sig[5] == 'A' { // another base64url character: a different, well-formed signature
				sig[5] = 'B'
			} else {
				sig[5] = 'A'
			}
			inv.EncodedClaims = parts[0] + "." + parts[1] + "." + string(sig)
			return inv
		}, "Invocation claims signature invalid"},
		"wrong issuer": {func() provider.Invocation {
			return h.NewInvocation(actor, "Test.Echo", []byte("hi"), providertest.SignedBy(providertest.NewClusterKey(t)))
		}, "Issuer of this invocation is not in list of cluster issuers"},
		"wrong target key": {func() provider.Invocation {
			return h.NewInvocation(actor, "Test.Echo", []byte("hi"), providertest.Targeting(otherProvider))
		}, fmt.Sprintf("target key mismatch: %s != %s", otherProvider.PublicKey, h.HostID)},
		"unlinked actor": {func() provider.Invocation {
			return h.NewInvocation(stranger, "Test.Echo", []byte("hi"))
		}, fmt.Sprintf("unlinked actor: '%s'", stranger)},
		"invalid host id": {func() provider.Invocation {
			return h.NewInvocation(actor, "Test.Echo", []byte("hi"), providertest.WithHostID("bogus"))
		}, "Invalid host ID on invocation: 'bogus'"},
		"other operation": {func() provider.Invocation {
			inv := h.NewInvocation(actor, "Test.Echo", []byte("hi"))
			inv.Operation = "Test.Whoami"
			return inv
		}, "Invocation hash does not match signed claims hash"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			inv := tc.inv()
			resp, err := h.Send(ctx5s(t), inv)
			if err != nil {
				t.Fatal(err)
			}
			if !resp.Failed || resp.Error != tc.want && !strings.HasPrefix(resp.Error, tc.want) {
				t.Errorf("error = %q, want %q", resp.Error, tc.want)
			}
			if resp.InvocationID != inv.ID || len(resp.Msg) != 0 {
				t.Errorf("response = %+v", resp)
			}
		})
	}

	t.Run("altered payload", func(t *testing.T) {
		inv := h.NewInvocation(actor, "Test.Echo", []byte("pay 10"))
		claimed := h.NewInvocation(actor, "Test.Echo", []byte("pay 10"))
		inv.Msg, inv.ContentLength = []byte("pay 99"), 6
		resp, err := h.Send(ctx5s(t), inv)
		if err != nil {
			t.Fatal(err)
		}
		// the claimed hash is the same for any invocation of this payload; the computed one differs
		want := "Invocation hash does not match signed claims hash (" + claimHash(t, claimed.EncodedClaims) + " / "
		if !resp.Failed || !strings.HasPrefix(resp.Error, want) || !strings.HasSuffix(resp.Error, ")") {
			t.Errorf("error = %q, want prefix %q", resp.Error, want)
		}
	})

	t.Run("undecodable", func(t *testing.T) {
		msg, err := h.Conn.Request(provider.RPCSubject(h.Lattice, h.ProviderKey, h.LinkName), []byte{0x81, 0xa2, 'i', 'd'}, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		var resp provider.InvocationResponse
		if err := provider.Unmarshal(msg.Data, &resp); err != nil {
			t.Fatal(err)
		}
		if !resp.Failed || !strings.HasPrefix(resp.Error, "deser error: ") {
			t.Errorf("error = %q", resp.Error)
		}
	})
}

func claimHash(t *testing.T, token string) string {
	t.Helper()
	var claims struct {
		Wascap struct {
			Hash string `json:"hash"`
		} `json:"wascap"`
	}
	decodeJWTClaims(t, token, &claims)
	return claims.Wascap.Hash
}

func TestChunkedRequestAndResponse(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	h.Run(newTestProvider(), h.Link(actor, nil))
	big := bytes.Repeat([]byte("0123456789abcdef"), 1500*1024/16) // 1.5 MiB > 900 KiB
	out, err := h.Invoke(ctx5s(t), actor, "Test.Echo", big)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, big) {
		t.Fatalf("echo of %d bytes returned %d bytes", len(big), len(out))
	}
	assertBucketEmpty(t, h)
}

// assertBucketEmpty checks that every chunk object was deleted by its reader.
func assertBucketEmpty(t *testing.T, h *providertest.Host) {
	t.Helper()
	js, err := jetstream.New(h.Conn)
	if err != nil {
		t.Fatal(err)
	}
	obs, err := js.ObjectStore(ctx5s(t), h.Lattice)
	if err != nil {
		t.Fatalf("object store bucket %s: %v", h.Lattice, err)
	}
	if list, err := obs.List(ctx5s(t)); !errors.Is(err, jetstream.ErrNoObjectsFound) {
		t.Errorf("objects left in bucket: %d (%v)", len(list), err)
	}
}

func TestProviderCallsActor(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	p := newTestProvider()
	h.Run(p, h.Link(actor, nil))
	host := receive(t, p.hosts, "host")

	var seen provider.Invocation
	h.ServeActor(actor, func(inv provider.Invocation) ([]byte, error) {
		seen = inv
		switch inv.Operation {
		case "Actor.Upper":
			return bytes.ToUpper(inv.Msg), nil
		case "Actor.Double":
			return append(append([]byte{}, inv.Msg...), inv.Msg...), nil
		}
		return nil, fmt.Errorf("Guest call failed for method %s: method not handled", inv.Operation)
	})

	out, err := host.CallActor(ctx5s(t), actor, "Actor.Upper", []byte("hello"))
	if err != nil || string(out) != "HELLO" {
		t.Fatalf("CallActor = %q, %v", out, err)
	}
	wantOrigin := provider.WasmCloudEntity{PublicKey: h.ProviderKey, ContractID: contract, LinkName: "default"}
	if seen.Origin != wantOrigin || seen.Target != provider.ActorEntity(actor) || seen.HostID != h.HostID {
		t.Errorf("invocation origin/target/host = %+v / %+v / %s", seen.Origin, seen.Target, seen.HostID)
	}

	big := bytes.Repeat([]byte{7}, 600*1024) // request 600 KiB inline, response 1.2 MiB chunked
	out, err = host.CallActor(ctx5s(t), actor, "Actor.Double", big)
	if err != nil || len(out) != 2*len(big) {
		t.Fatalf("CallActor with chunked response = %d bytes, %v", len(out), err)
	}
	big = bytes.Repeat([]byte{8}, 1000*1024) // both ways chunked
	out, err = host.CallActor(ctx5s(t), actor, "Actor.Double", big)
	if err != nil || len(out) != 2*len(big) || seen.ContentLength != uint64(len(big)) || len(seen.Msg) != len(big) {
		t.Fatalf("CallActor chunked both ways = %d bytes, %v", len(out), err)
	}
	assertBucketEmpty(t, h)

	_, err = host.CallActor(ctx5s(t), actor, "Actor.Nope", nil)
	var remote *provider.RemoteError
	if !errors.As(err, &remote) || remote.Text != "Guest call failed for method Actor.Nope: method not handled" {
		t.Errorf("actor failure = %v", err)
	}
	stranger := providertest.NewActorKey(t)
	if _, err := host.CallActor(ctx5s(t), stranger, "Actor.Upper", nil); err == nil || !strings.Contains(err.Error(), "not linked") {
		t.Errorf("call to unlinked actor: %v", err)
	}
}

func TestCallActorWithoutResponder(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	p := newTestProvider()
	h.Run(p, h.Link(actor, nil))
	host := receive(t, p.hosts, "host")
	_, err := host.CallActor(ctx5s(t), actor, "Actor.Upper", nil)
	if err == nil || !strings.Contains(err.Error(), "no responders") {
		t.Errorf("err = %v", err)
	}
}

func TestProviderCallsAreCheckedByTheActorSide(t *testing.T) {
	// a host that does not trust the provider's signer refuses its calls with OTP's text
	n := providertest.StartNATS(t)
	h := providertest.NewHost(t, n, contract)
	actor := providertest.NewActorKey(t)
	p := newTestProvider()
	h.Run(p, h.Link(actor, nil))
	host := receive(t, p.hosts, "host")
	other := *h
	other.Cluster = providertest.NewClusterKey(t)
	other.ServeActor(actor, func(provider.Invocation) ([]byte, error) { return []byte("ok"), nil })
	_, err := host.CallActor(ctx5s(t), actor, "Actor.Upper", nil)
	if err == nil || err.Error() != "Anti-forgery check failed: Issuer of this invocation is not among the list of valid issuers" {
		t.Errorf("err = %v", err)
	}
}

func TestAfterReplyRunsOnceTheReplyIsSent(t *testing.T) {
	h := providertest.NewHost(t, providertest.StartNATS(t), contract)
	actor := providertest.NewActorKey(t)
	p := newTestProvider()
	replied := make(chan struct{})
	p.Operations["Test.Stream"] = func(_ context.Context, c *provider.Call) ([]byte, error) {
		c.AfterReply(func(ctx context.Context) {
			<-replied // the test has the reply
			if _, err := c.Host.CallActor(ctx, c.Actor(), "Actor.Chunk", []byte("more")); err != nil {
				t.Errorf("CallActor after reply: %v", err)
			}
		})
		return []byte("first"), nil
	}
	h.Run(p, h.Link(actor, nil))
	chunks := make(chan string, 1)
	h.ServeActor(actor, func(inv provider.Invocation) ([]byte, error) {
		chunks <- inv.Operation + " " + string(inv.Msg)
		return nil, nil
	})
	out, err := h.Invoke(ctx5s(t), actor, "Test.Stream", nil)
	if err != nil || string(out) != "first" {
		t.Fatalf("Invoke = %q, %v", out, err)
	}
	close(replied)
	if got := receive(t, chunks, "call after reply"); got != "Actor.Chunk more" {
		t.Errorf("actor received %q", got)
	}
}
