package blobfs

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
)

// upload is an object being written chunk by chunk into the staging directory; it becomes
// visible only when its last chunk arrives.
type upload struct {
	mu        sync.Mutex // serializes writes of one upload
	id        string
	actor     string
	container string
	object    string
	staged    string
	file      *os.File
	store     *store
}

func newStreamID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// startUpload creates the staging file for an object of an existing container.
func (s *store) startUpload(actor string, c Chunk) (*upload, error) {
	if _, err := objectPath(c.ContainerID, c.ObjectID); err != nil {
		return nil, err
	}
	if err := s.requireContainer(c.ContainerID); err != nil {
		return nil, err
	}
	if err := s.root.MkdirAll(stagingDir, 0o755); err != nil {
		return nil, describe(err)
	}
	u := &upload{id: newStreamID(), actor: actor, container: c.ContainerID, object: c.ObjectID, store: s}
	u.staged = stagingDir + "/" + u.id
	f, err := s.root.OpenFile(u.staged, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, describe(err)
	}
	u.file = f
	return u, nil
}

// write stores a chunk at its offset; on the last chunk it commits the object.
func (u *upload) write(c Chunk) (done bool, err error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.file == nil {
		return true, fmt.Errorf("upload of '%s' is already finished", u.object)
	}
	if _, err := u.file.WriteAt(c.Bytes, int64(c.Offset)); err != nil {
		return false, describe(err)
	}
	if !c.IsLast {
		return false, nil
	}
	err = u.file.Sync()
	if closeErr := u.file.Close(); err == nil {
		err = closeErr
	}
	u.file = nil
	if err == nil {
		err = u.store.commit(u.staged, u.container, u.object)
	}
	if err != nil {
		_ = u.store.root.Remove(u.staged)
	}
	return true, err
}

// abort drops the staged data.
func (u *upload) abort() {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.file != nil {
		_ = u.file.Close()
		u.file = nil
		_ = u.store.root.Remove(u.staged)
	}
}
