package provider

import (
	"strings"

	"github.com/vmihailenco/msgpack/v5"
)

// WasmCloudEntity is the origin or target of an invocation (spec §2.4): an actor (public key
// M…, empty contract id and link name) or a provider (V…, contract id, link name).
type WasmCloudEntity struct {
	PublicKey  string
	ContractID string
	LinkName   string
}

// ActorEntity returns the entity of the actor with the given public key.
func ActorEntity(publicKey string) WasmCloudEntity {
	return WasmCloudEntity{PublicKey: publicKey}
}

// IsActor reports whether the entity is an actor, by rpc-rs's rule: contract id or link name
// is empty.
func (e WasmCloudEntity) IsActor() bool {
	return e.ContractID == "" || e.LinkName == ""
}

// URL is the entity URL used in invocation claims: wasmbus://{key} for an actor (a key starting
// with M), else wasmbus://{contract}/{link}/{key} with ':' → '/', ' ' → '_' and lower case.
func (e WasmCloudEntity) URL() string {
	if strings.HasPrefix(strings.ToUpper(e.PublicKey), "M") {
		return "wasmbus://" + e.PublicKey
	}
	contract := strings.ToLower(strings.NewReplacer(":", "/", " ", "_").Replace(e.ContractID))
	link := strings.ToLower(strings.ReplaceAll(e.LinkName, " ", "_"))
	return "wasmbus://" + contract + "/" + link + "/" + e.PublicKey
}

// EncodeMsgpack writes all three keys, never nil, in the OTP order.
func (e WasmCloudEntity) EncodeMsgpack(enc *msgpack.Encoder) error {
	w := writer{enc: enc}
	w.mapLen(3)
	w.str("public_key", e.PublicKey)
	w.str("contract_id", e.ContractID)
	w.str("link_name", e.LinkName)
	return w.err
}

// DecodeMsgpack reads the entity map, ignoring unknown keys.
func (e *WasmCloudEntity) DecodeMsgpack(dec *msgpack.Decoder) error {
	*e = WasmCloudEntity{}
	return readMap(dec, func(key string) (err error) {
		switch key {
		case "public_key":
			e.PublicKey, err = dec.DecodeString()
		case "contract_id":
			e.ContractID, err = dec.DecodeString()
		case "link_name":
			e.LinkName, err = dec.DecodeString()
		default:
			err = dec.Skip()
		}
		return err
	})
}
