package dev.trellis.cli.output;

import dev.trellis.interfaces.TrellisException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure as the user sees it: one message (the outermost), the chain of causes below it (wash's
 * {@code error_chain}), and whether it was unexpected (a bug rather than a problem with the input),
 * in which case the text output suggests {@code --verbose}.
 *
 * @param message the message shown first
 * @param chain the message followed by the messages of its causes, without repeats
 * @param unexpected whether the failure is not a {@link TrellisException} or an I/O problem
 */
public record ErrorReport(String message, List<String> chain, boolean unexpected) {

  public ErrorReport {
    chain = List.copyOf(chain);
  }

  /** The report for {@code failure}. */
  public static ErrorReport of(Throwable failure) {
    List<String> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < 16; t = t.getCause()) {
      String text = describe(t);
      if (chain.isEmpty() || !chain.get(chain.size() - 1).contains(text)) {
        chain.add(text);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    boolean expected =
        failure instanceof TrellisException
            || failure instanceof IOException
            || failure instanceof UncheckedIOException;
    return new ErrorReport(chain.get(0), chain, !expected);
  }

  /** One plain sentence for {@code t}: its message, or what a bare JDK exception means. */
  static String describe(Throwable t) {
    if (t instanceof NoSuchFileException e) {
      return "no such file or directory: " + e.getFile();
    }
    if (t instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (t instanceof FileAlreadyExistsException e) {
      return "file already exists: " + e.getFile();
    }
    if (t instanceof NotDirectoryException e) {
      return "not a directory: " + e.getFile();
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    if (t instanceof TrellisException || t instanceof IOException) {
      return message;
    }
    return t instanceof UncheckedIOException
        ? message
        : t.getClass().getSimpleName() + ": " + message;
  }
}
