package dev.trellis.cli;

import dev.trellis.cli.claims.ModuleInspection;
import dev.trellis.cli.output.CommandResult;
import dev.trellis.cli.par.ArchiveInspection;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis inspect <file>} (wash 0.18's top-level {@code inspect}): a signed module (found by
 * the wasm magic {@code \0asm}) is shown as {@code claims inspect} shows it, anything else as a
 * provider archive, as {@code par inspect} shows it.
 */
@Command(
    name = "inspect",
    description =
        "Show the claims of a signed module or a provider archive (detected from the file).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  trellis inspect echo_s.wasm",
      "  trellis inspect kv.par.gz -o json",
      "  trellis inspect echo_s.wasm --jwt-only"
    })
final class InspectCommand implements CliCommand {
  private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6D};

  @Parameters(index = "0", paramLabel = "FILE", description = "A .wasm module or a .par(.gz) file.")
  Path target;

  @Option(names = "--jwt-only", description = "Print only the raw JWT.")
  boolean jwtOnly;

  @Override
  public CommandResult call(CommandContext ctx) {
    Path file = ctx.resolve(target);
    byte[] bytes = ctx.readFile(file, "inspect");
    if (isWasm(bytes)) {
      return ModuleInspection.inspect(ctx, file, bytes, jwtOnly);
    }
    if (!mayBeArchive(bytes)) {
      throw new CliException(
          "failed to inspect "
              + ctx.display(file)
              + ": it is neither a WebAssembly module nor a provider archive (.par, .par.gz)");
    }
    return ArchiveInspection.inspect(ctx, file, bytes, jwtOnly);
  }

  /** gzip magic, or a tar header ({@code ustar} at offset 257). */
  static boolean mayBeArchive(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      return true;
    }
    return bytes.length >= 262
        && bytes[257] == 'u'
        && bytes[258] == 's'
        && bytes[259] == 't'
        && bytes[260] == 'a'
        && bytes[261] == 'r';
  }

  static boolean isWasm(byte[] bytes) {
    if (bytes.length < WASM_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < WASM_MAGIC.length; i++) {
      if (bytes[i] != WASM_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
