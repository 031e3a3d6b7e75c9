package provider

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/nats-io/nats.go"
	"github.com/vmihailenco/msgpack/v5"

	"trellis.dev/provider-sdk-go/internal/chunks"
	"trellis.dev/provider-sdk-go/internal/wascap"
)

// onInvocation hands the message to a goroutine of its own; it blocks only when the in-flight
// bound is reached.
func (h *Host) onInvocation(msg *nats.Msg) {
	h.sem <- struct{}{}
	h.inflight.Add(1)
	go func() {
		defer func() {
			<-h.sem
			h.inflight.Done()
		}()
		resp, call := h.answer(msg.Data)
		if msg.Reply != "" {
			h.respond(msg.Reply, resp)
		}
		if call != nil && len(call.afterReply) > 0 {
			h.runAfterReply(call)
		}
	}()
}

// runAfterReply runs the functions registered with Call.AfterReply; the caller's in-flight
// count is still held, so a stop waits for them.
func (h *Host) runAfterReply(call *Call) {
	for _, fn := range call.afterReply {
		err := callSafely(func() error { fn(h.handlerCtx); return nil })
		if err != nil {
			h.log.Error("after-reply function failed", "operation", call.Operation, "actor", call.Actor(), "error", err)
		}
	}
}

func failure(id, text string) InvocationResponse {
	return InvocationResponse{InvocationID: id, Failed: true, Error: text}
}

// answer decodes, dechunks, validates and dispatches one invocation (rpc-rs order, spec §4.3).
// The call is nil when the invocation was refused.
func (h *Host) answer(data []byte) (InvocationResponse, *Call) {
	var inv Invocation
	if err := msgpack.Unmarshal(data, &inv); err != nil {
		h.log.Warn("invalid rpc message received (not deserializable)", "error", err)
		return failure("", "deser error: "+err.Error()), nil
	}
	log := h.log.With("invocation_id", inv.ID, "operation", inv.Operation, "actor", inv.Origin.PublicKey)
	if inv.ContentLength > uint64(len(inv.Msg)) {
		ctx, cancel := context.WithTimeout(h.handlerCtx, objectStoreTimeout)
		msg, delErr, err := h.chunks.Take(ctx, inv.ID)
		cancel()
		if err != nil {
			log.Error("failed to dechunk invocation", "error", err)
			return failure(inv.ID, fmt.Sprintf("failed to dechunk invocation %s: %v", inv.ID, err)), nil
		}
		if delErr != nil {
			log.Warn("chunked invocation not deleted", "error", delErr)
		}
		inv.Msg = msg
	}
	link, err := h.validate(&inv)
	if err != nil {
		log.Warn("invocation refused", "host_id", inv.HostID, "error", err)
		return failure(inv.ID, err.Error()), nil
	}
	call := &Call{ID: inv.ID, Operation: inv.Operation, Msg: inv.Msg, Origin: inv.Origin, Link: link, Host: h}
	out, err := h.dispatch(call)
	if err != nil {
		log.Info("invocation failed", "error", err)
		return failure(inv.ID, err.Error()), call
	}
	log.Debug("invocation handled", "bytes", len(out))
	return InvocationResponse{Msg: out, InvocationID: inv.ID, ContentLength: uint64(len(out))}, call
}

// validate applies rpc-rs's provider checks and texts: the anti-forgery checks, issuer ∈
// cluster_issuers, target key == provider key, origin actor linked. The target key message
// names the host id where the provider key is compared: that is rpc-rs's text, kept as is.
func (h *Host) validate(inv *Invocation) (LinkDefinition, error) {
	signed := wascap.Signed{
		ID:        inv.ID,
		OriginURL: inv.Origin.URL(),
		TargetURL: inv.Target.URL() + "/" + inv.Operation,
		Operation: inv.Operation,
		Msg:       inv.Msg,
		HostID:    inv.HostID,
	}
	if err := wascap.CheckForProvider(inv.EncodedClaims, signed, h.data.ClusterIssuers, h.now()); err != nil {
		return LinkDefinition{}, err
	}
	if inv.Target.PublicKey != h.data.ProviderKey {
		return LinkDefinition{}, fmt.Errorf("target key mismatch: %s != %s", inv.Target.PublicKey, h.data.HostID)
	}
	link, ok := h.Link(inv.Origin.PublicKey)
	if !ok {
		return LinkDefinition{}, fmt.Errorf("unlinked actor: '%s'", inv.Origin.PublicKey)
	}
	return link, nil
}

func (h *Host) dispatch(call *Call) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			h.log.Error("provider panicked handling invocation", "operation", call.Operation, "panic", r, "stack", string(debug.Stack()))
			out, err = nil, fmt.Errorf("failed to handle %s for actor %s: provider panicked: %v", call.Operation, call.Actor(), r)
		}
	}()
	return h.provider.HandleInvocation(h.handlerCtx, call)
}

// respond publishes the response, through the object store ("{id}-r") when it is too large.
func (h *Host) respond(reply string, resp InvocationResponse) {
	if chunks.NeedsChunking(len(resp.Msg)) {
		ctx, cancel := context.WithTimeout(h.handlerCtx, objectStoreTimeout)
		err := h.chunks.Put(ctx, chunks.ResponseName(resp.InvocationID), resp.Msg)
		cancel()
		if err != nil {
			h.log.Error("failed to chunk response", "invocation_id", resp.InvocationID, "error", err)
			resp = failure(resp.InvocationID, fmt.Sprintf("failed to chunk response of invocation %s: %v", resp.InvocationID, err))
		} else {
			resp.Msg = nil // ContentLength keeps the full length
		}
	}
	data, err := Marshal(resp)
	if err == nil {
		err = h.nc.Publish(reply, data)
	}
	if err != nil {
		h.log.Error("failed to send rpc response", "invocation_id", resp.InvocationID, "error", err)
	}
}
