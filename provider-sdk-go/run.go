package provider

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats.go"

	"trellis.dev/provider-sdk-go/internal/chunks"
	"trellis.dev/provider-sdk-go/internal/nkeys"
)

// Run serves provider p until the host asks it to shut down or ctx is done; both are a graceful
// stop and return nil. In order it: reads HostData (stdin unless WithHostData), connects to
// lattice_rpc_url, calls Init, delivers the HostData links, subscribes to the RPC subject
// (queue group "rpc") and to linkdefs.put, linkdefs.del, shutdown and health, then serves.
// linkdefs.put and .del share one subscription, so links change in the order the host
// published them.
//
// Stop sequence: drain the subscriptions, wait for invocations in flight, call Shutdown, reply
// "shutting down" to the shutdown request, close the connection. The waiting and the hook share
// the shutdown timeout (WithShutdownTimeout) so that the reply beats the host's 2 s timeout.
func Run(ctx context.Context, p Provider, opts ...Option) error {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	hd, err := ReadHostData(cfg.hostData, cfg.hostDataTimeout)
	if err != nil {
		return err
	}
	log := cfg.logger
	if log == nil {
		log = NewLogger(hd, os.Stderr)
		slog.SetDefault(log)
	}
	h, err := connect(hd, cfg, log, p)
	if err != nil {
		return err
	}
	return h.serve(ctx)
}

func connect(hd HostData, cfg config, log *slog.Logger, p Provider) (*Host, error) {
	h := &Host{
		data:     hd,
		log:      log,
		provider: p,
		cfg:      cfg,
		now:      time.Now,
		links:    map[string]LinkDefinition{},
		sem:      make(chan struct{}, cfg.maxInFlight),
		stopCh:   make(chan string, 1),
		closedCh: make(chan struct{}),
	}
	if hd.InvocationSeed != "" {
		kp, err := nkeys.FromSeed(string(hd.InvocationSeed))
		if err != nil {
			return nil, errors.New("failed to read host data: invocation_seed is not a valid nkey seed")
		}
		h.cluster = kp
	}
	url := hd.NATSURL()
	natsOpts := []nats.Option{
		nats.Name("trellis provider " + hd.ProviderKey + " " + hd.Link()),
		nats.MaxReconnects(-1),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil { // nil when the connection is closed on purpose
				log.Warn("nats disconnected", "error", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("nats reconnected", "url", nc.ConnectedUrlRedacted())
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			subject := ""
			if sub != nil {
				subject = sub.Subject
			}
			log.Error("nats error", "subject", subject, "error", err)
		}),
		nats.ClosedHandler(func(*nats.Conn) {
			h.closedOnce.Do(func() { close(h.closedCh) })
		}),
	}
	switch jwt, seed := string(hd.LatticeRPCUserJWT), string(hd.LatticeRPCUserSeed); {
	case jwt != "" && seed != "":
		natsOpts = append(natsOpts, nats.UserJWTAndSeed(jwt, seed))
	case jwt != "" || seed != "":
		log.Warn("host data has only one of lattice_rpc_user_jwt and lattice_rpc_user_seed; connecting without credentials")
	}
	natsOpts = append(natsOpts, cfg.natsOptions...)
	nc, err := nats.Connect(url, natsOpts...)
	if err != nil {
		return nil, fmt.Errorf("failed to connect to NATS at %s: %w; check lattice_rpc_url in host data", url, err)
	}
	h.nc = nc
	h.chunks, err = chunks.New(nc, hd.Lattice(), hd.JSDomain)
	if err != nil {
		nc.Close()
		return nil, err
	}
	h.handlerCtx, h.cancelHandlers = context.WithCancel(context.Background())
	return h, nil
}

func (h *Host) serve(ctx context.Context) error {
	if in, ok := h.provider.(Initializer); ok {
		if err := in.Init(ctx, h); err != nil {
			h.cancelHandlers()
			h.nc.Close()
			return fmt.Errorf("failed to initialize provider %s: %w", h.data.ProviderKey, err)
		}
	}
	for _, ld := range h.data.LinkDefinitions {
		h.putLink(ctx, ld)
	}
	lattice, key, link := h.data.Lattice(), h.data.ProviderKey, h.data.Link()
	type sub struct {
		subject, queue string
		handler        nats.MsgHandler
	}
	for _, s := range []sub{
		{linkSubjects(lattice, key, link), "", h.onLinkMessage},
		{RPCSubject(lattice, key, link), rpcQueueGroup, h.onInvocation},
		{ShutdownSubject(lattice, key, link), "", h.onShutdown},
		{HealthSubject(lattice, key, link), "", h.onHealth}, // last, like rpc-rs: healthy once ready
	} {
		ns, err := h.nc.QueueSubscribe(s.subject, s.queue, s.handler)
		if err != nil {
			h.cancelHandlers()
			h.nc.Close()
			return fmt.Errorf("failed to subscribe to %s: %w", s.subject, err)
		}
		h.subs = append(h.subs, ns)
	}
	if err := h.nc.Flush(); err != nil {
		h.cancelHandlers()
		h.nc.Close()
		return fmt.Errorf("failed to subscribe provider %s: %w", key, err)
	}
	h.log.Info("provider ready", "host_data", h.data)

	select {
	case reply := <-h.stopCh:
		h.stop(reply)
		return nil
	case <-ctx.Done():
		h.log.Info("stopping provider: context done")
		h.stop("")
		return nil
	case <-h.closedCh:
		h.cancelHandlers()
		return fmt.Errorf("failed to serve provider %s: the NATS connection was closed", key)
	}
}

// requestStop asks serve to stop once; later requests are ignored.
func (h *Host) requestStop(reply string) {
	h.stopOnce.Do(func() { h.stopCh <- reply })
}

func (h *Host) stop(reply string) {
	ctx, cancel := context.WithTimeout(context.Background(), h.cfg.shutdownTimeout)
	defer cancel()
	for _, s := range h.subs {
		if err := s.Drain(); err != nil {
			h.log.Warn("failed to drain subscription", "subject", s.Subject, "error", err)
		}
	}
	h.waitFor(ctx, "subscriptions", func() bool {
		for _, s := range h.subs {
			if s.IsValid() {
				return false
			}
		}
		return true
	})
	inflight := make(chan struct{})
	go func() { h.inflight.Wait(); close(inflight) }()
	select {
	case <-inflight:
	case <-ctx.Done():
		h.log.Warn("stopping with invocations still in flight")
	}
	if s, ok := h.provider.(Shutdowner); ok {
		done := make(chan error, 1)
		go func() { done <- callSafely(func() error { return s.Shutdown(ctx) }) }()
		select {
		case err := <-done:
			if err != nil {
				h.log.Error("provider shutdown hook failed", "error", err)
			}
		case <-ctx.Done():
			h.log.Warn("provider shutdown hook did not return in time", "timeout", h.cfg.shutdownTimeout)
		}
	}
	h.cancelHandlers()
	if reply != "" {
		if err := h.nc.Publish(reply, []byte("shutting down")); err != nil {
			h.log.Error("failed to reply to shutdown request", "error", err)
		}
	}
	if err := h.nc.FlushTimeout(2 * time.Second); err != nil {
		h.log.Warn("failed to flush NATS connection", "error", err)
	}
	h.nc.Close()
	h.log.Info("provider stopped")
}

// waitFor polls cond until it holds or ctx ends (the NATS client has no completion signal for a
// drained subscription).
func (h *Host) waitFor(ctx context.Context, what string, cond func() bool) {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			h.log.Warn("stopping before " + what + " finished draining")
			return
		case <-tick.C:
		}
	}
}

// callSafely turns a panic in provider code into an error.
func callSafely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn()
}
