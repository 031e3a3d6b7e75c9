package dev.trellis.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BundledServerConfigTest {

  @Test
  void everyConfigIsShippedAndHoldsNoKeyMaterial() {
    for (BundledServerConfig config : BundledServerConfig.values()) {
      assertThat(config.text()).as(config.fileName()).contains("listen:");
      assertThat(config.text()).as(config.fileName()).doesNotContain("PRIVATE KEY");
    }
  }

  @Test
  void templatesOnlyReferenceTrellisEnvironmentVariables() {
    Pattern variable = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    for (BundledServerConfig config : BundledServerConfig.values()) {
      String withoutComments = config.text().replaceAll("(?m)#.*$", "");
      Matcher m = variable.matcher(withoutComments);
      while (m.find()) {
        String name = m.group(1);
        if (!name.equals("JS") && !name.equals("KV") && !name.equals("O")) {
          assertThat(name).as(config.fileName()).startsWith("TRELLIS_");
        }
      }
    }
  }
}
