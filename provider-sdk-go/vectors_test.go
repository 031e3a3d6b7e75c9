package provider_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/vmihailenco/msgpack/v5"

	provider "trellis.dev/provider-sdk-go"
)

const vectorDir = "../conformance/vectors"

// Interface payloads of the vectors, declared the way a provider author would declare them.
type httpRequest struct {
	Method      string              `msgpack:"method"`
	Path        string              `msgpack:"path"`
	QueryString string              `msgpack:"queryString"`
	Header      map[string][]string `msgpack:"header"`
	Body        provider.Blob       `msgpack:"body"`
}

type httpResponse struct {
	StatusCode uint16              `msgpack:"statusCode"`
	Header     map[string][]string `msgpack:"header"`
	Body       provider.Blob       `msgpack:"body"`
}

type incrementRequest struct {
	Key   string `msgpack:"key"`
	Value int32  `msgpack:"value"`
}

type logEntry struct {
	Level string `msgpack:"level"`
	Text  string `msgpack:"text"`
}

type rangeLimit struct {
	Min uint32 `msgpack:"min"`
	Max uint32 `msgpack:"max"`
}

// vectorTypes maps a vector's "type" to a new value of the Go type that decodes it. A vector
// of an unknown type fails the test, so that new vectors are never skipped.
var vectorTypes = map[string]func() any{
	"Invocation":          func() any { return new(provider.Invocation) },
	"InvocationResponse":  func() any { return new(provider.InvocationResponse) },
	"LinkDefinition":      func() any { return new(provider.LinkDefinition) },
	"HealthCheckRequest":  func() any { return new(provider.HealthCheckRequest) },
	"HealthCheckResponse": func() any { return new(provider.HealthCheckResponse) },
	"String":              func() any { return new(string) },
	"HttpRequest":         func() any { return new(httpRequest) },
	"HttpResponse":        func() any { return new(httpResponse) },
	"IncrementRequest":    func() any { return new(incrementRequest) },
	"LogEntry":            func() any { return new(logEntry) },
	"RangeLimit":          func() any { return new(rangeLimit) },
}

type msgpackVector struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	Direction string          `json:"direction"`
	Hex       string          `json:"hex"`
	Value     json.RawMessage `json:"value"`
}

func TestGoldenMsgpackVectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(vectorDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors in %s: %v", vectorDir, err)
	}
	count := 0
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var v msgpackVector
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if v.Hex == "" {
			continue // not a msgpack vector (keys, hash, jwt, urls, link id)
		}
		count++
		t.Run(filepath.Base(file), func(t *testing.T) { checkVector(t, v) })
	}
	if count == 0 {
		t.Error("no msgpack vectors found")
	}
}

func checkVector(t *testing.T, v msgpackVector) {
	newValue, ok := vectorTypes[v.Type]
	if !ok {
		t.Fatalf("vector type %q has no Go type in this test", v.Type)
	}
	wire, err := hex.DecodeString(v.Hex)
	if err != nil {
		t.Fatal(err)
	}
	want, err := jsonToGeneric(v.Value)
	if err != nil {
		t.Fatal(err)
	}

	// The Go types always write content_length, as rpc-rs does; absent and 0 mean the same
	// (nothing in the object store), so a decode-only vector without it expects 0.
	if m, ok := want.(map[string]any); ok && (v.Type == "Invocation" || v.Type == "InvocationResponse") {
		if _, ok := m["content_length"]; !ok {
			m["content_length"] = int64(0)
		}
	}

	// decode: wire bytes → Go value, which must mean what "value" says
	decoded := newValue()
	if err := provider.Unmarshal(wire, decoded); err != nil {
		t.Fatalf("decode: %v", err)
	}
	canonical, err := provider.Marshal(decoded)
	if err != nil {
		t.Fatalf("encode decoded value: %v", err)
	}
	if got := msgpackToGeneric(t, canonical); !reflect.DeepEqual(got, want) {
		t.Errorf("decoded value = %s\nwant %s", show(got), show(want))
	}

	if v.Direction == "decode" {
		return
	}
	if v.Direction != "both" {
		t.Fatalf("unknown direction %q", v.Direction)
	}
	// encode: "value" → Go value → wire bytes, byte for byte
	fromValue := newValue()
	if err := msgpack.Unmarshal(genericToMsgpack(t, want), fromValue); err != nil {
		t.Fatalf("build value: %v", err)
	}
	encoded, err := provider.Marshal(fromValue)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encoded, wire) {
		t.Errorf("encoded =\n%x\nwant\n%x", encoded, wire)
	}
	if !bytes.Equal(canonical, wire) {
		t.Errorf("re-encoded =\n%x\nwant\n%x", canonical, wire)
	}
}

// The generic form: maps, slices, strings, bools, int64, and []byte for {"$bin": hex}.

func jsonToGeneric(raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return normalizeJSON(v)
}

func normalizeJSON(v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		if b, ok := x["$bin"]; ok && len(x) == 1 {
			return hex.DecodeString(b.(string))
		}
		out := map[string]any{}
		for k, e := range x {
			n, err := normalizeJSON(e)
			if err != nil {
				return nil, err
			}
			out[k] = n
		}
		return out, nil
	case []any:
		out := []any{}
		for _, e := range x {
			n, err := normalizeJSON(e)
			if err != nil {
				return nil, err
			}
			out = append(out, n)
		}
		return out, nil
	case json.Number:
		return x.Int64()
	}
	return v, nil
}

func msgpackToGeneric(t *testing.T, data []byte) any {
	t.Helper()
	dec := msgpack.NewDecoder(bytes.NewReader(data))
	dec.SetMapDecoder(func(d *msgpack.Decoder) (any, error) { return d.DecodeUntypedMap() })
	v, err := dec.DecodeInterface()
	if err != nil {
		t.Fatal(err)
	}
	return normalizeMsgpack(v)
}

func normalizeMsgpack(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = normalizeMsgpack(e)
		}
		return out
	case map[any]any:
		out := map[string]any{}
		for k, e := range x {
			out[fmt.Sprint(k)] = normalizeMsgpack(e)
		}
		return out
	case []any:
		out := []any{}
		for _, e := range x {
			out = append(out, normalizeMsgpack(e))
		}
		return out
	case int8, int16, int32, int64, uint8, uint16, uint32, uint64:
		return reflect.ValueOf(x).Convert(reflect.TypeOf(int64(0))).Interface()
	}
	return v
}

func genericToMsgpack(t *testing.T, v any) []byte {
	t.Helper()
	data, err := provider.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func show(v any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := []string{}
		for _, k := range keys {
			parts = append(parts, k+": "+show(x[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []byte:
		return fmt.Sprintf("bin(%x)", x)
	}
	return fmt.Sprintf("%#v", v)
}

func TestGoldenEntityURLs(t *testing.T) {
	var v struct {
		Cases []struct {
			Entity struct {
				PublicKey  string `json:"public_key"`
				ContractID string `json:"contract_id"`
				LinkName   string `json:"link_name"`
			} `json:"entity"`
			URL string `json:"url"`
		} `json:"cases"`
	}
	readJSON(t, "entity-urls.json", &v)
	if len(v.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range v.Cases {
		e := provider.WasmCloudEntity{PublicKey: c.Entity.PublicKey, ContractID: c.Entity.ContractID, LinkName: c.Entity.LinkName}
		if got := e.URL(); got != c.URL {
			t.Errorf("URL(%+v) = %s, want %s", e, got, c.URL)
		}
	}
}

func TestGoldenLinkID(t *testing.T) {
	var v struct {
		ActorID    string `json:"actor_id"`
		ContractID string `json:"contract_id"`
		LinkName   string `json:"link_name"`
		LinkID     string `json:"link_id"`
	}
	readJSON(t, "link-id.json", &v)
	if got := provider.LinkID(v.ActorID, v.ContractID, v.LinkName); got != v.LinkID {
		t.Errorf("LinkID = %s, want %s", got, v.LinkID)
	}
}

func readJSON(t *testing.T, name string, into any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(vectorDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatal(err)
	}
}
