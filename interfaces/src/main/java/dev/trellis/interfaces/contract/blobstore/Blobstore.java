package dev.trellis.interfaces.contract.blobstore;

/**
 * The {@code wasmcloud:blobstore} contract (spec §9.8): service {@code Blobstore} (actor →
 * provider) and {@code ChunkReceiver} (provider → actor). Structs are encoded by {@link
 * BlobstoreCodec} and {@link BlobstoreChunkCodec}, bare values by {@link
 * dev.trellis.interfaces.contract.BarePayload}.
 *
 * <p>Both services are protocol "2": senders of 2022 to Aug 2023 wrote CBOR behind a {@code 0x7f}
 * byte. Trellis always sends msgpack, detects the format on receive, and refuses CBOR with a {@link
 * dev.trellis.interfaces.DecodeException} ("CBOR payloads are not supported").
 */
public final class Blobstore {
  public static final String CONTRACT_ID = "wasmcloud:blobstore";

  /** Input: str container id. Output: bool. */
  public static final String CONTAINER_EXISTS = "Blobstore.ContainerExists";

  /** Input: str container id. Output: none. */
  public static final String CREATE_CONTAINER = "Blobstore.CreateContainer";

  /** Input: str container id. Output: {@link ContainerMetadata}. */
  public static final String GET_CONTAINER_INFO = "Blobstore.GetContainerInfo";

  /** Input: none. Output: array of {@link ContainerMetadata}. */
  public static final String LIST_CONTAINERS = "Blobstore.ListContainers";

  /** Input: array of str. Output: array of {@link ItemResult}. */
  public static final String REMOVE_CONTAINERS = "Blobstore.RemoveContainers";

  /** Input: {@link ContainerObject}. Output: bool. */
  public static final String OBJECT_EXISTS = "Blobstore.ObjectExists";

  /** Input: {@link ContainerObject}. Output: {@link ObjectMetadata}. */
  public static final String GET_OBJECT_INFO = "Blobstore.GetObjectInfo";

  /** Input: {@link ListObjectsRequest}. Output: {@link ListObjectsResponse}. */
  public static final String LIST_OBJECTS = "Blobstore.ListObjects";

  /** Input: {@link RemoveObjectsRequest}. Output: array of {@link ItemResult}. */
  public static final String REMOVE_OBJECTS = "Blobstore.RemoveObjects";

  /** Input: {@link PutObjectRequest}. Output: {@link PutObjectResponse}. */
  public static final String PUT_OBJECT = "Blobstore.PutObject";

  /** Input: {@link PutChunkRequest}. Output: none. */
  public static final String PUT_CHUNK = "Blobstore.PutChunk";

  /** Input: {@link GetObjectRequest}. Output: {@link GetObjectResponse}. */
  public static final String GET_OBJECT = "Blobstore.GetObject";

  /** Provider → actor. Input: {@link Chunk}. Output: {@link ChunkResponse}. */
  public static final String RECEIVE_CHUNK = "ChunkReceiver.ReceiveChunk";

  private Blobstore() {}
}
