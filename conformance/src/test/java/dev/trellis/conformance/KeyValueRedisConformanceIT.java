package dev.trellis.conformance;

import dev.trellis.interfaces.par.ProviderArchive;
import dev.trellis.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The keyvalue conformance suite against {@code providers/keyvalue-redis}, started from its {@code
 * bin/keyvalue-redis} launcher as a child process, on a real redis-server started for the class
 * (link value {@code URL}).
 */
class KeyValueRedisConformanceIT extends KeyValueConformance {
  static final String DIR = "providers/keyvalue-redis";

  private RedisServer redis;

  @Override
  protected String providerKey() throws Exception {
    return ProviderArchive.read(RepoRoot.resolve(DIR + "/target/keyvalue-redis.par.gz"))
        .providerKey();
  }

  @Override
  protected ProviderProcess launch(String hostDataLine, Path workDir) throws Exception {
    redis = RedisServer.start(Files.createDirectories(workDir.resolve("redis")));
    Path launcher = RepoRoot.resolve(DIR + "/bin/keyvalue-redis");
    return ProviderProcess.start(
        "keyvalue-redis", List.of(launcher.toString()), workDir, Map.of(), hostDataLine);
  }

  @Override
  protected Map<String, String> linkValues() {
    return Map.of("URL", redis.url());
  }

  @Override
  protected void stopped() {
    if (redis != null) {
      redis.close();
    }
  }
}
