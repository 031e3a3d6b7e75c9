package dev.trellis.interfaces.event;

import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.WasmCloudEntity;
import java.util.List;
import java.util.Map;

/** One sample of every event type, with the data keys controlplane §6.2 lists for it. */
final class SampleEvents {
  static final String HOST = "NCPGH5CVTBNPOHUMVVQ6SXMTPSIO2ZGHBV2GQLHS7AJHLTNWLFCN5HKS";
  static final String ECHO = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5";
  static final String HTTP = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPHA5M";
  static final String ACCOUNT = "ADVIWF6Z3BFZNWUXJYT5NEAZZ2YX4T6NRKI3YOR3HKOSQQN7IVDGWSNO";
  static final String INSTANCE = "6b0bd0d8-5d4c-4a4a-a3a4-2f6bb6c0f1b9";

  record Sample(LatticeEvent event, List<String> dataKeys) {}

  private SampleEvents() {}

  static ActorEventClaims actorClaims() {
    return new ActorEventClaims(
        "",
        List.of("wasmcloud:httpserver"),
        ACCOUNT,
        List.of(),
        "Echo",
        "0.3.4",
        4,
        "immediately",
        "never");
  }

  static List<Sample> all() {
    Map<String, String> labels = Map.of("hostcore.os", "linux", "zone", "a");
    Map<String, String> annotations = Map.of("wasmcloud.dev/appspec", "echo");
    LinkDefinition link =
        new LinkDefinition(ECHO, HTTP, "default", "wasmcloud:httpserver", Map.of("PORT", "8080"));
    WasmCloudEntity source = WasmCloudEntity.provider(HTTP, "wasmcloud:httpserver", "default");
    WasmCloudEntity dest = WasmCloudEntity.actor(ECHO);
    List<String> health = List.of("public_key", "contract_id", "link_name");
    List<String> linkKeys =
        List.of("id", "actor_id", "provider_id", "link_name", "contract_id", "values");
    List<String> invocation = List.of("source", "dest", "operation", "bytes");
    return List.of(
        new Sample(
            new HostStarted(labels, "misty-river-4231", 0, "0.1.0"),
            List.of("labels", "friendly_name", "uptime_seconds", "version")),
        new Sample(new HostStopped(labels), List.of("labels")),
        new Sample(
            new HostHeartbeat(
                Map.of(ECHO, 2),
                List.of(new HeartbeatProvider(HTTP, "default", "wasmcloud:httpserver")),
                labels,
                "misty-river-4231",
                "0.1.0",
                6714,
                Uptime.human(6714)),
            List.of(
                "actors",
                "providers",
                "labels",
                "friendly_name",
                "version",
                "uptime_seconds",
                "uptime_human")),
        new Sample(
            new ActorStarted(
                ECHO,
                "wasmcloud.azurecr.io/echo:0.3.4",
                ActorStarted.API_VERSION,
                INSTANCE,
                annotations,
                actorClaims()),
            List.of(
                "public_key", "image_ref", "api_version", "instance_id", "annotations", "claims")),
        new Sample(
            new ActorsStarted(
                ECHO, "wasmcloud.azurecr.io/echo:0.3.4", annotations, HOST, actorClaims(), 3),
            List.of("public_key", "image_ref", "annotations", "host_id", "claims", "count")),
        new Sample(
            new ActorStartFailed("wasmcloud.azurecr.io/echo:9", "not found"),
            List.of("actor_ref", "error")),
        new Sample(
            new ActorsStartFailed(
                ActorsStartFailed.UNKNOWN_KEY, "echo:9", annotations, HOST, "policy denied"),
            List.of("public_key", "image_ref", "annotations", "host_id", "error")),
        new Sample(
            new ActorStopped(ECHO, INSTANCE, annotations),
            List.of("public_key", "instance_id", "annotations")),
        new Sample(
            new ActorsStopped(HOST, ECHO, 2, 1, annotations),
            List.of("host_id", "public_key", "count", "remaining", "annotations")),
        new Sample(
            new ActorUpdated(ECHO, 5, INSTANCE), List.of("public_key", "revision", "instance_id")),
        new Sample(
            new ActorUpdateFailed(ECHO, 5, INSTANCE, "trap"),
            List.of("public_key", "revision", "instance_id", "reason")),
        new Sample(
            new ProviderStarted(
                HTTP,
                "wasmcloud.azurecr.io/httpserver:0.17.0",
                "default",
                "wasmcloud:httpserver",
                INSTANCE,
                Map.of(),
                new ProviderEventClaims(
                    ACCOUNT, List.of(), "HTTP Server", "", "immediately", "never")),
            List.of(
                "public_key",
                "image_ref",
                "link_name",
                "contract_id",
                "instance_id",
                "annotations",
                "claims")),
        new Sample(
            new ProviderStartFailed("httpserver:9", "default", "already running"),
            List.of("provider_ref", "link_name", "error")),
        new Sample(
            new ProviderStopped(
                HTTP,
                "default",
                "wasmcloud:httpserver",
                INSTANCE,
                Map.of(),
                ProviderStopped.NORMAL),
            List.of(
                "public_key", "link_name", "contract_id", "instance_id", "annotations", "reason")),
        new Sample(new HealthCheckPassed(HTTP, "wasmcloud:httpserver", "default"), health),
        new Sample(new HealthCheckFailed(HTTP, "wasmcloud:httpserver", "default"), health),
        new Sample(new HealthCheckStatus(HTTP, "wasmcloud:httpserver", "default"), health),
        new Sample(new LinkdefSet(link), linkKeys),
        new Sample(new LinkdefDeleted(link), linkKeys),
        new Sample(
            new RefmapSet("wasmcloud.azurecr.io/echo:0.3.4", ECHO),
            List.of("oci_url", "public_key")),
        new Sample(
            new InvocationSucceeded(source, dest, "HttpServer.HandleRequest", 42), invocation),
        new Sample(new InvocationFailed(source, dest, "HttpServer.HandleRequest", 42), invocation));
  }
}
