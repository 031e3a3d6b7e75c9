// Command kvmem is an in-memory wasmcloud:keyvalue provider, written as a complete example of
// a provider built with the Trellis Go SDK. Each linked actor gets its own map.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"

	provider "trellis.dev/provider-sdk-go"
)

// Payloads of the wasmcloud:keyvalue contract, keyed as the interface defines them.
type setRequest struct {
	Key     string `msgpack:"key"`
	Value   string `msgpack:"value"`
	Expires uint32 `msgpack:"expires"` // not honoured by this example
}

type getResponse struct {
	Value  string `msgpack:"value"`
	Exists bool   `msgpack:"exists"`
}

type incrementRequest struct {
	Key   string `msgpack:"key"`
	Value int32  `msgpack:"value"`
}

// store keeps one map per linked actor; it receives link callbacks (provider.LinkHandler).
type store struct {
	mu   sync.Mutex
	data map[string]map[string]string // actor → key → value
}

func (s *store) PutLink(_ context.Context, ld provider.LinkDefinition) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[ld.ActorID] = map[string]string{}
	return nil
}

func (s *store) DeleteLink(_ context.Context, ld provider.LinkDefinition) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.data, ld.ActorID)
}

// with runs fn on the calling actor's map, under the lock.
func with[T any](s *store, c *provider.Call, fn func(m map[string]string) (T, error)) (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(s.data[c.Actor()])
}

func newProvider() provider.Provider {
	s := &store{data: map[string]map[string]string{}}
	ops := provider.Operations{
		"KeyValue.Get": provider.Handle(func(_ context.Context, c *provider.Call, key string) (getResponse, error) {
			return with(s, c, func(m map[string]string) (getResponse, error) {
				v, ok := m[key]
				return getResponse{Value: v, Exists: ok}, nil
			})
		}),
		"KeyValue.Set": provider.Handle(func(_ context.Context, c *provider.Call, r setRequest) (provider.None, error) {
			return with(s, c, func(m map[string]string) (provider.None, error) {
				m[r.Key] = r.Value
				return provider.None{}, nil
			})
		}),
		"KeyValue.Del": provider.Handle(func(_ context.Context, c *provider.Call, key string) (bool, error) {
			return with(s, c, func(m map[string]string) (bool, error) {
				_, ok := m[key]
				delete(m, key)
				return ok, nil
			})
		}),
		"KeyValue.Increment": provider.Handle(func(_ context.Context, c *provider.Call, r incrementRequest) (int32, error) {
			return with(s, c, func(m map[string]string) (int32, error) {
				n := int64(0)
				if v, ok := m[r.Key]; ok {
					var err error
					if n, err = strconv.ParseInt(v, 10, 32); err != nil {
						return 0, fmt.Errorf("failed to increment %q: value %q is not an integer", r.Key, v)
					}
				}
				n += int64(r.Value)
				m[r.Key] = strconv.FormatInt(n, 10)
				return int32(n), nil
			})
		}),
	}
	// The SDK finds the operations and, through the embedded *store, the link callbacks.
	return struct {
		provider.Operations
		*store
	}{ops, s}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := provider.Run(ctx, newProvider()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
