package wascap

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"trellis.dev/provider-sdk-go/internal/nkeys"
)

const vectors = "../../../conformance/vectors"

func readVector(t *testing.T, name string, into any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(vectors, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatal(err)
	}
}

func TestGoldenHash(t *testing.T) {
	var v struct {
		Operation string `json:"operation"`
		MsgHex    string `json:"msg_hex"`
		OriginURL string `json:"origin_url"`
		TargetURL string `json:"target_url"`
		Hash      string `json:"hash"`
	}
	readVector(t, "a3-invocation-hash.json", &v)
	msg, err := hex.DecodeString(v.MsgHex)
	if err != nil {
		t.Fatal(err)
	}
	if got := Hash(v.OriginURL, v.TargetURL, v.Operation, msg); got != v.Hash {
		t.Errorf("hash = %s, want %s", got, v.Hash)
	}
}

type jwtVector struct {
	Seed             string `json:"seed"`
	InvocationID     string `json:"invocation_id"`
	JTI              string `json:"jti"`
	IAT              int64  `json:"iat"`
	ClaimsJSON       string `json:"claims_json"`
	HeaderSegment    string `json:"header_segment"`
	SignatureSegment string `json:"signature_segment"`
	Token            string `json:"token"`
}

func TestGoldenJWT(t *testing.T) {
	var v jwtVector
	readVector(t, "a4-invocation-jwt.json", &v)
	var hash struct {
		OriginURL string `json:"origin_url"`
		TargetURL string `json:"target_url"`
		Hash      string `json:"hash"`
	}
	readVector(t, "a3-invocation-hash.json", &hash)
	kp, err := nkeys.FromSeed(v.Seed)
	if err != nil {
		t.Fatal(err)
	}
	token, err := Encode(Claims{
		ID:       v.JTI,
		IssuedAt: v.IAT,
		Issuer:   kp.PublicKey(),
		Subject:  v.InvocationID,
		Wascap:   &Invocation{TargetURL: hash.TargetURL, OriginURL: hash.OriginURL, Hash: hash.Hash},
		Revision: Revision,
	}, kp)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(token, ".")
	if parts[0] != v.HeaderSegment || HeaderSegment != v.HeaderSegment {
		t.Errorf("header segment = %s, want %s", parts[0], v.HeaderSegment)
	}
	claims, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	if string(claims) != v.ClaimsJSON {
		t.Errorf("claims JSON =\n%s\nwant\n%s", claims, v.ClaimsJSON)
	}
	if parts[2] != v.SignatureSegment {
		t.Errorf("signature segment = %s, want %s", parts[2], v.SignatureSegment)
	}
	if token != v.Token {
		t.Errorf("token differs from the vector")
	}

	c, val, err := Decode(v.Token, time.Unix(v.IAT, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !val.SignatureValid || val.Expired || val.NotYetValid {
		t.Errorf("validation = %+v", val)
	}
	if c.Wascap == nil || c.Wascap.Hash != hash.Hash || c.Subject != v.InvocationID {
		t.Errorf("decoded claims = %+v", c)
	}
}

func TestDecodeRejections(t *testing.T) {
	var v jwtVector
	readVector(t, "a4-invocation-jwt.json", &v)
	parts := strings.Split(v.Token, ".")
	badHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"typ":"jwt","alg":"ed25519-nkey"}`))
	for name, tc := range map[string]struct{ token, want string }{
		"two segments": {parts[0] + "." + parts[1], "invalid token format, expected 3 segments"},
		"algorithm":    {badHeader + "." + parts[1] + "." + parts[2], `invalid JWT algorithm "ed25519-nkey"`},
		"claims":       {parts[0] + ".e30x." + parts[2], "invalid token claims"},
	} {
		_, _, err := Decode(tc.token, time.Now())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %q", name, err, tc.want)
		}
	}
	sig := []byte(parts[2])
	sig[3] ^= 1
	_, val, err := Decode(parts[0]+"."+parts[1]+"."+string(sig), time.Now())
	if err != nil || val.SignatureValid {
		t.Errorf("altered signature: err=%v valid=%v", err, val.SignatureValid)
	}
}

func TestTimes(t *testing.T) {
	kp, err := nkeys.Generate(nkeys.Cluster)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_700_000_000, 0)
	token, err := Encode(Claims{ID: "j", IssuedAt: now.Unix(), Issuer: kp.PublicKey(), Subject: "s",
		Expires: now.Unix() - 1, NotBefore: now.Unix() + 60, Wascap: &Invocation{}}, kp)
	if err != nil {
		t.Fatal(err)
	}
	_, val, err := Decode(token, now)
	if err != nil || !val.Expired || !val.NotYetValid || !val.SignatureValid {
		t.Errorf("validation = %+v, %v", val, err)
	}
	if err := CheckForProvider(token, Signed{}, nil, now); err == nil || err.Error() != "Invocation claims token expired" {
		t.Errorf("CheckForProvider = %v", err)
	}
}
