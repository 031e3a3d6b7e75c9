package dev.trellis.interfaces.fuzz;

import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.TrellisException;
import dev.trellis.interfaces.antiforgery.HostInvocationValidator;
import dev.trellis.interfaces.antiforgery.InvocationVerdict;
import dev.trellis.interfaces.antiforgery.ProviderInvocationValidator;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.InvocationMetadata;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.blobstore.BlobstoreChunkCodec;
import dev.trellis.interfaces.contract.blobstore.BlobstoreCodec;
import dev.trellis.interfaces.contract.httpclient.HttpClientCodec;
import dev.trellis.interfaces.contract.httpserver.HttpServerCodec;
import dev.trellis.interfaces.contract.keyvalue.KeyValueCodec;
import dev.trellis.interfaces.contract.logging.LoggingCodec;
import dev.trellis.interfaces.contract.messaging.MessagingCodec;
import dev.trellis.interfaces.contract.numbergen.NumberGenCodec;
import dev.trellis.interfaces.control.AuctionCodec;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.HostCodec;
import dev.trellis.interfaces.control.HostConfigFileCodec;
import dev.trellis.interfaces.control.InvalidCommandException;
import dev.trellis.interfaces.control.LatticeDataCodec;
import dev.trellis.interfaces.control.RegistryCredentialCodec;
import dev.trellis.interfaces.event.EventCodec;
import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HostDataCodec;
import dev.trellis.interfaces.wire.Invocation;
import dev.trellis.interfaces.wire.InvocationCodec;
import dev.trellis.interfaces.wire.InvocationResponseCodec;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every decoder of bytes that come from outside the process (spec: NATS payloads, HostData, control
 * JSON, tokens, modules, archives), each with a fixed number: the first byte of a fuzz input picks
 * the target ({@code byte % size}), the rest is its input. Numbers are append-only so saved inputs
 * keep their meaning.
 *
 * <p>The contract checked for every target: a decoder returns a value or throws a {@link
 * TrellisException} (its module's typed failure), never anything else. Some targets check more:
 * control-request decoders throw {@link InvalidCommandException} carrying a non-empty ack text, and
 * the anti-forgery validators return a verdict, never throw.
 */
final class FuzzTargets {
  /** The instant every time check is made against (2023-11-14), so runs are repeatable. */
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  static final String CLUSTER_ISSUER = Samples.CLUSTER.publicKey();

  /** One decoder under test: consumes untrusted bytes. */
  @FunctionalInterface
  interface Decoder {
    void decode(byte[] input);
  }

  /**
   * A numbered fuzz target.
   *
   * @param id its number, the first byte of an input
   * @param name what it decodes
   * @param decoder the code under test
   */
  record Target(int id, String name, Decoder decoder) {
    Target {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(decoder, "decoder");
    }
  }

  static final List<Target> ALL =
      List.of(
          new Target(0, "Invocation msgpack", InvocationCodec::decode),
          new Target(1, "Invocation then anti-forgery checks", FuzzTargets::validated),
          new Target(2, "InvocationResponse msgpack", InvocationResponseCodec::decode),
          new Target(3, "LinkDefinition msgpack", LinkDefinitionCodec::decode),
          new Target(4, "LinkDefinition JSON", LinkDefinitionCodec::decodeJson),
          new Target(
              5,
              "HealthCheck request and response",
              b -> each(b, HealthCheckCodec::decodeRequest, HealthCheckCodec::decodeResponse)),
          new Target(6, "HostData JSON", b -> HostDataCodec.fromJson(utf8(b))),
          new Target(
              7,
              "HostData stdin line",
              b -> HostDataCodec.fromStdinLine(new String(b, StandardCharsets.ISO_8859_1))),
          new Target(8, "control requests", FuzzTargets::controlRequests),
          new Target(9, "control replies and lattice data", FuzzTargets::controlReplies),
          new Target(
              10, "lattice events", b -> each(b, EventCodec::decode, EventCodec::decodeEvent)),
          new Target(11, "claims JWT", FuzzTargets::jwt),
          new Target(12, "wasm module claims sections", FuzzTargets::moduleClaims),
          new Target(13, "provider archive", FuzzTargets::archive),
          new Target(14, "contract payloads", FuzzTargets::contracts));

  private FuzzTargets() {}

  /** The target an input's first byte selects. */
  static Target select(byte selector) {
    return ALL.get(Byte.toUnsignedInt(selector) % ALL.size());
  }

  /**
   * Runs {@code target} on {@code input}; a {@link TrellisException} is the documented failure and
   * is swallowed, anything else propagates (a finding).
   */
  static void run(Target target, byte[] input) {
    try {
      target.decoder().decode(input);
    } catch (TrellisException expected) {
      // the documented outcome for bad input
    }
  }

  /** Runs every decoder on the same input, each on its own: one failing does not hide the rest. */
  @SafeVarargs
  private static void each(byte[] input, Function<byte[], ?>... decoders) {
    for (Function<byte[], ?> decoder : decoders) {
      try {
        decoder.apply(input);
      } catch (TrellisException expected) {
        // the documented outcome for bad input
      }
    }
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void validated(byte[] input) {
    Invocation inv = InvocationCodec.decode(input);
    InvocationVerdict host =
        new HostInvocationValidator(List.of(CLUSTER_ISSUER), CLOCK).validate(inv);
    InvocationVerdict provider =
        new ProviderInvocationValidator(
                List.of(CLUSTER_ISSUER), Samples.PROVIDER_KEY, Samples.HOST_KEY, CLOCK)
            .validate(inv, actor -> true);
    if (host == null || provider == null) {
      throw new AssertionError("a validator returned no verdict");
    }
  }

  private static void controlRequests(byte[] input) {
    List<Function<byte[], ?>> requests =
        List.of(
            CommandCodec::decodeStartActor,
            CommandCodec::decodeStopActor,
            CommandCodec::decodeScaleActor,
            CommandCodec::decodeUpdateActor,
            CommandCodec::decodeStartProvider,
            CommandCodec::decodeStopProvider,
            CommandCodec::decodeStopHost,
            CommandCodec::decodeLinkPut,
            CommandCodec::decodeLinkDelete,
            AuctionCodec::decodeActorRequest,
            AuctionCodec::decodeProviderRequest,
            RegistryCredentialCodec::decode);
    for (Function<byte[], ?> request : requests) {
      try {
        request.apply(input);
      } catch (InvalidCommandException e) {
        if (e.ackError() == null || e.ackError().isEmpty()) {
          throw new AssertionError("a control request was refused without an ack text", e);
        }
      } catch (DecodeException e) {
        throw new AssertionError(
            "a control request decoder threw a plain DecodeException (no ack text)", e);
      }
    }
  }

  private static void controlReplies(byte[] input) {
    each(
        input,
        CommandCodec::decodeAck,
        AuctionCodec::decodeActorAck,
        AuctionCodec::decodeProviderAck,
        HostCodec::decodeHost,
        HostCodec::decodeInventory,
        LatticeDataCodec::decodeClaims,
        LatticeDataCodec::decodeRefMap,
        LatticeDataCodec::decodeClaimsReply,
        LatticeDataCodec::decodeLinksReply,
        HostConfigFileCodec::decode);
  }

  private static void jwt(byte[] input) {
    String token = utf8(input);
    each(
        input,
        b -> Jwt.decode(token, ActorMetadata.class),
        b -> Jwt.decode(token, ProviderMetadata.class),
        b -> Jwt.decode(token, InvocationMetadata.class),
        b -> Jwt.verify(token, ActorMetadata.class, CLOCK),
        b -> Jwt.verify(token, ProviderMetadata.class, CLOCK),
        b -> Jwt.verify(token, InvocationMetadata.class, CLOCK));
  }

  private static void moduleClaims(byte[] input) {
    each(
        input,
        ModuleClaims::extractJwt,
        ModuleClaims::computeHash,
        b -> ModuleClaims.verify(b, CLOCK));
  }

  private static void archive(byte[] input) {
    ProviderArchive archive = ProviderArchive.read(input, 1 << 20);
    archive.targets();
    try {
      archive.verifyClaims(CLOCK);
    } catch (TrellisException expected) {
      // claims that do not verify; the targets can still be read
    }
    for (String target : archive.targets()) {
      try {
        archive.binary(target);
      } catch (TrellisException expected) {
        // a target whose hash does not match
      }
    }
  }

  private static void contracts(byte[] input) {
    each(
        input,
        HttpServerCodec::decodeRequest,
        HttpServerCodec::decodeResponse,
        HttpClientCodec::decodeRequest,
        HttpClientCodec::decodeResponse,
        KeyValueCodec::decodeGetResponse,
        KeyValueCodec::decodeSetRequest,
        KeyValueCodec::decodeIncrementRequest,
        KeyValueCodec::decodeListRangeRequest,
        KeyValueCodec::decodeListAddRequest,
        MessagingCodec::decodePubMessage,
        MessagingCodec::decodeRequestMessage,
        MessagingCodec::decodeReplyMessage,
        MessagingCodec::decodeSubMessage,
        NumberGenCodec::decodeRangeLimit,
        LoggingCodec::decodeLogEntry,
        BlobstoreCodec::decodeListObjectsResponse,
        BlobstoreCodec::decodeItemResults,
        BlobstoreChunkCodec::decodePutChunkRequest,
        BlobstoreChunkCodec::decodeGetObjectResponse,
        b -> BarePayload.decodeString(b, "value"),
        b -> BarePayload.decodeU32(b, "value"),
        b -> BarePayload.decodeStringList(b, "value"));
  }
}
