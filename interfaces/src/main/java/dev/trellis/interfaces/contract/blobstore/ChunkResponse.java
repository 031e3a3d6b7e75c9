package dev.trellis.interfaces.contract.blobstore;

/**
 * The output of {@code ChunkReceiver.ReceiveChunk}. Wire key: {@code cancelDownload}.
 *
 * @param cancelDownload whether the sender should stop sending chunks
 */
public record ChunkResponse(boolean cancelDownload) {}
