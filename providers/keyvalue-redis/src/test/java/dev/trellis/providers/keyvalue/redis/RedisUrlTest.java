package dev.trellis.providers.keyvalue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

  @Test
  void withoutAUrlValueALinkUsesTheLocalDefaultPort() {
    assertThat(RedisUrl.of(Map.of()).toString()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(RedisUrl.of(Map.of("URL", " ")).toString()).isEqualTo("redis://127.0.0.1:6379");
  }

  @Test
  void theValueNameIgnoresCase() {
    assertThat(RedisUrl.of(Map.of("url", "redis://cache:6380/2")).uri().getPort()).isEqualTo(6380);
    assertThat(RedisUrl.of(Map.of("Url", "rediss://cache")).uri().getScheme()).isEqualTo("rediss");
  }

  @Test
  void thePasswordIsNeverShown() {
    assertThat(RedisUrl.of(Map.of("URL", "redis://app:s3cret@cache:6379/0")).toString())
        .isEqualTo("redis://app:***@cache:6379/0")
        .doesNotContain("s3cret");
    assertThat(RedisUrl.of(Map.of("URL", "redis://s3cret@cache")).toString())
        .isEqualTo("redis://***@cache");
  }

  @Test
  void anythingButARedisUrlIsRefusedWithAnExample() {
    assertThatThrownBy(() -> RedisUrl.of(Map.of("URL", "http://cache:6379")))
        .hasMessage(
            "link value URL 'http://cache:6379' is not a redis:// or rediss:// url; e.g."
                + " redis://127.0.0.1:6379");
    assertThatThrownBy(() -> RedisUrl.of(Map.of("URL", "redis://")))
        .hasMessageContaining("is not a url");
    assertThatThrownBy(() -> RedisUrl.of(Map.of("URL", "cache:6379")))
        .hasMessageContaining("is not a redis:// or rediss:// url");
  }
}
