package dev.trellis.interfaces.contract.blobstore;

/**
 * The output of {@code Blobstore.PutObject}. Wire key: {@code streamId?}.
 *
 * @param streamId the id to pass with further {@code PutChunk} calls, or {@code null} when the
 *     first chunk was the last
 */
public record PutObjectResponse(String streamId) {}
