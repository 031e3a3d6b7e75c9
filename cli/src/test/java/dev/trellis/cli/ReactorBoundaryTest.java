package dev.trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a leaf of the module graph (architecture.md): no other module's pom.xml may depend on
 * {@code dev.trellis:cli}. cli's own pom limits what cli depends on (Maven Enforcer); this test
 * guards the other direction, which the Enforcer cannot see from here.
 */
class ReactorBoundaryTest {
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern CLI =
      Pattern.compile(
          "<groupId>\\s*(dev\\.trellis|\\$\\{project\\.groupId})\\s*</groupId>\\s*"
              + "<artifactId>\\s*cli\\s*</artifactId>");

  @Test
  void noModuleDependsOnTheCli() throws IOException {
    Path root = Repo.root();
    List<Path> poms;
    try (Stream<Path> files = Files.walk(root, 4)) {
      poms =
          files
              .filter(p -> p.getFileName().toString().equals("pom.xml"))
              .filter(p -> !p.startsWith(root.resolve("cli")))
              .filter(p -> p.toString().indexOf("/target/") < 0)
              .toList();
    }
    assertThat(poms).contains(root.resolve("pom.xml"), root.resolve("interfaces/pom.xml"));
    for (Path pom : poms) {
      Matcher dependency = DEPENDENCY.matcher(Files.readString(pom));
      while (dependency.find()) {
        assertThat(CLI.matcher(dependency.group(1)).find())
            .as(
                "%s depends on dev.trellis:cli; nothing may (the CLI is a leaf)",
                root.relativize(pom))
            .isFalse();
      }
    }
  }
}
