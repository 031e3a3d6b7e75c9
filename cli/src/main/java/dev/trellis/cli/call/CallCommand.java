package dev.trellis.cli.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trellis.cli.CliCommand;
import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.context.RpcConnection;
import dev.trellis.cli.context.RpcOptions;
import dev.trellis.cli.lattice.Ids;
import dev.trellis.cli.lattice.NatsConnect;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.output.Progress;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.keys.KeyException;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis call <actor-id or call alias> <operation> [json]}: an invocation straight to an
 * actor, as {@code wash call} sends it (controlplane §8.3, dataplane §2, §4): the JSON payload as
 * msgpack ({@link JsonMsgpack}), origin {@code __WASH__}, a placeholder host id, the anti-forgery
 * token signed with the cluster seed. The reply is printed as JSON; an error reply fails the
 * command with the host's text. JSON keys: {@code actor_id, operation, response}.
 */
@Command(
    name = "call",
    description = {
      "Invoke an operation on an actor, like a provider or another actor would.",
      "The JSON payload is sent as msgpack (objects → maps, strings → str, \"@base64:…\" → bin);",
      "the reply is printed as JSON: bin becomes a string when it is valid UTF-8, else",
      "\"@base64:…\". For HttpServer.HandleRequest, a payload with method/path is sent as an",
      "HttpRequest (body as bytes) and the HttpResponse body is shown as text.",
      "Invocations are signed with the cluster seed: -c, WASMCLOUD_CLUSTER_SEED, the context,",
      "else the host_config.json 'trellis up' writes."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis call MBCF… HttpServer.HandleRequest '{\"method\":\"GET\",\"path\":\"/\"}'",
      "  trellis call trellis/pong Pingpong.Ping",
      "  trellis call MBCF… KeyValue.Increment '{\"key\":\"a\",\"value\":1}' -o json",
      "  trellis call MBCF… Echo.Reply -d payload.json"
    })
public final class CallCommand implements CliCommand {
  /** The origin {@code wash call} uses. */
  static final String ORIGIN = "__WASH__";

  /** A placeholder host id (56 characters, starting with N) as {@code wash call} sends. */
  static final String HOST_ID = padded("NwashHostCallerId");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(
      index = "0",
      paramLabel = "ACTOR",
      description = "The actor's id (M…) or its call alias.")
  String target;

  @Parameters(index = "1", paramLabel = "OPERATION", description = "e.g. HttpServer.HandleRequest")
  String operation;

  @Parameters(
      index = "2..*",
      paramLabel = "JSON",
      description = "The payload as JSON (several words are joined with spaces); none: empty.")
  List<String> payload;

  @Option(
      names = {"-d", "--data"},
      paramLabel = "FILE",
      description = "Read the JSON payload from this file.")
  Path data;

  @Mixin RpcOptions rpc;

  @Override
  public CommandResult call(CommandContext ctx) throws InterruptedException {
    RpcConnection conn = rpc.resolve(ctx);
    JsonNode json = readPayload(ctx);
    boolean http = HttpCall.applies(operation, json);
    byte[] msg =
        http ? HttpCall.encode(json) : json == null ? new byte[0] : JsonMsgpack.encode(json);
    KeyPair cluster = clusterKey(conn);
    String actorId;
    byte[] reply;
    try (Connection nc = NatsConnect.open(conn.toNatsConfig(), conn.address(), NatsConnect.QUIET);
        Progress p = ctx.output().progress("calling " + target + " " + operation)) {
      String topic = ctx.variable("WASMCLOUD_CTL_TOPIC_PREFIX");
      Invoker invoker =
          new Invoker(
              nc, conn, cluster, ctx.clock(), topic == null ? Subjects.DEFAULT_CTL_PREFIX : topic);
      actorId = invoker.resolve(target);
      reply = invoker.invoke(actorId, operation, msg);
    }
    return result(actorId, reply, http);
  }

  private CommandResult result(String actorId, byte[] reply, boolean http) {
    Optional<HttpResponse> response = http ? HttpCall.decode(reply) : Optional.empty();
    JsonNode decoded;
    String text;
    if (response.isPresent()) {
      decoded = HttpCall.toJson(response.get());
      text = HttpCall.text(response.get());
    } else if (reply.length == 0) {
      decoded = null;
      text = "(the reply is empty)";
    } else {
      Optional<JsonNode> value = JsonMsgpack.decode(reply);
      decoded = value.orElseGet(() -> JsonMsgpack.bytes(reply));
      text = value.isPresent() ? pretty(decoded) : decoded.asText();
    }
    return CommandResult.builder(text)
        .put("actor_id", actorId)
        .put("operation", operation)
        .put("response", decoded)
        .build();
  }

  private JsonNode readPayload(CommandContext ctx) {
    boolean inline = payload != null && !payload.isEmpty();
    if (inline && data != null) {
      throw new CliException(
          "failed to read the payload: give it inline or with -d/--data, not both");
    }
    String text;
    String where;
    if (data != null) {
      text = new String(ctx.readFile(data, "read the payload"), StandardCharsets.UTF_8);
      where = ctx.display(data);
    } else if (inline) {
      text = String.join(" ", payload);
      where = "the payload";
    } else {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new CliException(
          "failed to read "
              + where
              + ": not valid JSON"
              + at
              + ": "
              + e.getOriginalMessage()
              + "; quote it for the shell, e.g. '{\"key\":\"value\"}'",
          e);
    }
  }

  private KeyPair clusterKey(RpcConnection conn) {
    if (conn.clusterSeed().isEmpty()) {
      throw new CliException(
          "failed to call "
              + target
              + ": no cluster seed to sign the invocation; pass -c/--cluster-seed SC…, set"
              + " WASMCLOUD_CLUSTER_SEED, or start the host with 'trellis up' (it writes its"
              + " seed to host_config.json)");
    }
    KeyPair key;
    try {
      key = KeyPair.fromSeed(conn.clusterSeed().reveal());
    } catch (KeyException e) {
      throw new CliException(
          "failed to call "
              + target
              + ": the cluster seed from "
              + conn.clusterSeedSource()
              + " is not a valid seed",
          e);
    }
    if (key.type() != KeyType.CLUSTER) {
      throw new CliException(
          "failed to call "
              + target
              + ": the seed from "
              + conn.clusterSeedSource()
              + " is a "
              + key.type().name().toLowerCase(Locale.ROOT)
              + " seed, not a cluster seed (SC…)");
    }
    return key;
  }

  private static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return node.toString();
    }
  }

  private static String padded(String prefix) {
    return prefix + "0".repeat(56 - prefix.length());
  }

  /** Whether {@code value} is an actor id rather than a call alias. */
  static boolean isActorId(String value) {
    return Ids.isActor(value);
  }
}
