// Package chunks moves payloads larger than the NATS message budget through the JetStream object
// store, as wasmCloud 0.x does (spec §5): bucket = lattice prefix, object "{id}" for a request
// and "{id}-r" for a response; the sender puts before sending, the receiver gets then deletes.
package chunks

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Threshold is rpc-rs's limit: payloads strictly larger than 900 KiB are chunked.
const Threshold = 900 * 1024

// NeedsChunking reports whether a payload of n bytes must go through the object store.
func NeedsChunking(n int) bool { return n > Threshold }

// ResponseName is the object name of the response to invocation id.
func ResponseName(id string) string { return id + "-r" }

// Store is the object store bucket of one lattice, opened (or created) on first use.
type Store struct {
	js     jetstream.JetStream
	bucket string

	mu  sync.Mutex // guards obs
	obs jetstream.ObjectStore
}

// New returns the store for a lattice. domain is the JetStream domain ("" for none).
func New(nc *nats.Conn, lattice, domain string) (*Store, error) {
	var js jetstream.JetStream
	var err error
	if domain != "" {
		js, err = jetstream.NewWithDomain(nc, domain)
	} else {
		js, err = jetstream.New(nc)
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open JetStream for lattice %s: %w", lattice, err)
	}
	return &Store{js: js, bucket: lattice}, nil
}

func (s *Store) open(ctx context.Context) (jetstream.ObjectStore, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.obs != nil {
		return s.obs, nil
	}
	obs, err := s.js.ObjectStore(ctx, s.bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		obs, err = s.js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: s.bucket})
		if errors.Is(err, jetstream.ErrBucketExists) || errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			obs, err = s.js.ObjectStore(ctx, s.bucket) // created concurrently by someone else
		}
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open object store bucket %s: %w; is JetStream enabled on the NATS server?", s.bucket, err)
	}
	s.obs = obs
	return obs, nil
}

// Put stores data under name; it returns once the object is complete.
func (s *Store) Put(ctx context.Context, name string, data []byte) error {
	obs, err := s.open(ctx)
	if err != nil {
		return err
	}
	if _, err := obs.PutBytes(ctx, name, data); err != nil {
		return fmt.Errorf("failed to put object %s in bucket %s: %w", name, s.bucket, err)
	}
	return nil
}

// Take reads the object name and deletes it. A failed delete is not an error (wasmCloud treats
// it as non-fatal); it is returned separately so that the caller can log it.
func (s *Store) Take(ctx context.Context, name string) (data []byte, deleteErr error, err error) {
	obs, err := s.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	data, err = obs.GetBytes(ctx, name)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to get object %s from bucket %s: %w", name, s.bucket, err)
	}
	if err := obs.Delete(ctx, name); err != nil {
		deleteErr = fmt.Errorf("failed to delete object %s from bucket %s: %w", name, s.bucket, err)
	}
	return data, deleteErr, nil
}
