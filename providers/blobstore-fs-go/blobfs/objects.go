package blobfs

import (
	"context"
	"errors"
	"fmt"
	"sort"

	provider "trellis.dev/provider-sdk-go"
)

// maxListItems is the most objects one ListObjects reply carries.
const maxListItems = 1000

// listObjects pages through a container's objects in id order. startWith is an inclusive lower
// bound, continuation (the last id of the previous page) an exclusive one that replaces it;
// endWith is an inclusive and endBefore an exclusive upper bound.
func (p *Provider) listObjects(_ context.Context, c *provider.Call, r ListObjectsRequest) (ListObjectsResponse, error) {
	l, err := p.link(c)
	if err != nil {
		return ListObjectsResponse{}, err
	}
	all, err := l.store.listObjects(r.ContainerID)
	if err != nil {
		return ListObjectsResponse{}, fail(err, "list objects of container '%s'", r.ContainerID)
	}
	first := 0
	switch {
	case r.Continuation != nil && *r.Continuation != "":
		first = sort.Search(len(all), func(i int) bool { return all[i].ObjectID > *r.Continuation })
	case r.StartWith != nil:
		first = sort.Search(len(all), func(i int) bool { return all[i].ObjectID >= *r.StartWith })
	}
	limit := maxListItems
	if r.MaxItems != nil && *r.MaxItems > 0 && *r.MaxItems < maxListItems {
		limit = int(*r.MaxItems)
	}
	resp := ListObjectsResponse{Objects: []ObjectMetadata{}, IsLast: true}
	for _, o := range all[first:] {
		if r.EndWith != nil && o.ObjectID > *r.EndWith || r.EndBefore != nil && o.ObjectID >= *r.EndBefore {
			break
		}
		if len(resp.Objects) == limit {
			last := resp.Objects[len(resp.Objects)-1].ObjectID
			resp.IsLast, resp.Continuation = false, &last
			break
		}
		resp.Objects = append(resp.Objects, o)
	}
	return resp, nil
}

// putObject writes the first chunk. A last chunk stores the object at once (atomically);
// otherwise the reply carries the stream id for PutChunk.
func (p *Provider) putObject(_ context.Context, c *provider.Call, r PutObjectRequest) (PutObjectResponse, error) {
	l, err := p.link(c)
	if err != nil {
		return PutObjectResponse{}, err
	}
	what := fmt.Sprintf("put object '%s' in container '%s'", r.Chunk.ObjectID, r.Chunk.ContainerID)
	u, err := l.store.startUpload(c.Actor(), r.Chunk)
	if err != nil {
		return PutObjectResponse{}, fail(err, "%s", what)
	}
	done, err := u.write(r.Chunk)
	if err != nil {
		u.abort()
		return PutObjectResponse{}, fail(err, "%s", what)
	}
	if done {
		return PutObjectResponse{}, nil
	}
	p.mu.Lock()
	p.uploads[u.id] = u
	p.mu.Unlock()
	return PutObjectResponse{StreamID: &u.id}, nil
}

// putChunk continues an upload started by putObject, found by stream id or, when the id is
// absent, by the chunk's container and object.
func (p *Provider) putChunk(_ context.Context, c *provider.Call, r PutChunkRequest) (provider.None, error) {
	what := fmt.Sprintf("put chunk of object '%s' in container '%s'", r.Chunk.ObjectID, r.Chunk.ContainerID)
	p.mu.Lock()
	var u *upload
	if r.StreamID != nil && *r.StreamID != "" {
		u = p.uploads[*r.StreamID]
	} else {
		for _, candidate := range p.uploads {
			if candidate.actor == c.Actor() && candidate.container == r.Chunk.ContainerID && candidate.object == r.Chunk.ObjectID {
				u = candidate
			}
		}
	}
	if u == nil || u.actor != c.Actor() {
		p.mu.Unlock()
		return provider.None{}, fail(errors.New("no upload in progress for this stream; start it with Blobstore.PutObject"), "%s", what)
	}
	if r.CancelAndRemove || r.Chunk.IsLast {
		delete(p.uploads, u.id)
	}
	p.mu.Unlock()
	if r.CancelAndRemove {
		u.abort()
		return provider.None{}, nil
	}
	if _, err := u.write(r.Chunk); err != nil {
		u.abort()
		p.mu.Lock()
		delete(p.uploads, u.id)
		p.mu.Unlock()
		return provider.None{}, fail(err, "%s", what)
	}
	return provider.None{}, nil
}

// getObject returns the requested range (inclusive bounds, clamped to the object) in an
// initial chunk of at most the chunk size; the rest is sent to the actor after the reply as
// ChunkReceiver.ReceiveChunk calls, until the last chunk or until the actor cancels. Failures
// are reported in the response (success false, error), as the interface defines.
func (p *Provider) getObject(_ context.Context, c *provider.Call, r GetObjectRequest) (GetObjectResponse, error) {
	l, err := p.link(c)
	if err != nil {
		return GetObjectResponse{Error: err.Error()}, nil
	}
	what := fmt.Sprintf("get object '%s' from container '%s'", r.ObjectID, r.ContainerID)
	fi, err := l.store.objectInfo(r.ContainerID, r.ObjectID)
	if err != nil {
		return GetObjectResponse{Error: fail(describe(err), "%s", what).Error()}, nil
	}
	size := uint64(fi.Size())
	start, end := uint64(0), size // end is exclusive here
	if r.RangeStart != nil {
		start = min(*r.RangeStart, size)
	}
	if r.RangeEnd != nil && *r.RangeEnd < size {
		end = *r.RangeEnd + 1
	}
	end = max(end, start)
	chunkSize := l.chunkSize
	if r.ChunkSize != nil && *r.ChunkSize > 0 {
		chunkSize = min(chunkSize, *r.ChunkSize)
	}
	first := min(end, start+chunkSize)
	data, err := l.store.readRange(r.ContainerID, r.ObjectID, start, first-start)
	if err != nil {
		return GetObjectResponse{Error: fail(err, "%s", what).Error()}, nil
	}
	resp := GetObjectResponse{
		Success:       true,
		ContentLength: end - start,
		InitialChunk: &Chunk{ObjectID: r.ObjectID, ContainerID: r.ContainerID, Bytes: data,
			Offset: start, IsLast: first == end},
	}
	if first < end {
		c.AfterReply(func(ctx context.Context) {
			p.sendChunks(ctx, c, l, r, first, end, chunkSize)
		})
	}
	return resp, nil
}

// sendChunks sends [from, end) of an object to the calling actor, one ReceiveChunk at a time.
func (p *Provider) sendChunks(ctx context.Context, c *provider.Call, l *link, r GetObjectRequest, from, end, chunkSize uint64) {
	log := c.Host.Logger().With("actor", c.Actor(), "container", r.ContainerID, "object", r.ObjectID)
	for offset := from; offset < end; offset += chunkSize {
		n := min(chunkSize, end-offset)
		data, err := l.store.readRange(r.ContainerID, r.ObjectID, offset, n)
		if err != nil {
			log.Error("failed to read chunk for download", "offset", offset, "error", err)
			return
		}
		payload, err := provider.Marshal(Chunk{ObjectID: r.ObjectID, ContainerID: r.ContainerID, Bytes: data,
			Offset: offset, IsLast: offset+n == end})
		if err != nil {
			log.Error("failed to encode chunk", "error", err)
			return
		}
		reply, err := c.Host.CallActor(ctx, c.Actor(), "ChunkReceiver.ReceiveChunk", payload)
		if err != nil {
			log.Error("failed to send chunk to actor", "offset", offset, "error", err)
			return
		}
		var cr ChunkResponse
		if err := provider.Unmarshal(reply, &cr); err != nil {
			log.Warn("undecodable ChunkReceiver.ReceiveChunk reply, continuing", "error", err)
		}
		if cr.CancelDownload {
			log.Info("download cancelled by actor", "offset", offset)
			return
		}
	}
}
