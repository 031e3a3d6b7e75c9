package provider

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/vmihailenco/msgpack/v5"

	"trellis.dev/provider-sdk-go/internal/chunks"
	"trellis.dev/provider-sdk-go/internal/wascap"
)

// chunkedExtraTimeout is what rpc-rs adds to the RPC timeout when the payload is chunked.
const chunkedExtraTimeout = 13 * time.Second

// CallActor invokes operation on a linked actor and returns its reply (spec §3.6 A): the
// invocation's origin is this provider with the link's contract id and link name, it is signed
// with HostData.invocation_seed and sent to wasmbus.rpc.{lattice}.{actor}. The timeout is
// default_rpc_timeout_ms (+13 s when the payload goes through the object store), or ctx's
// deadline if earlier. A failure reported by the actor's host is a *RemoteError with its text.
func (h *Host) CallActor(ctx context.Context, actorID, operation string, msg []byte) ([]byte, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("failed to call %s on actor %s: "+format, append([]any{operation, actorID}, args...)...)
	}
	link, ok := h.Link(actorID)
	if !ok {
		return nil, fail("the actor is not linked to provider %s", h.data.ProviderKey)
	}
	if h.cluster == nil {
		return nil, fail("host data has no invocation_seed to sign with")
	}
	inv := Invocation{
		Origin:        WasmCloudEntity{PublicKey: h.data.ProviderKey, ContractID: link.ContractID, LinkName: link.LinkName},
		Target:        ActorEntity(actorID),
		Operation:     operation,
		Msg:           msg,
		ID:            newInvocationID(),
		HostID:        h.data.HostID,
		ContentLength: uint64(len(msg)),
	}
	claims, err := wascap.Sign(wascap.Signed{
		ID:        inv.ID,
		OriginURL: inv.Origin.URL(),
		TargetURL: inv.Target.URL() + "/" + operation,
		Operation: operation,
		Msg:       msg,
		HostID:    inv.HostID,
	}, h.cluster, h.now())
	if err != nil {
		return nil, fail("%v", err)
	}
	inv.EncodedClaims = claims
	timeout := h.data.RPCTimeout()
	if chunks.NeedsChunking(len(msg)) {
		if err := h.chunks.Put(ctx, inv.ID, msg); err != nil {
			return nil, fail("%v", err)
		}
		inv.Msg = nil
		timeout += chunkedExtraTimeout
	}
	data, err := Marshal(inv)
	if err != nil {
		return nil, fail("%v", err)
	}
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	reply, err := h.nc.RequestWithContext(rctx, ActorSubject(h.data.Lattice(), actorID), data)
	switch {
	case errors.Is(err, nats.ErrNoResponders):
		return nil, fail("no responders; is the actor running in lattice %s?", h.data.Lattice())
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout):
		return nil, fail("request timeout")
	case err != nil:
		return nil, fail("%v", err)
	}
	var resp InvocationResponse
	if err := msgpack.Unmarshal(reply.Data, &resp); err != nil {
		return nil, fail("undecodable response: %v", err)
	}
	if err := resp.Err(); err != nil {
		return nil, err
	}
	if resp.ContentLength > uint64(len(resp.Msg)) {
		out, delErr, err := h.chunks.Take(ctx, chunks.ResponseName(inv.ID))
		if err != nil {
			return nil, fail("%v", err)
		}
		if delErr != nil {
			h.log.Warn("chunked response not deleted", "error", delErr)
		}
		return out, nil
	}
	return resp.Msg, nil
}

// newInvocationID returns a random UUID v4 with hyphens (usable as an object name).
func newInvocationID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
