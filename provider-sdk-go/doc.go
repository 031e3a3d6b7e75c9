// Package provider writes capability providers for Trellis and other wasmCloud 0.x ("wasmbus")
// hosts. A provider is a native process: the host starts it and writes HostData on its stdin;
// the provider connects to NATS itself, answers msgpack invocations from linked actors, and may
// call those actors back.
//
// Run does the protocol work; a provider supplies HandleInvocation (usually an Operations map
// built with Handle) and, optionally, the Initializer, LinkHandler, HealthReporter and
// Shutdowner hooks.
//
// # Goroutines
//
//   - Run's goroutine connects, subscribes, then waits for a stop and runs the stop sequence.
//   - One NATS subscription goroutine each for links (put and delete, in publish order), health,
//     shutdown, and the RPC subject. The RPC one only hands each message to a goroutine of its
//     own, blocking when WithMaxInFlight invocations are running.
//   - HandleInvocation runs on those per-invocation goroutines, concurrently; PutLink and
//     DeleteLink run on the link goroutine, one at a time; Health on the health goroutine.
//
// No lock is held while provider code or NATS I/O runs, except the link lock, which serializes
// link changes and is held during PutLink and DeleteLink.
package provider
