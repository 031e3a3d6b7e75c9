package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/providertest"
	"trellis.dev/providers/blobstore-fs-go/blobfs"
)

// TestBinary builds the provider and runs it as a host does: a child process with HostData on
// stdin, a real nats-server, a shutdown request at the end.
func TestBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "blobstore-fs")
	if out, err := exec.Command("go", "build", "-buildvcs=false", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build failed: %v\n%s", err, out)
	}
	h := providertest.NewHost(t, providertest.StartNATS(t), blobfs.Contract)
	actor := providertest.NewActorKey(t)
	root := filepath.Join(t.TempDir(), "store")
	proc := h.Start(bin, h.Link(actor, map[string]string{"ROOT": root}))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	invoke := func(op string, in any) []byte {
		t.Helper()
		payload, err := provider.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		out, err := h.Invoke(ctx, actor, op, payload)
		if err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		return out
	}
	invoke("Blobstore.CreateContainer", "c")
	invoke("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{ContainerID: "c", ObjectID: "hello.txt", Bytes: []byte("hi"), IsLast: true}})
	if got, err := os.ReadFile(filepath.Join(root, "c", "hello.txt")); err != nil || string(got) != "hi" {
		t.Fatalf("file = %q, %v", got, err)
	}
	var resp blobfs.GetObjectResponse
	if err := provider.Unmarshal(invoke("Blobstore.GetObject", blobfs.GetObjectRequest{ContainerID: "c", ObjectID: "hello.txt"}), &resp); err != nil {
		t.Fatal(err)
	}
	if !resp.Success || !bytes.Equal(resp.InitialChunk.Bytes, []byte("hi")) {
		t.Errorf("get = %+v", resp)
	}

	if reply, err := h.Shutdown(ctx, h.HostID); err != nil || string(reply) != "shutting down" {
		t.Fatalf("shutdown = %q, %v", reply, err)
	}
	select {
	case <-proc.Done():
		if proc.Err() != nil {
			t.Errorf("provider exited with %v", proc.Err())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("provider still running 10s after shutdown")
	}
}
