// Package nkeys encodes, decodes and uses Ed25519 keys in the nkeys text form (spec §8.1):
// base32 without padding over prefix ‖ key ‖ CRC-16/XMODEM (little-endian).
//
// It is written here rather than taken from github.com/nats-io/nkeys because wasmCloud uses two
// key types that library does not know: module (M…, actors) and service (V…, providers).
package nkeys

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
)

// Prefix is the type byte of a key; its base32 encoding gives the key's first letter.
type Prefix byte

// Key types used by wasmCloud 0.x (spec §8.1).
const (
	Account  Prefix = 0   // A…: signs actor and provider claims
	Cluster  Prefix = 16  // C…: signs invocations
	Module   Prefix = 96  // M…: actor identity
	Server   Prefix = 104 // N…: host identity
	Operator Prefix = 112 // O…
	User     Prefix = 160 // U…: NATS users
	Service  Prefix = 168 // V…: provider identity
	seed     Prefix = 144 // S…: first byte of every seed
)

var encoding = base32.StdEncoding.WithPadding(base32.NoPadding)

var publicPrefixes = map[Prefix]string{
	Account: "account", Cluster: "cluster", Module: "module", Server: "server",
	Operator: "operator", User: "user", Service: "service",
}

// String names the key type, e.g. "cluster".
func (p Prefix) String() string {
	if name, ok := publicPrefixes[p]; ok {
		return name
	}
	return fmt.Sprintf("unknown key type %d", byte(p))
}

// KeyPair is a private key with its public key. Its String method never shows the seed.
type KeyPair struct {
	prefix Prefix
	seed   []byte
	priv   ed25519.PrivateKey
	public string
}

// FromRawSeed builds a key pair of the given type from 32 seed bytes.
func FromRawSeed(p Prefix, raw []byte) (*KeyPair, error) {
	if _, ok := publicPrefixes[p]; !ok {
		return nil, fmt.Errorf("invalid key type: %d", byte(p))
	}
	if len(raw) != ed25519.SeedSize {
		return nil, fmt.Errorf("invalid seed length: %d bytes, want %d", len(raw), ed25519.SeedSize)
	}
	priv := ed25519.NewKeyFromSeed(raw)
	pub := priv.Public().(ed25519.PublicKey)
	return &KeyPair{
		prefix: p,
		seed:   append([]byte(nil), raw...),
		priv:   priv,
		public: encode([]byte{byte(p)}, pub),
	}, nil
}

// Generate creates a random key pair of the given type.
func Generate(p Prefix) (*KeyPair, error) {
	raw := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("failed to generate %s key: %w", p, err)
	}
	return FromRawSeed(p, raw)
}

// FromSeed parses a seed string (58 chars, "S" + type letter + …).
func FromSeed(s string) (*KeyPair, error) {
	raw, err := decode(s)
	if err != nil {
		return nil, fmt.Errorf("invalid seed: %w", err)
	}
	if len(raw) != 2+ed25519.SeedSize {
		return nil, errors.New("invalid seed: wrong length")
	}
	if Prefix(raw[0]&0xf8) != seed {
		return nil, errors.New("invalid seed: does not start with S")
	}
	p := Prefix((raw[0]&7)<<5 | (raw[1]&0xf8)>>3)
	if _, ok := publicPrefixes[p]; !ok {
		return nil, fmt.Errorf("invalid seed: unknown key type %d", byte(p))
	}
	return FromRawSeed(p, raw[2:])
}

// Prefix returns the key type.
func (k *KeyPair) Prefix() Prefix { return k.prefix }

// PublicKey returns the 56-char public key string.
func (k *KeyPair) PublicKey() string { return k.public }

// Seed returns the 58-char seed string. It is a secret: never log it.
func (k *KeyPair) Seed() string {
	b1 := byte(seed) | byte(k.prefix)>>5
	b2 := (byte(k.prefix) & 0x1f) << 3
	return encode([]byte{b1, b2}, k.seed)
}

// Sign returns the Ed25519 signature of msg.
func (k *KeyPair) Sign(msg []byte) []byte { return ed25519.Sign(k.priv, msg) }

// String shows the public key only.
func (k *KeyPair) String() string { return k.public }

// DecodePublicKey checks a public key string (length, base32, CRC, known type) and returns its
// type and Ed25519 key.
func DecodePublicKey(s string) (Prefix, ed25519.PublicKey, error) {
	raw, err := decode(s)
	if err != nil {
		return 0, nil, fmt.Errorf("invalid public key %q: %w", s, err)
	}
	if len(raw) != 1+ed25519.PublicKeySize {
		return 0, nil, fmt.Errorf("invalid public key %q: wrong length", s)
	}
	p := Prefix(raw[0])
	if _, ok := publicPrefixes[p]; !ok {
		return 0, nil, fmt.Errorf("invalid public key %q: unknown key type %d", s, raw[0])
	}
	return p, ed25519.PublicKey(raw[1:]), nil
}

// Verify checks an Ed25519 signature against a public key string.
func Verify(publicKey string, msg, sig []byte) error {
	_, pub, err := DecodePublicKey(publicKey)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, msg, sig) {
		return errors.New("signature verification failed")
	}
	return nil
}

func encode(prefix, key []byte) string {
	raw := make([]byte, 0, len(prefix)+len(key)+2)
	raw = append(raw, prefix...)
	raw = append(raw, key...)
	crc := crc16(raw)
	raw = append(raw, byte(crc), byte(crc>>8))
	return encoding.EncodeToString(raw)
}

func decode(s string) ([]byte, error) {
	raw, err := encoding.DecodeString(s)
	if err != nil {
		return nil, errors.New("not base32")
	}
	if len(raw) < 3 {
		return nil, errors.New("too short")
	}
	body, sum := raw[:len(raw)-2], raw[len(raw)-2:]
	if crc16(body) != uint16(sum[0])|uint16(sum[1])<<8 {
		return nil, errors.New("checksum mismatch")
	}
	return body, nil
}

// crc16 is CRC-16/XMODEM: poly 0x1021, init 0, no reflection, no final xor.
func crc16(data []byte) uint16 {
	var crc uint16
	for _, b := range data {
		crc ^= uint16(b) << 8
		for i := 0; i < 8; i++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}
