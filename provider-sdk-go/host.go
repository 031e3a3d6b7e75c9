package provider

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"trellis.dev/provider-sdk-go/internal/chunks"
	"trellis.dev/provider-sdk-go/internal/nkeys"
)

// Host is the provider's view of the lattice while Run is serving: its HostData, its links, its
// NATS connection, and calls to actors. It is safe for concurrent use.
type Host struct {
	data     HostData
	log      *slog.Logger
	nc       *nats.Conn
	chunks   *chunks.Store
	cluster  *nkeys.KeyPair // signs provider → actor invocations; nil without invocation_seed
	provider Provider
	cfg      config
	now      func() time.Time

	linkMu sync.Mutex   // serializes link changes; held while PutLink/DeleteLink run
	mu     sync.RWMutex // guards links
	links  map[string]LinkDefinition

	handlerCtx     context.Context // given to invocation handlers; canceled at the end of stop
	cancelHandlers context.CancelFunc
	sem            chan struct{} // bounds invocations in flight
	inflight       sync.WaitGroup
	subs           []*nats.Subscription
	stopOnce       sync.Once
	stopCh         chan string // carries the shutdown request's reply subject ("" if none)
	closedOnce     sync.Once
	closedCh       chan struct{} // closed when the NATS connection is closed
}

// Data returns the HostData the provider was started with.
func (h *Host) Data() HostData { return h.data }

// Logger returns the provider's logger.
func (h *Host) Logger() *slog.Logger { return h.log }

// Conn returns the NATS connection to the lattice (for providers such as messaging that talk
// to NATS themselves).
func (h *Host) Conn() *nats.Conn { return h.nc }

// Link returns the link of an actor, if it is linked.
func (h *Host) Link(actorID string) (LinkDefinition, bool) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	ld, ok := h.links[actorID]
	return ld, ok
}

// Links returns all current links, ordered by actor id.
func (h *Host) Links() []LinkDefinition {
	h.mu.RLock()
	out := make([]LinkDefinition, 0, len(h.links))
	for _, ld := range h.links {
		out = append(out, ld)
	}
	h.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ActorID < out[j].ActorID })
	return out
}
