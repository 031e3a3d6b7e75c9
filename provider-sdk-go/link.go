package provider

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/vmihailenco/msgpack/v5"
)

// LinkDefinition connects an actor to this provider under a link name (spec §6.3). It travels as
// msgpack on linkdefs.put/.del and as JSON inside HostData.
type LinkDefinition struct {
	ActorID    string            `json:"actor_id"`
	ProviderID string            `json:"provider_id"`
	LinkName   string            `json:"link_name"`
	ContractID string            `json:"contract_id"`
	Values     map[string]string `json:"values"`
	// ID is the OTP host's link id (see LinkID); absent on linkdefs.put and ignored by rpc-rs.
	ID string `json:"id,omitempty"`
}

// LinkID is the id the control plane gives a link: uppercase hex SHA-256 of actor id ‖
// contract id ‖ link name.
func LinkID(actorID, contractID, linkName string) string {
	sum := sha256.Sum256([]byte(actorID + contractID + linkName))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// EncodeMsgpack writes actor_id, provider_id, link_name, contract_id, values (never nil) and id
// when set.
func (ld LinkDefinition) EncodeMsgpack(enc *msgpack.Encoder) error {
	w := writer{enc: enc}
	if ld.ID != "" {
		w.mapLen(6)
	} else {
		w.mapLen(5)
	}
	w.str("actor_id", ld.ActorID)
	w.str("provider_id", ld.ProviderID)
	w.str("link_name", ld.LinkName)
	w.str("contract_id", ld.ContractID)
	w.stringMap("values", ld.Values)
	if ld.ID != "" {
		w.str("id", ld.ID)
	}
	return w.err
}

// DecodeMsgpack reads a link definition, ignoring unknown keys.
func (ld *LinkDefinition) DecodeMsgpack(dec *msgpack.Decoder) error {
	*ld = LinkDefinition{Values: map[string]string{}}
	return readMap(dec, func(key string) (err error) {
		switch key {
		case "actor_id":
			ld.ActorID, err = dec.DecodeString()
		case "provider_id":
			ld.ProviderID, err = dec.DecodeString()
		case "link_name":
			ld.LinkName, err = dec.DecodeString()
		case "contract_id":
			ld.ContractID, err = dec.DecodeString()
		case "values":
			ld.Values, err = readStringMap(dec)
		case "id":
			ld.ID, err = dec.DecodeString()
		default:
			err = dec.Skip()
		}
		return err
	})
}
