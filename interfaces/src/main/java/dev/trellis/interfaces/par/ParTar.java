package dev.trellis.interfaces.par;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar (optionally gzip) container of a provider archive. Entries are keyed by file stem, as the
 * Rust loader does: {@code x86_64-linux.bin} → {@code x86_64-linux}, {@code claims.jwt} → {@code
 * claims}. Only regular files count; a stem seen twice is an error.
 */
final class ParTar {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private ParTar() {}

  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2
        && (bytes[0] & 0xFF) == GZIP_MAGIC_1
        && (bytes[1] & 0xFF) == GZIP_MAGIC_2;
  }

  /** The entries of a (gzipped) tar, reading at most {@code maxBytes} of uncompressed content. */
  static Map<String, byte[]> read(byte[] archive, long maxBytes) {
    if (archive.length < 2) {
      throw new MalformedArchiveException(
          "failed to read provider archive: not enough bytes to be a valid PAR file ("
              + archive.length
              + ")");
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream raw = open(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      long total = 0;
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile()) {
          continue;
        }
        String stem = stem(entry.getName());
        long budget = maxBytes - total;
        byte[] content = tar.readNBytes((int) Math.min(budget + 1, Integer.MAX_VALUE - 8));
        total += content.length;
        if (total > maxBytes) {
          throw new MalformedArchiveException(
              "failed to read provider archive: more than "
                  + maxBytes
                  + " bytes of content; raise the read limit if the archive is genuine");
        }
        if (entries.putIfAbsent(stem, content) != null) {
          throw new MalformedArchiveException(
              "failed to read provider archive: two entries named '" + stem + "'");
        }
      }
    } catch (IOException e) {
      throw new MalformedArchiveException(
          "failed to read provider archive: not a valid (gzipped) tar: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof MalformedArchiveException malformed) {
        throw malformed;
      }
      // commons-compress reports some corrupt headers with unchecked exceptions; on untrusted
      // bytes they mean the same as an IOException.
      throw new MalformedArchiveException(
          "failed to read provider archive: corrupt tar header: " + e.getMessage(), e);
    }
    return entries;
  }

  /** A tar (gzipped if asked) of {@code entries}, written in iteration order. */
  static byte[] write(Map<String, byte[]> entries, long mtimeSeconds, boolean gzip) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        entry.setMode(e.getKey().endsWith(".bin") ? 0755 : 0644);
        entry.setModTime(mtimeSeconds * 1000);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write provider archive in memory", e);
    }
    return bytes.toByteArray();
  }

  private static InputStream open(byte[] archive) throws IOException {
    InputStream in = new ByteArrayInputStream(archive);
    return isGzip(archive) ? new GZIPInputStream(in) : in;
  }

  /**
   * The file stem of the last path component: {@code dir/x86_64-linux.bin} → {@code x86_64-linux}.
   */
  static String stem(String path) {
    String name = path;
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    int slash = name.lastIndexOf('/');
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
