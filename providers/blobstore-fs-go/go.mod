module trellis.dev/providers/blobstore-fs-go

// Go 1.25 for os.Root's MkdirAll, RemoveAll and Rename: every file access goes through an
// os.Root, which refuses paths that leave the link's ROOT, symlinks included.
go 1.25

require trellis.dev/provider-sdk-go v0.0.0

require (
	github.com/klauspost/compress v1.17.9 // indirect
	github.com/nats-io/nats.go v1.39.1 // indirect
	github.com/nats-io/nkeys v0.4.9 // indirect
	github.com/nats-io/nuid v1.0.1 // indirect
	github.com/vmihailenco/msgpack/v5 v5.4.1 // indirect
	github.com/vmihailenco/tagparser/v2 v2.0.0 // indirect
	golang.org/x/crypto v0.31.0 // indirect
	golang.org/x/sys v0.28.0 // indirect
	golang.org/x/text v0.21.0 // indirect
)

replace trellis.dev/provider-sdk-go => ../../provider-sdk-go
