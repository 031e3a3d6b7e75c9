package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/vmihailenco/msgpack/v5"
)

// onLinkMessage handles linkdefs.put and linkdefs.del (published without reply subject).
func (h *Host) onLinkMessage(msg *nats.Msg) {
	lattice, key, link := h.data.Lattice(), h.data.ProviderKey, h.data.Link()
	put := msg.Subject == LinkPutSubject(lattice, key, link)
	if !put && msg.Subject != LinkDelSubject(lattice, key, link) {
		h.log.Debug("ignoring message on unknown link subject", "subject", msg.Subject)
		return
	}
	var ld LinkDefinition
	if err := msgpack.Unmarshal(msg.Data, &ld); err != nil {
		h.log.Error("failed to decode link definition", "subject", msg.Subject, "error", err)
		return
	}
	if put {
		h.putLink(h.handlerCtx, ld)
	} else {
		h.deleteLink(ld)
	}
}

// putLink records a link unless the actor is already linked or the provider refuses it.
func (h *Host) putLink(ctx context.Context, ld LinkDefinition) {
	h.linkMu.Lock()
	defer h.linkMu.Unlock()
	log := h.log.With("actor", ld.ActorID, "contract_id", ld.ContractID, "link", ld.LinkName)
	if _, linked := h.Link(ld.ActorID); linked {
		log.Info("ignoring duplicate link put")
		return
	}
	if lh, ok := h.provider.(LinkHandler); ok {
		if err := callSafely(func() error { return lh.PutLink(ctx, ld) }); err != nil {
			log.Error("link refused by provider", "error", err)
			return
		}
	}
	if ld.Values == nil {
		ld.Values = map[string]string{}
	}
	h.mu.Lock()
	h.links[ld.ActorID] = ld
	h.mu.Unlock()
	log.Info("link put")
}

// deleteLink forgets the actor's link, then tells the provider (rpc-rs calls delete_link even
// when the actor was not linked).
func (h *Host) deleteLink(ld LinkDefinition) {
	h.linkMu.Lock()
	defer h.linkMu.Unlock()
	h.mu.Lock()
	recorded, linked := h.links[ld.ActorID]
	delete(h.links, ld.ActorID)
	h.mu.Unlock()
	if linked {
		ld = recorded
	}
	h.log.Info("link deleted", "actor", ld.ActorID, "was_linked", linked)
	if lh, ok := h.provider.(LinkHandler); ok {
		err := callSafely(func() error { lh.DeleteLink(h.handlerCtx, ld); return nil })
		if err != nil {
			h.log.Error("provider failed to delete link", "actor", ld.ActorID, "error", err)
		}
	}
}

func (h *Host) onHealth(msg *nats.Msg) {
	resp := HealthCheckResponse{Healthy: true}
	if hr, ok := h.provider.(HealthReporter); ok {
		ctx, cancel := context.WithTimeout(h.handlerCtx, h.data.RPCTimeout())
		err := callSafely(func() error { resp = hr.Health(ctx); return nil })
		cancel()
		if err != nil {
			resp = HealthCheckResponse{Healthy: false, Message: err.Error()}
		}
	}
	h.log.Debug("health check", "healthy", resp.Healthy)
	if msg.Reply == "" {
		return
	}
	data, err := Marshal(resp)
	if err == nil {
		err = msg.Respond(data)
	}
	if err != nil {
		h.log.Error("failed to reply to health check", "error", err)
	}
}

// onShutdown stops the provider when the request names this instance's host, or names none.
// A request for another host's instance gets no reply: every instance shares the subject and
// the requester takes the first reply.
func (h *Host) onShutdown(msg *nats.Msg) {
	var req struct {
		HostID string `json:"host_id"`
	}
	body := bytes.TrimSpace(msg.Data)
	switch err := json.Unmarshal(body, &req); {
	case len(body) == 0:
		h.log.Warn("shutdown request without host_id, shutting down")
	case err != nil:
		h.log.Warn("shutdown request body is not JSON, shutting down", "error", err)
	case req.HostID == "":
		h.log.Warn("shutdown request without host_id, shutting down")
	case req.HostID != h.data.HostID:
		h.log.Debug("ignoring shutdown request for another host", "host_id", req.HostID)
		return
	default:
		h.log.Info("shutdown requested by host", "host_id", req.HostID)
	}
	h.requestStop(msg.Reply)
}

// objectStoreTimeout bounds one chunk transfer through the object store.
const objectStoreTimeout = 30 * time.Second
