package provider

import (
	"context"
	"fmt"
	"strings"
)

// Provider answers invocations from linked actors. HandleInvocation runs concurrently for
// different invocations; an error becomes InvocationResponse.error with the error's text.
//
// A provider may also implement any of Initializer, LinkHandler, HealthReporter and Shutdowner;
// Run detects them.
type Provider interface {
	HandleInvocation(ctx context.Context, call *Call) ([]byte, error)
}

// Initializer is called once, after the NATS connection is up and before any link or
// invocation is delivered. An error stops Run. Keep the Host to call actors later.
type Initializer interface {
	Init(ctx context.Context, host *Host) error
}

// LinkHandler is told about links (rpc-rs semantics, spec §6.3). PutLink is called for each link
// in HostData at start and for each linkdefs.put of an actor that is not linked yet; the link is
// recorded only if it returns nil, so an error refuses it (and the actor's calls then fail with
// "unlinked actor"). DeleteLink is called on every linkdefs.del, after the link was forgotten;
// it receives the recorded link if there was one. Link calls never run concurrently with each
// other.
type LinkHandler interface {
	PutLink(ctx context.Context, link LinkDefinition) error
	DeleteLink(ctx context.Context, link LinkDefinition)
}

// HealthReporter answers health requests. Without it, the reply is {"healthy": true}.
type HealthReporter interface {
	Health(ctx context.Context) HealthCheckResponse
}

// Shutdowner is called once when the provider stops (shutdown request or Run's context done),
// before the NATS connection is drained. Its context ends after the shutdown timeout.
type Shutdowner interface {
	Shutdown(ctx context.Context) error
}

// Call is one validated invocation from a linked actor.
type Call struct {
	ID        string // invocation id
	Operation string // "Service.Method", e.g. "KeyValue.Get"
	Msg       []byte // the full payload (already fetched from the object store if chunked)
	Origin    WasmCloudEntity
	Link      LinkDefinition // the calling actor's link
	Host      *Host

	afterReply []func(ctx context.Context)
}

// AfterReply registers fn to run once the reply to this invocation has been sent, for work the
// actor must not see before the reply, such as streaming further chunks to it with
// Host.CallActor. Call it from the handler, not from other goroutines. The functions run in
// order on a goroutine of their own; a stop waits for them like for invocations in flight, and
// their context is canceled when the provider has stopped.
func (c *Call) AfterReply(fn func(ctx context.Context)) {
	c.afterReply = append(c.afterReply, fn)
}

// Actor returns the calling actor's public key.
func (c *Call) Actor() string { return c.Origin.PublicKey }

// Service returns the part of the operation before the last '.'.
func (c *Call) Service() string {
	if i := strings.LastIndexByte(c.Operation, '.'); i >= 0 {
		return c.Operation[:i]
	}
	return ""
}

// Method returns the part of the operation after the last '.'.
func (c *Call) Method() string {
	return c.Operation[strings.LastIndexByte(c.Operation, '.')+1:]
}

// HandlerFunc answers one operation.
type HandlerFunc func(ctx context.Context, call *Call) ([]byte, error)

// HandleInvocation calls f.
func (f HandlerFunc) HandleInvocation(ctx context.Context, call *Call) ([]byte, error) {
	return f(ctx, call)
}

// Operations is a Provider that dispatches on the full operation name ("Service.Method").
// An operation without a handler fails with rpc-rs's text "method not handled <operation>".
type Operations map[string]HandlerFunc

// HandleInvocation dispatches to the handler registered for call.Operation.
func (o Operations) HandleInvocation(ctx context.Context, call *Call) ([]byte, error) {
	h, ok := o[call.Operation]
	if !ok {
		return nil, fmt.Errorf("method not handled %s", call.Operation)
	}
	return h(ctx, call)
}

// None is the input or output type of an operation that has none: an empty payload.
type None struct{}

// Handle adapts a typed function to a HandlerFunc: the payload is decoded into Req with
// Unmarshal and the result encoded with Marshal. Use None for an operation without input
// (the payload is not read) or without output (the reply is empty).
func Handle[Req, Resp any](fn func(ctx context.Context, call *Call, req Req) (Resp, error)) HandlerFunc {
	return func(ctx context.Context, call *Call) ([]byte, error) {
		var req Req
		if _, none := any(req).(None); !none {
			if err := Unmarshal(call.Msg, &req); err != nil {
				return nil, fmt.Errorf("failed to decode %s request from actor %s: %w", call.Operation, call.Actor(), err)
			}
		}
		resp, err := fn(ctx, call, req)
		if err != nil {
			return nil, err
		}
		if _, none := any(resp).(None); none {
			return nil, nil
		}
		out, err := Marshal(resp)
		if err != nil {
			return nil, fmt.Errorf("failed to encode %s response: %w", call.Operation, err)
		}
		return out, nil
	}
}
