package provider

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"

	"github.com/vmihailenco/msgpack/v5"
	"github.com/vmihailenco/msgpack/v5/msgpcode"
)

// ErrCBOR is returned by Unmarshal for a payload in the CBOR format that blobstore interface
// crates used until August 2023 (first byte 0x7f, spec §9.8). This SDK reads msgpack only.
var ErrCBOR = errors.New("CBOR payloads are not supported; send msgpack (wasmCloud interface crates from after August 2023 do)")

// Marshal encodes v as msgpack the way wasmCloud 0.x peers expect (spec §2.1): structs as maps
// keyed by their `msgpack` tags, integers in their smallest encoding, map keys sorted. Use Blob
// (not []byte) for byte fields, and empty rather than nil slices and maps for required members:
// the msgpack library writes nil ones as msgpack nil, which Rust decoders reject.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	enc.UseCompactInts(true)
	enc.SetSortMapKeys(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Unmarshal decodes a msgpack payload into v. Unknown keys are ignored and nil reads as absent.
// It first applies wasmbus-rpc's format detection (spec §9.8): an empty payload leaves v
// untouched, a leading 0xc1 is skipped, a leading 0x7f (CBOR) returns ErrCBOR, and any other
// payload longer than one byte starting with 0x00–0x7e or 0xc0 is rejected as invalid.
func Unmarshal(data []byte, v any) error {
	switch {
	case len(data) == 0:
		return nil
	case len(data) == 1:
	case data[0] == 0x7f:
		return ErrCBOR
	case data[0] == 0xc1:
		data = data[1:]
	case data[0] <= 0x7e || data[0] == 0xc0:
		return fmt.Errorf("invalid payload: first byte 0x%02x is reserved", data[0])
	}
	return msgpack.Unmarshal(data, v)
}

// Blob is a byte field (Smithy Blob). It is written as msgpack bin, never nil (a nil []byte
// field would be written as nil, which Rust decoders reject), and read from bin, str (raw bytes,
// as the Elixir host writes them), nil, or an array of integers (spec §2.1).
type Blob []byte

// Blob's codec is registered for the Blob type only: the msgpack library checks for a nil slice
// before calling a type's own EncodeMsgpack method, but not before a registered encoder.
func init() {
	msgpack.Register(Blob(nil),
		func(enc *msgpack.Encoder, v reflect.Value) error { return writeBin(enc, v.Bytes()) },
		func(dec *msgpack.Decoder, v reflect.Value) error {
			raw, err := readBytes(dec)
			if err != nil {
				return err
			}
			v.SetBytes(raw)
			return nil
		})
}

func writeBin(enc *msgpack.Encoder, b []byte) error {
	if b == nil {
		b = []byte{}
	}
	return enc.EncodeBytes(b)
}

// readBytes reads a byte field as spec §2.1 requires: bin, str, nil, or an array of u8.
func readBytes(dec *msgpack.Decoder) ([]byte, error) {
	c, err := dec.PeekCode()
	if err != nil {
		return nil, err
	}
	if !msgpcode.IsFixedArray(c) && c != msgpcode.Array16 && c != msgpcode.Array32 {
		b, err := dec.DecodeBytes()
		if err != nil {
			return nil, err
		}
		if b == nil {
			b = []byte{}
		}
		return b, nil
	}
	n, err := dec.DecodeArrayLen()
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, max(n, 0))
	for i := 0; i < n; i++ {
		v, err := dec.DecodeUint64()
		if err != nil {
			return nil, err
		}
		if v > 255 {
			return nil, fmt.Errorf("byte array element %d is %d, not a byte", i, v)
		}
		out = append(out, byte(v))
	}
	return out, nil
}

// readMap calls field for every key of a map (nil reads as an empty map). field must consume the
// value; unknown keys should be skipped with dec.Skip.
func readMap(dec *msgpack.Decoder, field func(key string) error) error {
	n, err := dec.DecodeMapLen()
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		key, err := dec.DecodeString()
		if err != nil {
			return err
		}
		if err := field(key); err != nil {
			return fmt.Errorf("field %s: %w", key, err)
		}
	}
	return nil
}

func readStringMap(dec *msgpack.Decoder) (map[string]string, error) {
	m := map[string]string{}
	err := readMap(dec, func(key string) error {
		v, err := dec.DecodeString()
		m[key] = v
		return err
	})
	return m, err
}

// writer writes map entries, stopping at the first error.
type writer struct {
	enc *msgpack.Encoder
	err error
}

func (w *writer) mapLen(n int) {
	if w.err == nil {
		w.err = w.enc.EncodeMapLen(n)
	}
}

func (w *writer) str(key, v string) {
	w.key(key)
	if w.err == nil {
		w.err = w.enc.EncodeString(v)
	}
}

func (w *writer) bin(key string, v []byte) {
	w.key(key)
	if w.err == nil {
		w.err = writeBin(w.enc, v)
	}
}

func (w *writer) uint(key string, v uint64) {
	w.key(key)
	if w.err == nil {
		w.err = w.enc.EncodeUint(v)
	}
}

func (w *writer) bool(key string, v bool) {
	w.key(key)
	if w.err == nil {
		w.err = w.enc.EncodeBool(v)
	}
}

func (w *writer) stringMap(key string, m map[string]string) {
	w.key(key)
	if m == nil {
		m = map[string]string{}
	}
	if w.err == nil {
		w.err = w.enc.EncodeMapLen(len(m))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.key(k)
		if w.err == nil {
			w.err = w.enc.EncodeString(m[k])
		}
	}
}

func (w *writer) value(key string, v msgpack.CustomEncoder) {
	w.key(key)
	if w.err == nil {
		w.err = v.EncodeMsgpack(w.enc)
	}
}

func (w *writer) key(k string) {
	if w.err == nil {
		w.err = w.enc.EncodeString(k)
	}
}
