/**
 * A {@code wasmcloud:keyvalue} provider without the protocol work: implement {@link
 * dev.trellis.provider.keyvalue.KeyValueStore} for your backend, keep one per linked actor in a
 * {@link dev.trellis.provider.keyvalue.KeyValueStores} ({@code putLink} opens and puts one, {@code
 * deleteLink} removes and closes it), and hand its lookup to {@link
 * dev.trellis.provider.keyvalue.KeyValueOperations#register} in {@code registerOperations}. The
 * decoding of the 15 operations' inputs (strict: a request without its key is an error, not the key
 * {@code ""}), the calls and the encoding of the results are done here.
 *
 * <p>{@code providers/keyvalue-nats} (JetStream buckets) and {@code providers/keyvalue-redis}
 * (Redis) are built this way, and the keyvalue conformance suite runs against both.
 */
package dev.trellis.provider.keyvalue;
