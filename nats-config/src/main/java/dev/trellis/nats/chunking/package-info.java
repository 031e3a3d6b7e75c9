/**
 * Chunking of large invocation payloads through the JetStream object store (spec dataplane §5),
 * shared by the host and the Java provider SDK.
 *
 * <p>A sender whose payload is larger than {@link
 * dev.trellis.nats.chunking.ChunkStore#THRESHOLD_BYTES} puts it in the object store before it sends
 * the invocation (or the response) with an empty {@code msg} and {@code content_length} = the full
 * length; the receiver sees {@code content_length > len(msg)}, takes the object (get, then delete)
 * and carries on with the full payload.
 */
package dev.trellis.nats.chunking;
