package blobfs_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/providertest"
	"trellis.dev/providers/blobstore-fs-go/blobfs"
)

// fixture is a blobstore provider served in-process, with one actor linked to a temp ROOT.
type fixture struct {
	t     *testing.T
	h     *providertest.Host
	actor string
	root  string
	run   *providertest.Running
}

func newFixture(t *testing.T, values map[string]string) *fixture {
	t.Helper()
	f := &fixture{t: t, h: providertest.NewHost(t, providertest.StartNATS(t), blobfs.Contract)}
	f.actor = providertest.NewActorKey(t)
	f.root = filepath.Join(t.TempDir(), "store") // created by the provider
	all := map[string]string{"ROOT": f.root}
	for k, v := range values {
		all[k] = v
	}
	f.run = f.h.Run(blobfs.New(), f.h.Link(f.actor, all))
	return f
}

// waitLog waits until the provider has logged text (link puts are published without reply,
// so the log is how a test knows one was processed).
func (f *fixture) waitLog(text string) {
	f.t.Helper()
	if !f.run.WaitLog(text, 5*time.Second) {
		f.t.Fatalf("provider did not log %q within 5s", text)
	}
}

// invoke calls op with in encoded (nil: empty payload) and decodes the reply into out (nil:
// the reply must be empty). It returns the provider's error reply, if any.
func (f *fixture) invoke(op string, in, out any) error {
	f.t.Helper()
	var payload []byte
	if in != nil {
		var err error
		if payload, err = provider.Marshal(in); err != nil {
			f.t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	reply, err := f.h.Invoke(ctx, f.actor, op, payload)
	var remote *provider.RemoteError
	if errors.As(err, &remote) {
		return remote
	}
	if err != nil {
		f.t.Fatalf("%s: %v", op, err)
	}
	if out == nil {
		if len(reply) != 0 {
			f.t.Fatalf("%s replied %x, want an empty reply", op, reply)
		}
		return nil
	}
	if err := provider.Unmarshal(reply, out); err != nil {
		f.t.Fatalf("%s: undecodable reply %x: %v", op, reply, err)
	}
	return nil
}

// must is invoke that fails the test on an error reply.
func (f *fixture) must(op string, in, out any) {
	f.t.Helper()
	if err := f.invoke(op, in, out); err != nil {
		f.t.Fatalf("%s: %v", op, err)
	}
}

func (f *fixture) put(container, object string, data []byte) {
	f.t.Helper()
	var resp blobfs.PutObjectResponse
	f.must("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{
		ContainerID: container, ObjectID: object, Bytes: data, IsLast: true}}, &resp)
	if resp.StreamID != nil {
		f.t.Fatalf("single-chunk put returned stream id %q", *resp.StreamID)
	}
}

func (f *fixture) get(container, object string) blobfs.GetObjectResponse {
	f.t.Helper()
	var resp blobfs.GetObjectResponse
	f.must("Blobstore.GetObject", blobfs.GetObjectRequest{ContainerID: container, ObjectID: object}, &resp)
	return resp
}

func ptr[T any](v T) *T { return &v }
