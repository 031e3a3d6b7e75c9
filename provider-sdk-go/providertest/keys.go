package providertest

import (
	"testing"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/internal/nkeys"
)

// Key is a generated key pair.
type Key struct {
	kp *nkeys.KeyPair
}

// PublicKey returns the 56-char public key.
func (k Key) PublicKey() string { return k.kp.PublicKey() }

// Seed returns the seed.
func (k Key) Seed() provider.Secret { return provider.Secret(k.kp.Seed()) }

func newKey(t testing.TB, p nkeys.Prefix) Key {
	t.Helper()
	kp, err := nkeys.Generate(p)
	if err != nil {
		t.Fatal(err)
	}
	return Key{kp}
}

// NewClusterKey returns a new cluster key (C…), the kind that signs invocations.
func NewClusterKey(t testing.TB) Key { return newKey(t, nkeys.Cluster) }

// NewActorKey returns a new actor public key (M…).
func NewActorKey(t testing.TB) string { return newKey(t, nkeys.Module).PublicKey() }

// NewProviderKey returns a new provider public key (V…).
func NewProviderKey(t testing.TB) string { return newKey(t, nkeys.Service).PublicKey() }

// NewHostKey returns a new host public key (N…).
func NewHostKey(t testing.TB) string { return newKey(t, nkeys.Server).PublicKey() }
