package dev.trellis.provider.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArchivePackerTest {

  @Test
  void theExecutableIsAShellStubFollowedByTheJar() {
    byte[] jar = {'P', 'K', 3, 4, 0};

    byte[] executable = ArchivePacker.executable("keyvalue-nats", "-Xss512k", jar);

    String text = new String(executable, StandardCharsets.ISO_8859_1);
    String stub = text.substring(0, text.length() - jar.length);
    assertThat(stub)
        .startsWith("#!/bin/sh\n# Trellis provider keyvalue-nats: ")
        .endsWith(
            "exec \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" ${KEYVALUE_NATS_JAVA_OPTS:--Xss512k}"
                + " -jar \"$0\" \"$@\"\n");
    assertThat(Arrays.copyOfRange(executable, executable.length - jar.length, executable.length))
        .isEqualTo(jar);
  }
}
