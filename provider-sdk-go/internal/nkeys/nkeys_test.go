package nkeys

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

const vectors = "../../../conformance/vectors"

type keyVectors struct {
	SeedBytesHex string `json:"seed_bytes_hex"`
	Keys         []struct {
		Type       string `json:"type"`
		PrefixByte int    `json:"prefix_byte"`
		Seed       string `json:"seed"`
		PublicKey  string `json:"public_key"`
	} `json:"keys"`
}

func TestGoldenKeys(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(vectors, "a1-keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v keyVectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	seedBytes, err := hex.DecodeString(v.SeedBytesHex)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Keys) == 0 {
		t.Fatal("no keys in a1-keys.json")
	}
	for _, k := range v.Keys {
		t.Run(k.Type, func(t *testing.T) {
			kp, err := FromRawSeed(Prefix(k.PrefixByte), seedBytes)
			if err != nil {
				t.Fatal(err)
			}
			if kp.PublicKey() != k.PublicKey {
				t.Errorf("public key = %s, want %s", kp.PublicKey(), k.PublicKey)
			}
			if kp.Seed() != k.Seed {
				t.Errorf("seed = %s, want %s", kp.Seed(), k.Seed)
			}
			if kp.Prefix().String() != k.Type {
				t.Errorf("type = %s, want %s", kp.Prefix(), k.Type)
			}
			parsed, err := FromSeed(k.Seed)
			if err != nil {
				t.Fatal(err)
			}
			if parsed.PublicKey() != k.PublicKey || parsed.Prefix() != Prefix(k.PrefixByte) {
				t.Errorf("FromSeed(%s) = %s (%s)", k.Seed, parsed.PublicKey(), parsed.Prefix())
			}
			p, _, err := DecodePublicKey(k.PublicKey)
			if err != nil || p != Prefix(k.PrefixByte) {
				t.Errorf("DecodePublicKey = %v, %v", p, err)
			}
		})
	}
}

func TestSignAndVerify(t *testing.T) {
	kp, err := Generate(Cluster)
	if err != nil {
		t.Fatal(err)
	}
	sig := kp.Sign([]byte("hello"))
	if err := Verify(kp.PublicKey(), []byte("hello"), sig); err != nil {
		t.Errorf("valid signature refused: %v", err)
	}
	if err := Verify(kp.PublicKey(), []byte("hellO"), sig); err == nil {
		t.Error("signature over other bytes accepted")
	}
}

func TestDecodeRejectsCorruptKeys(t *testing.T) {
	good := "CAB2CB576PHBBPQ5ODORRZ2LYCMWPZGWGCN2KDK7DXOIMZASKUY3R53J"
	for name, key := range map[string]string{
		"checksum":  good[:55] + "K",
		"length":    good[:54],
		"base32":    good[:10] + "1" + good[11:],
		"empty":     "",
		"seed":      "SCAAAAICAMCAKBQHBAEQUCYMBUHA6EARCIJRIFIWC4MBSGQ3DQOR4HYO7Q",
		"lowercase": "cab2cb576phbbpq5odorrz2lycmwpzgwgcn2kdk7dxoimzaskuy3r53j",
	} {
		if _, _, err := DecodePublicKey(key); err == nil {
			t.Errorf("%s: %q accepted", name, key)
		}
	}
	if _, err := FromSeed(good); err == nil {
		t.Error("a public key was accepted as a seed")
	}
}

func TestKeyPairStringHidesSeed(t *testing.T) {
	kp, err := Generate(Cluster)
	if err != nil {
		t.Fatal(err)
	}
	if kp.String() != kp.PublicKey() {
		t.Errorf("String() = %s, want the public key", kp.String())
	}
}
