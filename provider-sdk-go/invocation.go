package provider

import (
	"fmt"

	"github.com/vmihailenco/msgpack/v5"
)

// Invocation is the msgpack request on wasmbus.rpc.… subjects (spec §2.2).
type Invocation struct {
	Origin        WasmCloudEntity
	Target        WasmCloudEntity
	Operation     string // "Service.Method"
	Msg           []byte // the payload; empty when it travels through the object store
	ID            string
	EncodedClaims string // the wascap JWT signing the invocation
	HostID        string
	// ContentLength is the full payload length; greater than len(Msg) means the payload is in
	// the object store under ID.
	ContentLength uint64
	// TraceContext is rpc-rs's optional OpenTelemetry carrier, written only when not empty.
	TraceContext map[string]string
}

// EncodeMsgpack writes every key in rpc-rs order (origin, target, operation, msg, id,
// encoded_claims, host_id, content_length[, traceContext]); strings are never nil.
func (inv Invocation) EncodeMsgpack(enc *msgpack.Encoder) error {
	w := writer{enc: enc}
	n := 8
	if len(inv.TraceContext) > 0 {
		n++
	}
	w.mapLen(n)
	w.value("origin", inv.Origin)
	w.value("target", inv.Target)
	w.str("operation", inv.Operation)
	w.bin("msg", inv.Msg)
	w.str("id", inv.ID)
	w.str("encoded_claims", inv.EncodedClaims)
	w.str("host_id", inv.HostID)
	w.uint("content_length", inv.ContentLength)
	if len(inv.TraceContext) > 0 {
		w.stringMap("traceContext", inv.TraceContext)
	}
	return w.err
}

// DecodeMsgpack reads an invocation as rpc-rs does: origin and target are required, every other
// key defaults when absent or nil, unknown keys are ignored.
func (inv *Invocation) DecodeMsgpack(dec *msgpack.Decoder) error {
	*inv = Invocation{}
	var hasOrigin, hasTarget bool
	err := readMap(dec, func(key string) (err error) {
		switch key {
		case "origin":
			hasOrigin = true
			err = inv.Origin.DecodeMsgpack(dec)
		case "target":
			hasTarget = true
			err = inv.Target.DecodeMsgpack(dec)
		case "operation":
			inv.Operation, err = dec.DecodeString()
		case "msg":
			inv.Msg, err = readBytes(dec)
		case "id":
			inv.ID, err = dec.DecodeString()
		case "encoded_claims":
			inv.EncodedClaims, err = dec.DecodeString()
		case "host_id":
			inv.HostID, err = dec.DecodeString()
		case "content_length":
			inv.ContentLength, err = dec.DecodeUint64()
		case "traceContext":
			inv.TraceContext, err = readStringMap(dec)
		default:
			err = dec.Skip()
		}
		return err
	})
	switch {
	case err != nil:
		return err
	case !hasOrigin:
		return fmt.Errorf("missing field `origin`")
	case !hasTarget:
		return fmt.Errorf("missing field `target`")
	}
	return nil
}

// InvocationResponse is the msgpack reply to an Invocation (spec §2.3).
type InvocationResponse struct {
	Msg          []byte // the result; empty on failure or when it travels through the object store
	InvocationID string
	// Failed reports a failure. On the wire the presence of an "error" key (even "") means
	// failure; Failed is set on decode when the key is present and not nil, and the key is
	// written on encode when Failed is set or Error is not empty.
	Failed bool
	Error  string
	// ContentLength is the full result length; greater than len(Msg) means the result is in the
	// object store under "{InvocationID}-r".
	ContentLength uint64
}

// Err returns the failure as an error, or nil on success.
func (r InvocationResponse) Err() error {
	if !r.Failed && r.Error == "" {
		return nil
	}
	return &RemoteError{InvocationID: r.InvocationID, Text: r.Error}
}

// EncodeMsgpack writes msg, invocation_id, error (only on failure) and content_length.
func (r InvocationResponse) EncodeMsgpack(enc *msgpack.Encoder) error {
	failed := r.Failed || r.Error != ""
	w := writer{enc: enc}
	if failed {
		w.mapLen(4)
	} else {
		w.mapLen(3)
	}
	w.bin("msg", r.Msg)
	w.str("invocation_id", r.InvocationID)
	if failed {
		w.str("error", r.Error)
	}
	w.uint("content_length", r.ContentLength)
	return w.err
}

// DecodeMsgpack accepts rpc-rs and OTP responses: msg as bin, str or an (empty) array, extra
// keys such as instance_id ignored.
func (r *InvocationResponse) DecodeMsgpack(dec *msgpack.Decoder) error {
	*r = InvocationResponse{}
	return readMap(dec, func(key string) (err error) {
		switch key {
		case "msg":
			r.Msg, err = readBytes(dec)
		case "invocation_id":
			r.InvocationID, err = dec.DecodeString()
		case "error":
			var s *string
			if err = dec.Decode(&s); err == nil && s != nil {
				r.Failed, r.Error = true, *s
			}
		case "content_length":
			r.ContentLength, err = dec.DecodeUint64()
		default:
			err = dec.Skip()
		}
		return err
	})
}

// RemoteError is a failure reported by the peer in InvocationResponse.error. Text is the
// peer's text, unchanged (clients match on it).
type RemoteError struct {
	InvocationID string
	Text         string
}

func (e *RemoteError) Error() string { return e.Text }
