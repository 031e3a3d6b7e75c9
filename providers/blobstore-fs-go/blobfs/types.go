package blobfs

import (
	"time"

	provider "trellis.dev/provider-sdk-go"
)

// Payloads of the wasmcloud:blobstore contract (spec §9.8), msgpack maps keyed by the Smithy
// member names. Optional members are pointers or omitempty and are left out when absent.

// Timestamp is a Smithy Timestamp.
type Timestamp struct {
	Sec  int64  `msgpack:"sec"`
	Nsec uint32 `msgpack:"nsec"`
}

func timestamp(t time.Time) *Timestamp {
	return &Timestamp{Sec: t.Unix(), Nsec: uint32(t.Nanosecond())}
}

// ContainerMetadata describes a container.
type ContainerMetadata struct {
	ContainerID string     `msgpack:"containerId"`
	CreatedAt   *Timestamp `msgpack:"createdAt,omitempty"`
}

// ContainerObject names an object.
type ContainerObject struct {
	ContainerID string `msgpack:"containerId"`
	ObjectID    string `msgpack:"objectId"`
}

// ObjectMetadata describes an object. The size is written twice: as contentLength (spec §9.8,
// later interface versions) and as size (interface crates of 2022–2023); decoders ignore the key
// they do not know.
type ObjectMetadata struct {
	ObjectID        string     `msgpack:"objectId"`
	ContainerID     string     `msgpack:"containerId"`
	ContentLength   uint64     `msgpack:"contentLength"`
	Size            uint64     `msgpack:"size"`
	LastModified    *Timestamp `msgpack:"lastModified,omitempty"`
	ContentType     string     `msgpack:"contentType,omitempty"`
	ContentEncoding string     `msgpack:"contentEncoding,omitempty"`
}

// ListObjectsRequest selects objects of a container by name range.
type ListObjectsRequest struct {
	ContainerID  string  `msgpack:"containerId"`
	StartWith    *string `msgpack:"startWith,omitempty"`
	Continuation *string `msgpack:"continuation,omitempty"`
	EndWith      *string `msgpack:"endWith,omitempty"`
	EndBefore    *string `msgpack:"endBefore,omitempty"`
	MaxItems     *uint32 `msgpack:"maxItems,omitempty"`
}

// ListObjectsResponse is one page of objects.
type ListObjectsResponse struct {
	Objects      []ObjectMetadata `msgpack:"objects"`
	IsLast       bool             `msgpack:"isLast"`
	Continuation *string          `msgpack:"continuation,omitempty"`
}

// RemoveObjectsRequest names objects of one container to remove.
type RemoveObjectsRequest struct {
	ContainerID string   `msgpack:"containerId"`
	Objects     []string `msgpack:"objects"`
}

// ItemResult reports an item that failed (the lists carry failures only).
type ItemResult struct {
	Key     string `msgpack:"key"`
	Success bool   `msgpack:"success"`
	Error   string `msgpack:"error,omitempty"`
}

// Chunk is a part of an object.
type Chunk struct {
	ObjectID    string        `msgpack:"objectId"`
	ContainerID string        `msgpack:"containerId"`
	Bytes       provider.Blob `msgpack:"bytes"`
	Offset      uint64        `msgpack:"offset"`
	IsLast      bool          `msgpack:"isLast"`
}

// PutObjectRequest starts an upload with its first chunk.
type PutObjectRequest struct {
	Chunk           Chunk  `msgpack:"chunk"`
	ContentType     string `msgpack:"contentType,omitempty"`
	ContentEncoding string `msgpack:"contentEncoding,omitempty"`
}

// PutObjectResponse carries the stream id of a multi-chunk upload.
type PutObjectResponse struct {
	StreamID *string `msgpack:"streamId,omitempty"`
}

// PutChunkRequest continues (or cancels) an upload.
type PutChunkRequest struct {
	Chunk           Chunk   `msgpack:"chunk"`
	StreamID        *string `msgpack:"streamId,omitempty"`
	CancelAndRemove bool    `msgpack:"cancelAndRemove"`
}

// GetObjectRequest asks for an object or a byte range of it (inclusive bounds). ChunkSize is
// read from older interface crates that sent it.
type GetObjectRequest struct {
	ObjectID    string  `msgpack:"objectId"`
	ContainerID string  `msgpack:"containerId"`
	RangeStart  *uint64 `msgpack:"rangeStart,omitempty"`
	RangeEnd    *uint64 `msgpack:"rangeEnd,omitempty"`
	ChunkSize   *uint64 `msgpack:"chunkSize,omitempty"`
}

// GetObjectResponse carries the first chunk; the others follow as ChunkReceiver.ReceiveChunk.
type GetObjectResponse struct {
	Success         bool   `msgpack:"success"`
	Error           string `msgpack:"error,omitempty"`
	InitialChunk    *Chunk `msgpack:"initialChunk,omitempty"`
	ContentLength   uint64 `msgpack:"contentLength"`
	ContentType     string `msgpack:"contentType,omitempty"`
	ContentEncoding string `msgpack:"contentEncoding,omitempty"`
}

// ChunkResponse is the actor's answer to ChunkReceiver.ReceiveChunk.
type ChunkResponse struct {
	CancelDownload bool `msgpack:"cancelDownload"`
}
