// Package wascap builds and validates the wascap JWTs that sign invocations (spec §4, §8.2).
// wascap tokens are not NATS JWTs: the header is {"typ":"jwt","alg":"Ed25519"} and the claims
// carry a "wascap" object.
package wascap

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"trellis.dev/provider-sdk-go/internal/nkeys"
)

// HeaderSegment is the first segment of every wascap token: b64url({"typ":"jwt","alg":"Ed25519"}).
const HeaderSegment = "eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0"

// Revision is the wascap_revision written into new tokens.
const Revision = 3

var b64 = base64.RawURLEncoding

// Claims are the claims of an invocation token, in wascap's serde field order.
type Claims struct {
	Expires   int64       `json:"exp,omitempty"`
	ID        string      `json:"jti"`
	IssuedAt  int64       `json:"iat"`
	Issuer    string      `json:"iss"`
	Subject   string      `json:"sub"`
	NotBefore int64       `json:"nbf,omitempty"`
	Wascap    *Invocation `json:"wascap,omitempty"`
	Revision  int         `json:"wascap_revision,omitempty"`
}

// Invocation is the "wascap" object of invocation claims.
type Invocation struct {
	TargetURL string `json:"target_url"`
	OriginURL string `json:"origin_url"`
	Hash      string `json:"hash"`
}

type header struct {
	Type      string `json:"typ"`
	Algorithm string `json:"alg"`
}

// Encode serializes and signs claims with the issuer's key. The issuer claim must be that key's
// public key.
func Encode(c Claims, issuer *nkeys.KeyPair) (string, error) {
	if c.Issuer != issuer.PublicKey() {
		return "", fmt.Errorf("failed to sign claims: issuer %s is not the signing key %s", c.Issuer, issuer.PublicKey())
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // serde_json does not escape <, > and &
	if err := enc.Encode(c); err != nil {
		return "", fmt.Errorf("failed to encode claims: %w", err)
	}
	body := HeaderSegment + "." + b64.EncodeToString(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return body + "." + b64.EncodeToString(issuer.Sign([]byte(body))), nil
}

// Validation is the outcome of checking a token that could be decoded.
type Validation struct {
	Expired        bool
	SignatureValid bool
	NotYetValid    bool
}

// Decode parses and checks a token as wascap's validate_token does: three segments, the
// Ed25519/jwt header, non-empty iss and sub, an iss that is an nkey, then the signature and the
// exp/nbf times. Undecodable tokens are an error; a bad signature or time is reported in
// Validation.
func Decode(token string, now time.Time) (*Claims, Validation, error) {
	var v Validation
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, v, errors.New("invalid token format, expected 3 segments")
	}
	var h header
	if err := decodeSegment(parts[0], &h); err != nil {
		return nil, v, fmt.Errorf("invalid token header: %w", err)
	}
	if h.Algorithm != "Ed25519" {
		return nil, v, fmt.Errorf("invalid JWT algorithm %q, expected \"Ed25519\"", h.Algorithm)
	}
	if h.Type != "jwt" {
		return nil, v, fmt.Errorf("invalid JWT type %q, expected \"jwt\"", h.Type)
	}
	var c Claims
	if err := decodeSegment(parts[1], &c); err != nil {
		return nil, v, fmt.Errorf("invalid token claims: %w", err)
	}
	if c.Issuer == "" || c.Subject == "" {
		return nil, v, errors.New("invalid token claims: iss and sub must not be empty")
	}
	if _, _, err := nkeys.DecodePublicKey(c.Issuer); err != nil {
		return nil, v, fmt.Errorf("invalid token issuer: %w", err)
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return nil, v, errors.New("invalid token signature: not base64url")
	}
	v.SignatureValid = nkeys.Verify(c.Issuer, []byte(parts[0]+"."+parts[1]), sig) == nil
	v.Expired = c.Expires != 0 && c.Expires < now.Unix()
	v.NotYetValid = c.NotBefore != 0 && c.NotBefore > now.Unix()
	return &c, v, nil
}

func decodeSegment(seg string, into any) error {
	raw, err := b64.DecodeString(seg)
	if err != nil {
		return errors.New("not base64url")
	}
	return json.Unmarshal(raw, into)
}
