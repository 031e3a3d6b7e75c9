package dev.trellis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.blobstore.Blobstore;
import dev.trellis.interfaces.contract.blobstore.BlobstoreChunkCodec;
import dev.trellis.interfaces.contract.blobstore.BlobstoreCodec;
import dev.trellis.interfaces.contract.blobstore.Chunk;
import dev.trellis.interfaces.contract.blobstore.ContainerMetadata;
import dev.trellis.interfaces.contract.blobstore.ContainerObject;
import dev.trellis.interfaces.contract.blobstore.GetObjectRequest;
import dev.trellis.interfaces.contract.blobstore.GetObjectResponse;
import dev.trellis.interfaces.contract.blobstore.ItemResult;
import dev.trellis.interfaces.contract.blobstore.ListObjectsRequest;
import dev.trellis.interfaces.contract.blobstore.ListObjectsResponse;
import dev.trellis.interfaces.contract.blobstore.ObjectMetadata;
import dev.trellis.interfaces.contract.blobstore.PutObjectRequest;
import dev.trellis.interfaces.contract.blobstore.PutObjectResponse;
import dev.trellis.interfaces.contract.blobstore.RemoveObjectsRequest;
import dev.trellis.interfaces.wire.InvocationResponse;
import java.time.Duration;
import java.util.List;

/** One linked actor's calls to the {@code wasmcloud:blobstore} provider under test (spec §9.8). */
final class BlobstoreCalls {
  static final Duration REPLY = Duration.ofSeconds(30);

  final LatticeHost host;
  final String actor;

  BlobstoreCalls(LatticeHost host, String actor) {
    this.host = host;
    this.actor = actor;
  }

  InvocationResponse raw(String operation, byte[] payload) throws InterruptedException {
    return host.invoke(actor, operation, payload, REPLY);
  }

  byte[] ok(String operation, byte[] payload) throws InterruptedException {
    InvocationResponse response = raw(operation, payload);
    assertThat(response.error()).as("error of %s", operation).isNull();
    return response.msg();
  }

  String error(String operation, byte[] payload) throws InterruptedException {
    InvocationResponse response = raw(operation, payload);
    assertThat(response.error()).as("error of %s", operation).isNotNull().isNotBlank();
    return response.error();
  }

  boolean containerExists(String container) throws InterruptedException {
    return BarePayload.decodeBool(
        ok(Blobstore.CONTAINER_EXISTS, BarePayload.encodeString(container)), "bool result");
  }

  void createContainer(String container) throws InterruptedException {
    assertThat(ok(Blobstore.CREATE_CONTAINER, BarePayload.encodeString(container)))
        .as("CreateContainer has no output: an empty msg")
        .isEmpty();
  }

  ContainerMetadata containerInfo(String container) throws InterruptedException {
    return BlobstoreCodec.decodeContainerMetadata(
        ok(Blobstore.GET_CONTAINER_INFO, BarePayload.encodeString(container)));
  }

  List<ContainerMetadata> listContainers() throws InterruptedException {
    return BlobstoreCodec.decodeContainerMetadataList(ok(Blobstore.LIST_CONTAINERS, new byte[0]));
  }

  List<ItemResult> removeContainers(String... containers) throws InterruptedException {
    return BlobstoreCodec.decodeItemResults(
        ok(Blobstore.REMOVE_CONTAINERS, BarePayload.encodeStringList(List.of(containers))));
  }

  PutObjectResponse putObject(String container, String object, byte[] bytes)
      throws InterruptedException {
    return BlobstoreChunkCodec.decodePutObjectResponse(
        ok(Blobstore.PUT_OBJECT, putObjectRequest(container, object, bytes)));
  }

  GetObjectResponse getObject(String container, String object) throws InterruptedException {
    return BlobstoreChunkCodec.decodeGetObjectResponse(
        ok(
            Blobstore.GET_OBJECT,
            BlobstoreChunkCodec.encodeGetObjectRequest(
                new GetObjectRequest(object, container, null, null))));
  }

  boolean objectExists(String container, String object) throws InterruptedException {
    return BarePayload.decodeBool(
        ok(
            Blobstore.OBJECT_EXISTS,
            BlobstoreCodec.encodeContainerObject(new ContainerObject(container, object))),
        "bool result");
  }

  ObjectMetadata objectInfo(String container, String object) throws InterruptedException {
    return BlobstoreCodec.decodeObjectMetadata(
        ok(
            Blobstore.GET_OBJECT_INFO,
            BlobstoreCodec.encodeContainerObject(new ContainerObject(container, object))));
  }

  ListObjectsResponse listObjects(String container) throws InterruptedException {
    return BlobstoreCodec.decodeListObjectsResponse(
        ok(
            Blobstore.LIST_OBJECTS,
            BlobstoreCodec.encodeListObjectsRequest(
                new ListObjectsRequest(container, null, null, null, null, null))));
  }

  List<ItemResult> removeObjects(String container, String... objects) throws InterruptedException {
    return BlobstoreCodec.decodeItemResults(
        ok(
            Blobstore.REMOVE_OBJECTS,
            BlobstoreCodec.encodeRemoveObjectsRequest(
                new RemoveObjectsRequest(container, List.of(objects)))));
  }

  static byte[] putObjectRequest(String container, String object, byte[] bytes) {
    return BlobstoreChunkCodec.encodePutObjectRequest(
        new PutObjectRequest(new Chunk(object, container, bytes, 0, true), null, null));
  }
}
