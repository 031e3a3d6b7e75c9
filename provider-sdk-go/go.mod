module trellis.dev/provider-sdk-go

go 1.22.0

require (
	github.com/nats-io/jwt/v2 v2.7.3
	github.com/nats-io/nats.go v1.39.1
	github.com/nats-io/nkeys v0.4.9
	github.com/nats-io/nuid v1.0.1
	github.com/vmihailenco/msgpack/v5 v5.4.1
)

require (
	github.com/klauspost/compress v1.17.9 // indirect
	github.com/vmihailenco/tagparser/v2 v2.0.0 // indirect
	golang.org/x/crypto v0.31.0 // indirect
	golang.org/x/sys v0.28.0 // indirect
	golang.org/x/text v0.21.0 // indirect
)
