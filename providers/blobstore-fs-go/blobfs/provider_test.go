package blobfs_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/providers/blobstore-fs-go/blobfs"
)

func TestContainers(t *testing.T) {
	f := newFixture(t, nil)
	var exists bool
	f.must("Blobstore.ContainerExists", "photos", &exists)
	if exists {
		t.Fatal("container exists before creation")
	}
	f.must("Blobstore.CreateContainer", "photos", nil)
	f.must("Blobstore.CreateContainer", "photos", nil) // idempotent
	f.must("Blobstore.CreateContainer", "docs", nil)
	f.must("Blobstore.ContainerExists", "photos", &exists)
	if !exists {
		t.Fatal("created container does not exist")
	}
	if fi, err := os.Stat(filepath.Join(f.root, "photos")); err != nil || !fi.IsDir() {
		t.Fatalf("container directory: %v", err)
	}
	var info blobfs.ContainerMetadata
	f.must("Blobstore.GetContainerInfo", "photos", &info)
	if info.ContainerID != "photos" || info.CreatedAt == nil || info.CreatedAt.Sec == 0 {
		t.Errorf("info = %+v", info)
	}
	if err := f.invoke("Blobstore.GetContainerInfo", "nope", &info); err == nil ||
		err.Error() != "failed to get info of container 'nope': it does not exist" {
		t.Errorf("info of missing container: %v", err)
	}

	// an unfinished upload creates the staging directory, which is not a container
	var started blobfs.PutObjectResponse
	f.must("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{ContainerID: "docs", ObjectID: "x", Bytes: []byte("a")}}, &started)
	var list []blobfs.ContainerMetadata
	f.must("Blobstore.ListContainers", nil, &list)
	if len(list) != 2 || list[0].ContainerID != "docs" || list[1].ContainerID != "photos" {
		t.Errorf("containers = %+v", list)
	}

	f.put("photos", "cat.jpg", []byte("meow"))
	var failed []blobfs.ItemResult
	f.must("Blobstore.RemoveContainers", []string{"photos", "missing"}, &failed)
	if len(failed) != 1 || failed[0].Key != "missing" || failed[0].Success ||
		!strings.Contains(failed[0].Error, "container 'missing' does not exist") {
		t.Errorf("remove failures = %+v", failed)
	}
	f.must("Blobstore.ContainerExists", "photos", &exists)
	if exists {
		t.Error("removed container still exists")
	}
}

func TestWholeObjectPutAndGet(t *testing.T) {
	f := newFixture(t, nil)
	f.must("Blobstore.CreateContainer", "c", nil)
	data := []byte("hello, blobstore")
	f.put("c", "dir/sub/greeting.txt", data)
	if got, err := os.ReadFile(filepath.Join(f.root, "c", "dir", "sub", "greeting.txt")); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("file on disk = %q, %v", got, err)
	}
	resp := f.get("c", "dir/sub/greeting.txt")
	if !resp.Success || resp.ContentLength != uint64(len(data)) || resp.InitialChunk == nil ||
		!bytes.Equal(resp.InitialChunk.Bytes, data) || !resp.InitialChunk.IsLast || resp.InitialChunk.Offset != 0 {
		t.Errorf("get = %+v", resp)
	}
	var exists bool
	f.must("Blobstore.ObjectExists", blobfs.ContainerObject{ContainerID: "c", ObjectID: "dir/sub/greeting.txt"}, &exists)
	if !exists {
		t.Error("ObjectExists = false")
	}
	f.must("Blobstore.ObjectExists", blobfs.ContainerObject{ContainerID: "c", ObjectID: "dir/sub"}, &exists)
	if exists {
		t.Error("a directory is reported as an object")
	}
	var meta blobfs.ObjectMetadata
	f.must("Blobstore.GetObjectInfo", blobfs.ContainerObject{ContainerID: "c", ObjectID: "dir/sub/greeting.txt"}, &meta)
	if meta.ContentLength != uint64(len(data)) || meta.Size != meta.ContentLength || meta.LastModified == nil || meta.ObjectID != "dir/sub/greeting.txt" {
		t.Errorf("info = %+v", meta)
	}

	// overwrite, then a byte range (inclusive bounds)
	f.put("c", "dir/sub/greeting.txt", []byte("0123456789"))
	var part blobfs.GetObjectResponse
	f.must("Blobstore.GetObject", blobfs.GetObjectRequest{ContainerID: "c", ObjectID: "dir/sub/greeting.txt",
		RangeStart: ptr[uint64](2), RangeEnd: ptr[uint64](5)}, &part)
	if string(part.InitialChunk.Bytes) != "2345" || part.ContentLength != 4 || part.InitialChunk.Offset != 2 || !part.InitialChunk.IsLast {
		t.Errorf("range get = %+v (%q)", part, part.InitialChunk.Bytes)
	}
	f.must("Blobstore.GetObject", blobfs.GetObjectRequest{ContainerID: "c", ObjectID: "dir/sub/greeting.txt",
		RangeStart: ptr[uint64](50)}, &part)
	if !part.Success || len(part.InitialChunk.Bytes) != 0 || !part.InitialChunk.IsLast || part.ContentLength != 0 {
		t.Errorf("range past the end = %+v", part)
	}

	var missing blobfs.GetObjectResponse
	f.must("Blobstore.GetObject", blobfs.GetObjectRequest{ContainerID: "c", ObjectID: "nope"}, &missing)
	if missing.Success || missing.Error != "failed to get object 'nope' from container 'c': it does not exist" {
		t.Errorf("get missing = %+v", missing)
	}
	if err := f.invoke("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{ContainerID: "nope", ObjectID: "x", IsLast: true}}, nil); err == nil ||
		!strings.Contains(err.Error(), "container 'nope' does not exist; create it with Blobstore.CreateContainer") {
		t.Errorf("put into missing container: %v", err)
	}

	var failed []blobfs.ItemResult
	f.must("Blobstore.RemoveObjects", blobfs.RemoveObjectsRequest{ContainerID: "c", Objects: []string{"dir/sub/greeting.txt", "ghost"}}, &failed)
	if len(failed) != 1 || failed[0].Key != "ghost" {
		t.Errorf("remove failures = %+v", failed)
	}
	f.must("Blobstore.ObjectExists", blobfs.ContainerObject{ContainerID: "c", ObjectID: "dir/sub/greeting.txt"}, &exists)
	if exists {
		t.Error("removed object still exists")
	}
}

func TestLargeObjectInOneChunkGoesThroughTheObjectStore(t *testing.T) {
	f := newFixture(t, map[string]string{"CHUNK_SIZE": "4000000"})
	f.must("Blobstore.CreateContainer", "big", nil)
	data := bytes.Repeat([]byte("blob"), 1200*1024/4) // 1.2 MiB: chunked by the SDK both ways
	f.put("big", "file.bin", data)
	resp := f.get("big", "file.bin")
	if !resp.Success || !bytes.Equal(resp.InitialChunk.Bytes, data) || !resp.InitialChunk.IsLast {
		t.Errorf("get of %d bytes: success=%v, %d bytes back", len(data), resp.Success, len(resp.InitialChunk.Bytes))
	}
}

func TestStreamedUpload(t *testing.T) {
	f := newFixture(t, nil)
	f.must("Blobstore.CreateContainer", "c", nil)
	var started blobfs.PutObjectResponse
	f.must("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{
		ContainerID: "c", ObjectID: "parts.txt", Bytes: []byte("first,"), Offset: 0}}, &started)
	if started.StreamID == nil || *started.StreamID == "" {
		t.Fatal("multi-chunk put returned no stream id")
	}
	var exists bool
	f.must("Blobstore.ObjectExists", blobfs.ContainerObject{ContainerID: "c", ObjectID: "parts.txt"}, &exists)
	if exists {
		t.Error("object visible before its last chunk")
	}
	f.must("Blobstore.PutChunk", blobfs.PutChunkRequest{StreamID: started.StreamID, Chunk: blobfs.Chunk{
		ContainerID: "c", ObjectID: "parts.txt", Bytes: []byte("second,"), Offset: 6}}, nil)
	// without stream id the upload is found by container and object
	f.must("Blobstore.PutChunk", blobfs.PutChunkRequest{Chunk: blobfs.Chunk{
		ContainerID: "c", ObjectID: "parts.txt", Bytes: []byte("third"), Offset: 13, IsLast: true}}, nil)
	if got := f.get("c", "parts.txt"); string(got.InitialChunk.Bytes) != "first,second,third" {
		t.Errorf("object = %q", got.InitialChunk.Bytes)
	}
	if err := f.invoke("Blobstore.PutChunk", blobfs.PutChunkRequest{StreamID: started.StreamID, Chunk: blobfs.Chunk{
		ContainerID: "c", ObjectID: "parts.txt", Bytes: []byte("late")}}, nil); err == nil || !strings.Contains(err.Error(), "no upload in progress") {
		t.Errorf("chunk after the last: %v", err)
	}
}

func TestCancelledUpload(t *testing.T) {
	f := newFixture(t, nil)
	f.must("Blobstore.CreateContainer", "c", nil)
	var started blobfs.PutObjectResponse
	f.must("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{ContainerID: "c", ObjectID: "o", Bytes: []byte("abc")}}, &started)
	f.must("Blobstore.PutChunk", blobfs.PutChunkRequest{StreamID: started.StreamID, CancelAndRemove: true,
		Chunk: blobfs.Chunk{ContainerID: "c", ObjectID: "o"}}, nil)
	var exists bool
	f.must("Blobstore.ObjectExists", blobfs.ContainerObject{ContainerID: "c", ObjectID: "o"}, &exists)
	if exists {
		t.Error("cancelled upload left an object")
	}
	if staged, _ := os.ReadDir(filepath.Join(f.root, ".trellis-uploads")); len(staged) != 0 {
		t.Errorf("staging files left: %d", len(staged))
	}
}

func TestChunkedDownload(t *testing.T) {
	f := newFixture(t, map[string]string{"CHUNK_SIZE": "1000"})
	f.must("Blobstore.CreateContainer", "c", nil)
	data := make([]byte, 2500)
	for i := range data {
		data[i] = byte(i % 251)
	}
	f.put("c", "o", data)

	received := make(chan blobfs.Chunk, 8)
	var cancelAfter, n atomic.Int32 // answer cancelDownload on chunk number cancelAfter (0: never)
	f.h.ServeActor(f.actor, func(inv provider.Invocation) ([]byte, error) {
		if inv.Operation != "ChunkReceiver.ReceiveChunk" {
			t.Errorf("actor called with %s", inv.Operation)
		}
		var c blobfs.Chunk
		if err := provider.Unmarshal(inv.Msg, &c); err != nil {
			return nil, err
		}
		cancel := n.Add(1) == cancelAfter.Load() // counted before the test can see the chunk
		received <- c
		return provider.Marshal(blobfs.ChunkResponse{CancelDownload: cancel})
	})

	resp := f.get("c", "o")
	if !resp.Success || resp.ContentLength != 2500 || len(resp.InitialChunk.Bytes) != 1000 || resp.InitialChunk.IsLast {
		t.Fatalf("initial chunk = %d bytes, last=%v, contentLength=%d", len(resp.InitialChunk.Bytes), resp.InitialChunk.IsLast, resp.ContentLength)
	}
	got := append([]byte{}, resp.InitialChunk.Bytes...)
	for _, want := range []struct {
		offset uint64
		size   int
		last   bool
	}{{1000, 1000, false}, {2000, 500, true}} {
		c := receiveChunk(t, received)
		if c.Offset != want.offset || len(c.Bytes) != want.size || c.IsLast != want.last || c.ObjectID != "o" || c.ContainerID != "c" {
			t.Fatalf("chunk = offset %d, %d bytes, last %v; want %+v", c.Offset, len(c.Bytes), c.IsLast, want)
		}
		got = append(got, c.Bytes...)
	}
	if !bytes.Equal(got, data) {
		t.Error("reassembled object differs")
	}

	// the actor cancels after the first streamed chunk: no more chunks come
	n.Store(0)
	cancelAfter.Store(1)
	f.put("c", "o", bytes.Repeat([]byte{1}, 5000))
	f.get("c", "o")
	receiveChunk(t, received)
	select {
	case c := <-received:
		t.Errorf("chunk at offset %d sent after cancelDownload", c.Offset)
	case <-time.After(200 * time.Millisecond):
	}
}

func receiveChunk(t *testing.T, ch <-chan blobfs.Chunk) blobfs.Chunk {
	t.Helper()
	select {
	case c := <-ch:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no ChunkReceiver.ReceiveChunk within 5s")
		panic("unreachable")
	}
}

func TestListObjectsPages(t *testing.T) {
	f := newFixture(t, nil)
	f.must("Blobstore.CreateContainer", "c", nil)
	for _, id := range []string{"b", "a", "d/1", "c", "e"} {
		f.put("c", id, []byte(id))
	}
	ids := func(r blobfs.ListObjectsResponse) string {
		var out []string
		for _, o := range r.Objects {
			out = append(out, o.ObjectID)
		}
		return strings.Join(out, ",")
	}
	list := func(r blobfs.ListObjectsRequest) (page blobfs.ListObjectsResponse) {
		t.Helper()
		f.must("Blobstore.ListObjects", r, &page)
		return page
	}
	page := list(blobfs.ListObjectsRequest{ContainerID: "c", MaxItems: ptr[uint32](2)})
	if ids(page) != "a,b" || page.IsLast || page.Continuation == nil {
		t.Fatalf("page 1 = %s last=%v", ids(page), page.IsLast)
	}
	page = list(blobfs.ListObjectsRequest{ContainerID: "c", MaxItems: ptr[uint32](2), Continuation: page.Continuation})
	if ids(page) != "c,d/1" || page.IsLast {
		t.Fatalf("page 2 = %s last=%v", ids(page), page.IsLast)
	}
	page = list(blobfs.ListObjectsRequest{ContainerID: "c", MaxItems: ptr[uint32](2), Continuation: page.Continuation})
	if ids(page) != "e" || !page.IsLast || page.Continuation != nil {
		t.Fatalf("page 3 = %s last=%v", ids(page), page.IsLast)
	}
	page = list(blobfs.ListObjectsRequest{ContainerID: "c", StartWith: ptr("b"), EndBefore: ptr("d")})
	if ids(page) != "b,c" || !page.IsLast {
		t.Errorf("b ≤ id < d = %s", ids(page))
	}
	page = list(blobfs.ListObjectsRequest{ContainerID: "c", EndWith: ptr("c")})
	if ids(page) != "a,b,c" {
		t.Errorf("id ≤ c = %s", ids(page))
	}
	if page.Objects[0].ContentLength != 1 || page.Objects[0].ContainerID != "c" {
		t.Errorf("metadata = %+v", page.Objects[0])
	}
}

func TestPathsOutsideRootAreRefused(t *testing.T) {
	f := newFixture(t, nil)
	f.must("Blobstore.CreateContainer", "c", nil)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	for container, want := range map[string]string{
		"..":      "container id '..' must not start with '.'",
		"a/b":     "container id 'a/b' must be a single path segment",
		"":        "container id is empty",
		".hidden": "must not start with '.'",
	} {
		if err := f.invoke("Blobstore.CreateContainer", container, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("container %q: %v, want %q", container, err, want)
		}
	}
	for object, want := range map[string]string{
		"../escape":   "must not contain empty, '.' or '..' path segments",
		"a/../../b":   "must not contain empty, '.' or '..' path segments",
		"/etc/passwd": "must be a relative path",
		"a//b":        "must not contain empty",
		"a\\b":        "must not contain '\\'",
	} {
		err := f.invoke("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{ContainerID: "c", ObjectID: object, Bytes: []byte("x"), IsLast: true}}, nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("object %q: %v, want %q", object, err, want)
		}
	}

	// symlinks inside ROOT that point out of it: a file and a directory
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(f.root, "c", "leak")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(f.root, "c", "door")); err != nil {
		t.Fatal(err)
	}
	resp := f.get("c", "leak")
	if resp.Success || !strings.Contains(resp.Error, "outside the link's ROOT") {
		t.Errorf("get through symlink = %+v", resp)
	}
	if err := f.invoke("Blobstore.PutObject", blobfs.PutObjectRequest{Chunk: blobfs.Chunk{ContainerID: "c", ObjectID: "door/planted", Bytes: []byte("x"), IsLast: true}}, nil); err == nil ||
		!strings.Contains(err.Error(), "outside the link's ROOT") {
		t.Errorf("put through symlinked directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(outside, "planted")); !os.IsNotExist(err) {
		t.Error("a file was written outside ROOT")
	}
	var page blobfs.ListObjectsResponse
	f.must("Blobstore.ListObjects", blobfs.ListObjectsRequest{ContainerID: "c"}, &page)
	if len(page.Objects) != 0 {
		t.Errorf("symlinks listed as objects: %+v", page.Objects)
	}
	// a container that is a symlink out of ROOT
	if err := os.Symlink(outside, filepath.Join(f.root, "evil")); err != nil {
		t.Fatal(err)
	}
	if err := f.invoke("Blobstore.ObjectExists", blobfs.ContainerObject{ContainerID: "evil", ObjectID: "secret"}, new(bool)); err == nil ||
		!strings.Contains(err.Error(), "outside the link's ROOT") {
		t.Errorf("object in symlinked container: %v", err)
	}
}

func TestCBORPayloadIsRefused(t *testing.T) {
	f := newFixture(t, nil)
	// "c" as CBOR text with the 0x7f prefix of interface crates before August 2023
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := f.h.Invoke(ctx, f.actor, "Blobstore.CreateContainer", []byte{0x7f, 0x61, 'c'})
	if err == nil || !strings.Contains(err.Error(), "CBOR payloads are not supported") ||
		!strings.Contains(err.Error(), "Blobstore.CreateContainer") {
		t.Errorf("err = %v", err)
	}
}

func TestLinkWithoutROOTIsRefused(t *testing.T) {
	f := newFixture(t, nil)
	other := f.h.Link("MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5", map[string]string{"DIRECTORY": t.TempDir()})
	f.h.PutLink(other)
	f.waitLog("link value ROOT is missing; set ROOT to the directory that holds the actor's containers")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := f.h.Invoke(ctx, other.ActorID, "Blobstore.ListContainers", nil)
	if err == nil || err.Error() != "unlinked actor: '"+other.ActorID+"'" {
		t.Errorf("err = %v", err)
	}
}

func TestLinksHaveSeparateRoots(t *testing.T) {
	f := newFixture(t, nil)
	f.must("Blobstore.CreateContainer", "mine", nil)
	other := f.h.Link("MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5", map[string]string{"root": t.TempDir()})
	f.h.PutLink(other)
	f.waitLog(`msg="link put" actor=` + other.ActorID)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	reply, err := f.h.Invoke(ctx, other.ActorID, "Blobstore.ListContainers", nil)
	if err != nil {
		t.Fatal(err)
	}
	var list []blobfs.ContainerMetadata
	if err := provider.Unmarshal(reply, &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 0 {
		t.Errorf("second actor sees the first actor's containers: %+v", list)
	}
}
