package provider

import "github.com/vmihailenco/msgpack/v5"

// HealthCheckRequest is the body of a health request; hosts send {"placeholder": true}.
type HealthCheckRequest struct {
	Placeholder bool
}

// EncodeMsgpack writes {"placeholder": …}.
func (r HealthCheckRequest) EncodeMsgpack(enc *msgpack.Encoder) error {
	w := writer{enc: enc}
	w.mapLen(1)
	w.bool("placeholder", r.Placeholder)
	return w.err
}

// DecodeMsgpack reads the request, ignoring unknown keys.
func (r *HealthCheckRequest) DecodeMsgpack(dec *msgpack.Decoder) error {
	*r = HealthCheckRequest{}
	return readMap(dec, func(key string) (err error) {
		if key == "placeholder" {
			r.Placeholder, err = dec.DecodeBool()
			return err
		}
		return dec.Skip()
	})
}

// HealthCheckResponse answers a health request (spec §6.4).
type HealthCheckResponse struct {
	Healthy bool
	Message string // omitted on the wire when empty
}

// EncodeMsgpack writes healthy and, when set, message.
func (r HealthCheckResponse) EncodeMsgpack(enc *msgpack.Encoder) error {
	w := writer{enc: enc}
	if r.Message != "" {
		w.mapLen(2)
	} else {
		w.mapLen(1)
	}
	w.bool("healthy", r.Healthy)
	if r.Message != "" {
		w.str("message", r.Message)
	}
	return w.err
}

// DecodeMsgpack reads the response; healthy defaults to false.
func (r *HealthCheckResponse) DecodeMsgpack(dec *msgpack.Decoder) error {
	*r = HealthCheckResponse{}
	return readMap(dec, func(key string) (err error) {
		switch key {
		case "healthy":
			r.Healthy, err = dec.DecodeBool()
		case "message":
			r.Message, err = dec.DecodeString()
		default:
			err = dec.Skip()
		}
		return err
	})
}
