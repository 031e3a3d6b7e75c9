// Package blobfs is a wasmcloud:blobstore capability provider that keeps containers as
// directories and objects as files under one ROOT directory per link.
package blobfs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	provider "trellis.dev/provider-sdk-go"
)

// Contract is the capability contract this provider serves.
const Contract = "wasmcloud:blobstore"

// DefaultChunkSize is the largest chunk GetObject returns or sends unless the link value
// CHUNK_SIZE or the request's chunkSize asks for less.
const DefaultChunkSize = 1 << 20

// Provider serves wasmcloud:blobstore. Link values: ROOT (required) is the directory holding the
// actor's containers, created if missing; CHUNK_SIZE (optional) bounds download chunks.
type Provider struct {
	provider.Operations

	mu      sync.Mutex
	links   map[string]*link   // by actor
	uploads map[string]*upload // by stream id
}

type link struct {
	store     *store
	chunkSize uint64
}

// New returns a provider with no links.
func New() *Provider {
	p := &Provider{links: map[string]*link{}, uploads: map[string]*upload{}}
	p.Operations = provider.Operations{
		"Blobstore.ContainerExists":  provider.Handle(p.containerExists),
		"Blobstore.CreateContainer":  provider.Handle(p.createContainer),
		"Blobstore.GetContainerInfo": provider.Handle(p.getContainerInfo),
		"Blobstore.ListContainers":   provider.Handle(p.listContainers),
		"Blobstore.RemoveContainers": provider.Handle(p.removeContainers),
		"Blobstore.ObjectExists":     provider.Handle(p.objectExists),
		"Blobstore.GetObjectInfo":    provider.Handle(p.getObjectInfo),
		"Blobstore.ListObjects":      provider.Handle(p.listObjects),
		"Blobstore.RemoveObjects":    provider.Handle(p.removeObjects),
		"Blobstore.PutObject":        provider.Handle(p.putObject),
		"Blobstore.PutChunk":         provider.Handle(p.putChunk),
		"Blobstore.GetObject":        provider.Handle(p.getObject),
	}
	return p
}

// linkValue reads a link value, ignoring the key's case.
func linkValue(ld provider.LinkDefinition, key string) string {
	for k, v := range ld.Values {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// PutLink opens (and creates) the link's ROOT; a link without ROOT is refused.
func (p *Provider) PutLink(_ context.Context, ld provider.LinkDefinition) error {
	dir := linkValue(ld, "ROOT")
	if dir == "" {
		return fmt.Errorf("failed to link actor %s: link value ROOT is missing; set ROOT to the directory that holds the actor's containers", ld.ActorID)
	}
	chunkSize := uint64(DefaultChunkSize)
	if v := linkValue(ld, "CHUNK_SIZE"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil || n == 0 {
			return fmt.Errorf("failed to link actor %s: link value CHUNK_SIZE '%s' is not a positive integer", ld.ActorID, v)
		}
		chunkSize = n
	}
	s, err := openStore(dir)
	if err != nil {
		return fmt.Errorf("failed to link actor %s: %w", ld.ActorID, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.links[ld.ActorID]; ok {
		_ = old.store.close()
	}
	p.links[ld.ActorID] = &link{store: s, chunkSize: chunkSize}
	return nil
}

// DeleteLink closes the actor's ROOT and drops its unfinished uploads.
func (p *Provider) DeleteLink(_ context.Context, ld provider.LinkDefinition) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dropLocked(ld.ActorID)
}

// Shutdown drops unfinished uploads and closes every ROOT.
func (p *Provider) Shutdown(context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for actor := range p.links {
		p.dropLocked(actor)
	}
	return nil
}

func (p *Provider) dropLocked(actor string) {
	for id, u := range p.uploads {
		if u.actor == actor {
			u.abort()
			delete(p.uploads, id)
		}
	}
	if l, ok := p.links[actor]; ok {
		_ = l.store.close()
		delete(p.links, actor)
	}
}

func (p *Provider) link(c *provider.Call) (*link, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.links[c.Actor()]
	if !ok {
		return nil, fmt.Errorf("failed to %s: actor %s has no open ROOT", c.Method(), c.Actor())
	}
	return l, nil
}

// fail formats an error as "failed to <what>: <cause>".
func fail(cause error, format string, args ...any) error {
	return fmt.Errorf("failed to "+format+": %w", append(args, cause)...)
}

func (p *Provider) containerExists(_ context.Context, c *provider.Call, id string) (bool, error) {
	l, err := p.link(c)
	if err != nil {
		return false, err
	}
	ok, err := l.store.containerExists(id)
	if err != nil {
		return false, fail(describe(err), "check container '%s'", id)
	}
	return ok, nil
}

func (p *Provider) createContainer(_ context.Context, c *provider.Call, id string) (provider.None, error) {
	l, err := p.link(c)
	if err == nil {
		if err = l.store.createContainer(id); err != nil {
			err = fail(err, "create container '%s'", id)
		}
	}
	return provider.None{}, err
}

func (p *Provider) getContainerInfo(_ context.Context, c *provider.Call, id string) (ContainerMetadata, error) {
	l, err := p.link(c)
	if err != nil {
		return ContainerMetadata{}, err
	}
	fi, err := l.store.containerInfo(id)
	if err != nil {
		return ContainerMetadata{}, fail(describe(err), "get info of container '%s'", id)
	}
	return ContainerMetadata{ContainerID: id, CreatedAt: timestamp(fi.ModTime())}, nil
}

func (p *Provider) listContainers(_ context.Context, c *provider.Call, _ provider.None) ([]ContainerMetadata, error) {
	l, err := p.link(c)
	if err != nil {
		return nil, err
	}
	out, err := l.store.listContainers()
	if err != nil {
		return nil, fail(err, "list containers")
	}
	return out, nil
}

func (p *Provider) removeContainers(_ context.Context, c *provider.Call, ids []string) ([]ItemResult, error) {
	l, err := p.link(c)
	if err != nil {
		return nil, err
	}
	failed := []ItemResult{}
	for _, id := range ids {
		if err := l.store.removeContainer(id); err != nil {
			failed = append(failed, ItemResult{Key: id, Error: fail(err, "remove container '%s'", id).Error()})
		}
	}
	return failed, nil
}

func (p *Provider) objectExists(_ context.Context, c *provider.Call, o ContainerObject) (bool, error) {
	l, err := p.link(c)
	if err != nil {
		return false, err
	}
	if err := l.store.requireContainer(o.ContainerID); err != nil {
		return false, fail(err, "check object '%s'", o.ObjectID)
	}
	_, err = l.store.objectInfo(o.ContainerID, o.ObjectID)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fail(describe(err), "check object '%s' in container '%s'", o.ObjectID, o.ContainerID)
}

func (p *Provider) getObjectInfo(_ context.Context, c *provider.Call, o ContainerObject) (ObjectMetadata, error) {
	l, err := p.link(c)
	if err != nil {
		return ObjectMetadata{}, err
	}
	fi, err := l.store.objectInfo(o.ContainerID, o.ObjectID)
	if err != nil {
		return ObjectMetadata{}, fail(describe(err), "get info of object '%s' in container '%s'", o.ObjectID, o.ContainerID)
	}
	return objectMetadata(o.ContainerID, o.ObjectID, fi), nil
}

func (p *Provider) removeObjects(_ context.Context, c *provider.Call, r RemoveObjectsRequest) ([]ItemResult, error) {
	l, err := p.link(c)
	if err != nil {
		return nil, err
	}
	failed := []ItemResult{}
	for _, id := range r.Objects {
		if err := l.store.removeObject(r.ContainerID, id); err != nil {
			failed = append(failed, ItemResult{Key: id, Error: fail(err, "remove object '%s' from container '%s'", id, r.ContainerID).Error()})
		}
	}
	return failed, nil
}
