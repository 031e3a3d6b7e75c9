package provider_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	provider "trellis.dev/provider-sdk-go"
)

type withBlob struct {
	Body provider.Blob `msgpack:"body"`
}

func TestBlobAcceptsEveryByteForm(t *testing.T) {
	for name, tc := range map[string]struct {
		wire []byte
		want []byte
	}{
		"bin":         {[]byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0xc4, 0x02, 0xff, 0x00}, []byte{0xff, 0x00}},
		"non-utf8str": {[]byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0xa2, 0xff, 0x00}, []byte{0xff, 0x00}},
		"array":       {[]byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0x92, 0x01, 0xcc, 0xff}, []byte{0x01, 0xff}},
		"emptyarray":  {[]byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0x90}, []byte{}},
		"nil":         {[]byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0xc0}, []byte{}},
	} {
		var v withBlob
		if err := provider.Unmarshal(tc.wire, &v); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(v.Body, tc.want) {
			t.Errorf("%s: body = %x, want %x", name, []byte(v.Body), tc.want)
		}
	}
	var v withBlob
	if err := provider.Unmarshal([]byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0x91, 0xcd, 0x01, 0x00}, &v); err == nil {
		t.Error("array element 256 accepted as a byte")
	}
}

func TestBlobIsWrittenAsBinNeverNil(t *testing.T) {
	data, err := provider.Marshal(withBlob{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte{0x81, 0xa4, 'b', 'o', 'd', 'y', 0xc4, 0x00}; !bytes.Equal(data, want) {
		t.Errorf("Marshal = %x, want %x", data, want)
	}
}

func TestUnmarshalFormatDetection(t *testing.T) {
	var s string
	if err := provider.Unmarshal([]byte{0x7f, 0x63, 'a', 'b', 'c'}, &s); !errors.Is(err, provider.ErrCBOR) {
		t.Errorf("CBOR payload: err = %v, want ErrCBOR", err)
	}
	if err := provider.Unmarshal([]byte{0xc1, 0xa3, 'a', 'b', 'c'}, &s); err != nil || s != "abc" {
		t.Errorf("0xc1-prefixed msgpack: %q, %v", s, err)
	}
	if err := provider.Unmarshal([]byte{0x05, 0x06}, &s); err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Errorf("reserved first byte: err = %v", err)
	}
	var n int
	if err := provider.Unmarshal([]byte{0x05}, &n); err != nil || n != 5 {
		t.Errorf("one-byte msgpack: %d, %v", n, err)
	}
	s = "untouched"
	if err := provider.Unmarshal(nil, &s); err != nil || s != "untouched" {
		t.Errorf("empty payload: %q, %v", s, err)
	}
}

func TestMarshalUsesCompactIntegers(t *testing.T) {
	data, err := provider.Marshal(struct {
		N uint64 `msgpack:"n"`
	}{N: 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte{0x81, 0xa1, 'n', 0x01}; !bytes.Equal(data, want) {
		t.Errorf("Marshal = %x, want %x", data, want)
	}
}

func TestInvocationResponseEmptyErrorIsAFailure(t *testing.T) {
	// {"msg": bin "", "invocation_id": "x", "error": ""}: what the 0.x Go SDK wrote on success
	wire := []byte{0x83, 0xa3, 'm', 's', 'g', 0xc4, 0x00, 0xad, 'i', 'n', 'v', 'o', 'c', 'a', 't', 'i', 'o', 'n', '_', 'i', 'd', 0xa1, 'x', 0xa5, 'e', 'r', 'r', 'o', 'r', 0xa0}
	var r provider.InvocationResponse
	if err := provider.Unmarshal(wire, &r); err != nil {
		t.Fatal(err)
	}
	if !r.Failed || r.Err() == nil {
		t.Errorf("an empty error key must mean failure: %+v", r)
	}
	ok, err := provider.Marshal(provider.InvocationResponse{InvocationID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(ok, []byte("error")) {
		t.Errorf("a success response carries an error key: %x", ok)
	}
}

func TestInvocationRequiresOriginAndTarget(t *testing.T) {
	var inv provider.Invocation
	err := provider.Unmarshal([]byte{0x81, 0xa2, 'i', 'd', 0xa1, 'x'}, &inv)
	if err == nil || !strings.Contains(err.Error(), "origin") {
		t.Errorf("err = %v", err)
	}
}

func TestOperationsDispatch(t *testing.T) {
	type echo struct {
		Text string `msgpack:"text"`
	}
	ops := provider.Operations{
		"Echo.Say": provider.Handle(func(_ context.Context, _ *provider.Call, in echo) (echo, error) {
			return echo{Text: strings.ToUpper(in.Text)}, nil
		}),
		"Echo.Nothing": provider.Handle(func(_ context.Context, _ *provider.Call, _ provider.None) (provider.None, error) {
			return provider.None{}, nil
		}),
	}
	in, _ := provider.Marshal(echo{Text: "hi"})
	out, err := ops.HandleInvocation(context.Background(), &provider.Call{Operation: "Echo.Say", Msg: in})
	if err != nil {
		t.Fatal(err)
	}
	var got echo
	if err := provider.Unmarshal(out, &got); err != nil || got.Text != "HI" {
		t.Errorf("Echo.Say = %+v, %v", got, err)
	}
	out, err = ops.HandleInvocation(context.Background(), &provider.Call{Operation: "Echo.Nothing", Msg: []byte{0x01, 0x02}})
	if err != nil || len(out) != 0 {
		t.Errorf("Echo.Nothing = %x, %v; want an empty reply", out, err)
	}
	_, err = ops.HandleInvocation(context.Background(), &provider.Call{Operation: "Echo.Missing"})
	if err == nil || err.Error() != "method not handled Echo.Missing" {
		t.Errorf("unknown operation: %v", err)
	}
	_, err = ops.HandleInvocation(context.Background(), &provider.Call{Operation: "Echo.Say", Msg: []byte{0x7f, 0x01}, Origin: provider.ActorEntity("MA")})
	if !errors.Is(err, provider.ErrCBOR) {
		t.Errorf("CBOR input: %v", err)
	}
}

func TestCallNames(t *testing.T) {
	c := provider.Call{Operation: "wasmcloud:x/Blob.Store.GetObject"}
	if c.Service() != "wasmcloud:x/Blob.Store" || c.Method() != "GetObject" {
		t.Errorf("Service/Method = %q/%q", c.Service(), c.Method())
	}
}

func TestSecretNeverPrinted(t *testing.T) {
	hd := provider.HostData{ProviderKey: "VX", InvocationSeed: "SCSECRET", LatticeRPCUserSeed: "SUSECRET"}
	for _, s := range []string{fmt.Sprint(hd), fmt.Sprintf("%+v", hd), fmt.Sprintf("%#v", hd), fmt.Sprint(hd.InvocationSeed)} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("secret printed: %s", s)
		}
	}
}
