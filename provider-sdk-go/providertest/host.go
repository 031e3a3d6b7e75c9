package providertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/vmihailenco/msgpack/v5"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/internal/chunks"
	"trellis.dev/provider-sdk-go/internal/nkeys"
	"trellis.dev/provider-sdk-go/internal/wascap"
)

// Host plays a wasmCloud host for one provider (key, link name, contract) in a lattice of its
// own. Its cluster key signs invocations and is the provider's only cluster issuer.
type Host struct {
	t           testing.TB
	NATS        *NATS
	Conn        *nats.Conn // the host's own connection
	Lattice     string
	HostID      string // N…
	ProviderKey string // V…
	LinkName    string
	ContractID  string
	Cluster     Key
	// UserJWT and UserSeed are passed to the provider as its NATS credentials when both are set.
	UserJWT  provider.Secret
	UserSeed provider.Secret
	chunks   *chunks.Store
}

// NewHost returns a host double for a provider of contract on server n, with fresh keys and a
// unique lattice prefix. opts configure the host's own connection (credentials, …).
func NewHost(t testing.TB, n *NATS, contractID string, opts ...nats.Option) *Host {
	t.Helper()
	nc, err := nats.Connect(n.URL, append([]nats.Option{nats.Name("providertest host")}, opts...)...)
	if err != nil {
		t.Fatalf("failed to connect to %s: %v", n.URL, err)
	}
	t.Cleanup(nc.Close)
	lattice := "test" + strings.ToLower(NewHostKey(t)[1:13])
	store, err := chunks.New(nc, lattice, "")
	if err != nil {
		t.Fatal(err)
	}
	return &Host{
		t:           t,
		NATS:        n,
		Conn:        nc,
		Lattice:     lattice,
		HostID:      NewHostKey(t),
		ProviderKey: NewProviderKey(t),
		LinkName:    "default",
		ContractID:  contractID,
		Cluster:     NewClusterKey(t),
		chunks:      store,
	}
}

// Link returns a link from actorID to the provider.
func (h *Host) Link(actorID string, values map[string]string) provider.LinkDefinition {
	if values == nil {
		values = map[string]string{}
	}
	return provider.LinkDefinition{
		ActorID:    actorID,
		ProviderID: h.ProviderKey,
		LinkName:   h.LinkName,
		ContractID: h.ContractID,
		Values:     values,
		ID:         provider.LinkID(actorID, h.ContractID, h.LinkName),
	}
}

// HostData returns what the host would send to the provider, with the given links.
func (h *Host) HostData(links ...provider.LinkDefinition) provider.HostData {
	timeout := uint64(2000)
	return provider.HostData{
		HostID:              h.HostID,
		LatticeRPCPrefix:    h.Lattice,
		LinkName:            h.LinkName,
		LatticeRPCURL:       strings.TrimPrefix(h.NATS.URL, "nats://"), // as OTP sends it: no scheme
		ProviderKey:         h.ProviderKey,
		InvocationSeed:      h.Cluster.Seed(),
		LatticeRPCUserJWT:   h.UserJWT,
		LatticeRPCUserSeed:  h.UserSeed,
		EnvValues:           map[string]string{},
		InstanceID:          newID(),
		LinkDefinitions:     append([]provider.LinkDefinition{}, links...),
		ClusterIssuers:      []string{h.Cluster.PublicKey()},
		DefaultRPCTimeoutMS: &timeout,
		LogLevel:            "debug",
	}
}

// PutLink publishes a link on linkdefs.put (fire and forget, like the host).
func (h *Host) PutLink(ld provider.LinkDefinition) {
	h.publish(provider.LinkPutSubject(h.Lattice, h.ProviderKey, h.LinkName), ld)
}

// DeleteLink publishes a link on linkdefs.del.
func (h *Host) DeleteLink(ld provider.LinkDefinition) {
	h.publish(provider.LinkDelSubject(h.Lattice, h.ProviderKey, h.LinkName), ld)
}

func (h *Host) publish(subject string, ld provider.LinkDefinition) {
	h.t.Helper()
	data, err := provider.Marshal(ld)
	if err == nil {
		err = h.Conn.Publish(subject, data)
	}
	if err == nil {
		err = h.Conn.Flush()
	}
	if err != nil {
		h.t.Fatalf("failed to publish on %s: %v", subject, err)
	}
}

// Health sends a health request as hosts do ({"placeholder":true}) and decodes the reply.
func (h *Host) Health(ctx context.Context) (provider.HealthCheckResponse, error) {
	var resp provider.HealthCheckResponse
	body, err := provider.Marshal(provider.HealthCheckRequest{Placeholder: true})
	if err != nil {
		return resp, err
	}
	msg, err := h.Conn.RequestWithContext(ctx, provider.HealthSubject(h.Lattice, h.ProviderKey, h.LinkName), body)
	if err != nil {
		return resp, err
	}
	err = msgpack.Unmarshal(msg.Data, &resp)
	return resp, err
}

// Shutdown sends a shutdown request {"host_id": hostID} and returns the reply body.
func (h *Host) Shutdown(ctx context.Context, hostID string) ([]byte, error) {
	body, err := json.Marshal(map[string]string{"host_id": hostID})
	if err != nil {
		return nil, err
	}
	msg, err := h.Conn.RequestWithContext(ctx, provider.ShutdownSubject(h.Lattice, h.ProviderKey, h.LinkName), body)
	if err != nil {
		return nil, err
	}
	return msg.Data, nil
}

// WaitReady polls health until the provider answers (it subscribes to health last).
func (h *Host) WaitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
		_, err := h.Health(ctx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("provider %s not ready after %s: %w", h.ProviderKey, timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// InvocationOption changes how NewInvocation builds and signs an invocation, e.g. to forge one.
type InvocationOption func(*invocationConfig)

type invocationConfig struct {
	signer *nkeys.KeyPair
	target *provider.WasmCloudEntity
	hostID *string
}

// SignedBy signs with another cluster key than the host's.
func SignedBy(k Key) InvocationOption { return func(c *invocationConfig) { c.signer = k.kp } }

// Targeting addresses (and signs for) another target entity than the provider.
func Targeting(e provider.WasmCloudEntity) InvocationOption {
	return func(c *invocationConfig) { c.target = &e }
}

// WithHostID puts another host id in the invocation.
func WithHostID(id string) InvocationOption { return func(c *invocationConfig) { c.hostID = &id } }

// NewInvocation builds the invocation an actor's call to the provider becomes: origin = the
// actor, target = the provider entity, signed by the host's cluster key over the full msg.
func (h *Host) NewInvocation(actorID, operation string, msg []byte, opts ...InvocationOption) provider.Invocation {
	h.t.Helper()
	cfg := invocationConfig{signer: h.Cluster.kp}
	for _, o := range opts {
		o(&cfg)
	}
	target := provider.WasmCloudEntity{PublicKey: h.ProviderKey, ContractID: h.ContractID, LinkName: h.LinkName}
	if cfg.target != nil {
		target = *cfg.target
	}
	inv := provider.Invocation{
		Origin:        provider.ActorEntity(actorID),
		Target:        target,
		Operation:     operation,
		Msg:           msg,
		ID:            newID(),
		HostID:        h.HostID,
		ContentLength: uint64(len(msg)),
	}
	if cfg.hostID != nil {
		inv.HostID = *cfg.hostID
	}
	claims, err := wascap.Sign(wascap.Signed{
		ID:        inv.ID,
		OriginURL: inv.Origin.URL(),
		TargetURL: inv.Target.URL() + "/" + operation,
		Operation: operation,
		Msg:       msg,
		HostID:    inv.HostID,
	}, cfg.signer, time.Now())
	if err != nil {
		h.t.Fatal(err)
	}
	inv.EncodedClaims = claims
	return inv
}

// Send sends an invocation as is to the provider's RPC subject and decodes the response (it
// does not chunk or dechunk).
func (h *Host) Send(ctx context.Context, inv provider.Invocation) (provider.InvocationResponse, error) {
	var resp provider.InvocationResponse
	data, err := provider.Marshal(inv)
	if err != nil {
		return resp, err
	}
	msg, err := h.Conn.RequestWithContext(ctx, provider.RPCSubject(h.Lattice, h.ProviderKey, h.LinkName), data)
	if err != nil {
		return resp, err
	}
	err = msgpack.Unmarshal(msg.Data, &resp)
	return resp, err
}

// Invoke calls operation on the provider on behalf of actorID, as a host does: payloads over
// 900 KiB go through the object store both ways. A failure reply is a *provider.RemoteError.
func (h *Host) Invoke(ctx context.Context, actorID, operation string, msg []byte) ([]byte, error) {
	inv := h.NewInvocation(actorID, operation, msg)
	if chunks.NeedsChunking(len(msg)) {
		if err := h.chunks.Put(ctx, inv.ID, msg); err != nil {
			return nil, err
		}
		inv.Msg = nil
	}
	resp, err := h.Send(ctx, inv)
	if err != nil {
		return nil, err
	}
	if err := resp.Err(); err != nil {
		return nil, err
	}
	if resp.ContentLength > uint64(len(resp.Msg)) {
		out, _, err := h.chunks.Take(ctx, chunks.ResponseName(inv.ID))
		return out, err
	}
	return resp.Msg, nil
}

// ActorFunc answers an invocation that passed the host's checks.
type ActorFunc func(inv provider.Invocation) ([]byte, error)

// ServeActor plays a running actor: it subscribes to wasmbus.rpc.{lattice}.{actorID} with queue
// group = subject (as an OTP host does), checks each invocation as an OTP host would (token,
// hash, host id, issuer = this host's cluster key, URLs; failures answered "Anti-forgery check
// failed: …"), dechunks, calls fn and replies, chunking large results.
func (h *Host) ServeActor(actorID string, fn ActorFunc) {
	h.t.Helper()
	subject := provider.ActorSubject(h.Lattice, actorID)
	sub, err := h.Conn.QueueSubscribe(subject, subject, func(m *nats.Msg) {
		resp := h.actorAnswer(actorID, m.Data, fn)
		if chunks.NeedsChunking(len(resp.Msg)) {
			if err := h.chunks.Put(context.Background(), chunks.ResponseName(resp.InvocationID), resp.Msg); err != nil {
				resp = provider.InvocationResponse{InvocationID: resp.InvocationID, Failed: true, Error: err.Error()}
			} else {
				resp.Msg = nil
			}
		}
		data, err := provider.Marshal(resp)
		if err == nil {
			_ = m.Respond(data)
		}
	})
	if err == nil {
		err = h.Conn.Flush()
	}
	if err != nil {
		h.t.Fatalf("failed to serve actor %s: %v", actorID, err)
	}
	h.t.Cleanup(func() { _ = sub.Unsubscribe() })
}

func (h *Host) actorAnswer(actorID string, data []byte, fn ActorFunc) provider.InvocationResponse {
	fail := func(id, text string) provider.InvocationResponse {
		return provider.InvocationResponse{InvocationID: id, Failed: true, Error: text}
	}
	var inv provider.Invocation
	if err := msgpack.Unmarshal(data, &inv); err != nil {
		return fail("", "Failed to deserialize invocation")
	}
	signed := wascap.Signed{
		ID:        inv.ID,
		OriginURL: inv.Origin.URL(),
		TargetURL: inv.Target.URL() + "/" + inv.Operation,
		Operation: inv.Operation,
		Msg:       inv.Msg,
		HostID:    inv.HostID,
	}
	if err := wascap.CheckForActor(inv.EncodedClaims, signed, []string{h.Cluster.PublicKey()}, time.Now()); err != nil {
		return fail(inv.ID, "Anti-forgery check failed: "+err.Error())
	}
	if inv.Target.PublicKey != actorID {
		return fail(inv.ID, fmt.Sprintf("Invocation received for actor %s that is not running", inv.Target.PublicKey))
	}
	if inv.ContentLength > uint64(len(inv.Msg)) {
		msg, _, err := h.chunks.Take(context.Background(), inv.ID)
		if err != nil {
			return fail(inv.ID, err.Error())
		}
		inv.Msg = msg
		// the hash was skipped above because msg was empty; check it over the full payload now
		if err := wascap.CheckForActor(inv.EncodedClaims, wascap.Signed{
			ID: inv.ID, OriginURL: signed.OriginURL, TargetURL: signed.TargetURL,
			Operation: inv.Operation, Msg: inv.Msg, HostID: inv.HostID,
		}, []string{h.Cluster.PublicKey()}, time.Now()); err != nil {
			return fail(inv.ID, "Anti-forgery check failed: "+err.Error())
		}
	}
	out, err := fn(inv)
	if err != nil {
		return fail(inv.ID, err.Error())
	}
	return provider.InvocationResponse{Msg: out, InvocationID: inv.ID, ContentLength: uint64(len(out))}
}
