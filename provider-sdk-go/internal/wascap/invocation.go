package wascap

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nuid"

	"trellis.dev/provider-sdk-go/internal/nkeys"
)

// Hash is the anti-forgery hash: uppercase hex SHA-256 of origin URL ‖ target URL ‖ operation ‖
// msg, where the target URL already ends with the operation (spec §4.2).
func Hash(originURL, targetURL, operation string, msg []byte) string {
	h := sha256.New()
	h.Write([]byte(originURL))
	h.Write([]byte(targetURL))
	h.Write([]byte(operation))
	h.Write(msg)
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
}

// Signed describes the invocation being signed or checked. TargetURL includes the operation.
type Signed struct {
	ID        string
	OriginURL string
	TargetURL string
	Operation string
	Msg       []byte // the full payload, before chunking
	HostID    string
}

// Sign returns the encoded_claims of an invocation signed by the cluster key.
func Sign(s Signed, cluster *nkeys.KeyPair, now time.Time) (string, error) {
	return Encode(Claims{
		ID:       nuid.Next(),
		IssuedAt: now.Unix(),
		Issuer:   cluster.PublicKey(),
		Subject:  s.ID,
		Wascap: &Invocation{
			TargetURL: s.TargetURL,
			OriginURL: s.OriginURL,
			Hash:      Hash(s.OriginURL, s.TargetURL, s.Operation, s.Msg),
		},
		Revision: Revision,
	}, cluster)
}

// CheckForProvider runs the checks an rpc-rs provider applies to an inbound invocation after
// dechunking, in rpc-rs order and with its texts: token, times, signature, wascap metadata,
// hash (always, over the full payload), host id, target URL, origin URL, then issuer ∈ issuers.
// The target key and link checks follow in the caller.
func CheckForProvider(token string, s Signed, issuers []string, now time.Time) error {
	c, err := checkToken(token, now)
	if err != nil {
		return err
	}
	if err := checkHash(c, s); err != nil {
		return err
	}
	if err := checkHostID(s.HostID); err != nil {
		return err
	}
	if c.Wascap.TargetURL != s.TargetURL {
		return fmt.Errorf("Invocation claims and invocation target URL do not match: %s != %s", c.Wascap.TargetURL, s.TargetURL)
	}
	if c.Wascap.OriginURL != s.OriginURL {
		return fmt.Errorf("Invocation claims and invocation origin URL do not match")
	}
	if !slices.Contains(issuers, c.Issuer) {
		return fmt.Errorf("Issuer of this invocation is not in list of cluster issuers")
	}
	return nil
}

// CheckForActor runs the checks a wasmCloud (OTP) host applies before invoking an actor, in its
// order and with its texts (without the "Anti-forgery check failed: " prefix): token, hash only
// when msg is non-empty (it is empty when chunked), host id, issuer, target URL, origin URL.
func CheckForActor(token string, s Signed, issuers []string, now time.Time) error {
	c, err := checkToken(token, now)
	if err != nil {
		return err
	}
	if len(s.Msg) > 0 {
		if err := checkHash(c, s); err != nil {
			return err
		}
	}
	if err := checkHostID(s.HostID); err != nil {
		return err
	}
	if !slices.Contains(issuers, c.Issuer) {
		return fmt.Errorf("Issuer of this invocation is not among the list of valid issuers")
	}
	if c.Wascap.TargetURL != s.TargetURL {
		return fmt.Errorf("Invocation claims and invocation target URL do not match")
	}
	if c.Wascap.OriginURL != s.OriginURL {
		return fmt.Errorf("Invocation claims and invocation origin URL do not match")
	}
	return nil
}

func checkToken(token string, now time.Time) (*Claims, error) {
	c, v, err := Decode(token, now)
	switch {
	case err != nil:
		return nil, err
	case v.Expired:
		return nil, fmt.Errorf("Invocation claims token expired")
	case !v.SignatureValid:
		return nil, fmt.Errorf("Invocation claims signature invalid")
	case v.NotYetValid:
		return nil, fmt.Errorf("Attempt to use invocation before claims token allows")
	case c.Wascap == nil:
		return nil, fmt.Errorf("No wascap metadata found on claims")
	}
	return c, nil
}

func checkHash(c *Claims, s Signed) error {
	computed := Hash(s.OriginURL, s.TargetURL, s.Operation, s.Msg)
	if c.Wascap.Hash != computed {
		return fmt.Errorf("Invocation hash does not match signed claims hash (%s / %s)", c.Wascap.Hash, computed)
	}
	return nil
}

// checkHostID is wasmCloud's weak sanity check: rejected only if the id neither starts with N
// nor is 56 characters long.
func checkHostID(id string) error {
	if !strings.HasPrefix(id, "N") && len(id) != 56 {
		return fmt.Errorf("Invalid host ID on invocation: '%s'", id)
	}
	return nil
}
