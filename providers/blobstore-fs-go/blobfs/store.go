package blobfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// stagingDir holds uploads in progress, inside ROOT. Container ids may not start with '.', so
// it never shows as a container.
const stagingDir = ".trellis-uploads"

// store is the ROOT directory of one link. Every access goes through root, an os.Root, which
// refuses any path that resolves outside ROOT, through ".." or a symlink.
type store struct {
	dir  string
	root *os.Root
}

func openStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("failed to create ROOT directory %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("failed to open ROOT directory %s: %w", dir, err)
	}
	return &store{dir: dir, root: root}, nil
}

func (s *store) close() error { return s.root.Close() }

// checkContainerID accepts a single, non-hidden path segment.
func checkContainerID(id string) error {
	switch {
	case id == "":
		return errors.New("container id is empty")
	case strings.ContainsAny(id, "/\\\x00"):
		return fmt.Errorf("container id '%s' must be a single path segment (no '/', '\\' or NUL)", id)
	case strings.HasPrefix(id, "."):
		return fmt.Errorf("container id '%s' must not start with '.'", id)
	}
	return nil
}

// checkObjectID accepts a relative '/'-separated path without empty, '.' or '..' segments.
func checkObjectID(id string) error {
	switch {
	case id == "":
		return errors.New("object id is empty")
	case strings.ContainsAny(id, "\\\x00"):
		return fmt.Errorf("object id '%s' must not contain '\\' or NUL", id)
	case path.IsAbs(id):
		return fmt.Errorf("object id '%s' must be a relative path", id)
	}
	for _, seg := range strings.Split(id, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return fmt.Errorf("object id '%s' must not contain empty, '.' or '..' path segments", id)
		}
	}
	return nil
}

// describe turns errors of the file system into messages that name what went wrong.
func describe(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return nil
	case strings.Contains(err.Error(), "path escapes from parent"):
		return errors.New("the path leads outside the link's ROOT (through a symlink?)")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("it does not exist")
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

func (s *store) containerInfo(id string) (fs.FileInfo, error) {
	if err := checkContainerID(id); err != nil {
		return nil, err
	}
	fi, err := s.root.Stat(id)
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("container '%s' is not a directory", id)
	}
	return fi, err
}

func (s *store) containerExists(id string) (bool, error) {
	_, err := s.containerInfo(id)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// requireContainer returns nil if the container exists.
func (s *store) requireContainer(id string) error {
	ok, err := s.containerExists(id)
	switch {
	case err != nil:
		return describe(err)
	case !ok:
		return fmt.Errorf("container '%s' does not exist; create it with Blobstore.CreateContainer", id)
	}
	return nil
}

func (s *store) createContainer(id string) error {
	if err := checkContainerID(id); err != nil {
		return err
	}
	err := s.root.Mkdir(id, 0o755)
	if errors.Is(err, fs.ErrExist) {
		if _, statErr := s.containerInfo(id); statErr == nil {
			return nil // idempotent
		}
	}
	return describe(err)
}

func (s *store) listContainers() ([]ContainerMetadata, error) {
	dir, err := s.root.Open(".")
	if err != nil {
		return nil, describe(err)
	}
	defer dir.Close()
	entries, err := dir.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	out := []ContainerMetadata{}
	for _, e := range entries {
		if !e.IsDir() || checkContainerID(e.Name()) != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, ContainerMetadata{ContainerID: e.Name(), CreatedAt: timestamp(info.ModTime())})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ContainerID < out[j].ContainerID })
	return out, nil
}

func (s *store) removeContainer(id string) error {
	if err := s.requireContainer(id); err != nil {
		return err
	}
	return describe(s.root.RemoveAll(id))
}

// objectPath checks both ids and returns the object's path inside ROOT.
func objectPath(container, object string) (string, error) {
	if err := checkContainerID(container); err != nil {
		return "", err
	}
	if err := checkObjectID(object); err != nil {
		return "", err
	}
	return container + "/" + object, nil
}

// objectInfo stats a regular file; a directory or other file type is not an object.
func (s *store) objectInfo(container, object string) (fs.FileInfo, error) {
	p, err := objectPath(container, object)
	if err != nil {
		return nil, err
	}
	fi, err := s.root.Stat(p)
	if err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("'%s' is not a regular file: %w", object, fs.ErrNotExist)
	}
	return fi, err
}

func (s *store) removeObject(container, object string) error {
	if _, err := s.objectInfo(container, object); err != nil {
		return describe(err)
	}
	p, _ := objectPath(container, object)
	return describe(s.root.Remove(p))
}

// listObjects returns the regular files of a container, ids sorted, with '/' separators.
func (s *store) listObjects(container string) ([]ObjectMetadata, error) {
	if err := s.requireContainer(container); err != nil {
		return nil, err
	}
	out := []ObjectMetadata{}
	err := fs.WalkDir(s.root.FS(), container, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil // directories are walked; symlinks and devices are not objects
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		out = append(out, objectMetadata(container, strings.TrimPrefix(p, container+"/"), info))
		return nil
	})
	if err != nil {
		return nil, describe(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ObjectID < out[j].ObjectID })
	return out, nil
}

func objectMetadata(container, object string, fi fs.FileInfo) ObjectMetadata {
	size := uint64(fi.Size())
	return ObjectMetadata{
		ObjectID:      object,
		ContainerID:   container,
		ContentLength: size,
		Size:          size,
		LastModified:  timestamp(fi.ModTime()),
	}
}

// readRange reads length bytes at offset of an object.
func (s *store) readRange(container, object string, offset, length uint64) ([]byte, error) {
	p, err := objectPath(container, object)
	if err != nil {
		return nil, err
	}
	f, err := s.root.Open(p)
	if err != nil {
		return nil, describe(err)
	}
	defer f.Close()
	buf := make([]byte, length)
	n, err := f.ReadAt(buf, int64(offset))
	if uint64(n) == length {
		return buf, nil
	}
	return nil, fmt.Errorf("short read: %d of %d bytes: %w", n, length, err)
}

// commit moves a finished upload from the staging directory to its place, creating the
// directories of a nested object id.
func (s *store) commit(staged, container, object string) error {
	p, err := objectPath(container, object)
	if err != nil {
		return err
	}
	if dir := path.Dir(p); dir != container {
		if err := s.root.MkdirAll(dir, 0o755); err != nil {
			return describe(err)
		}
	}
	if fi, err := s.root.Lstat(p); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("'%s' exists and is not a regular file", object)
	}
	return describe(s.root.Rename(staged, p))
}
