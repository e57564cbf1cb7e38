package io.hrmtrainer.cli;

import io.hrmtrainer.core.dataset.ManifestCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code hrm-hf} in the test JVM through {@link HrmHf#run(PrintWriter, PrintWriter,
 * String...)} and captures what it prints.
 *
 * <p>Loading this class points the manifest cache ({@value ManifestCache#CACHE_DIR_PROPERTY}) at a
 * temporary directory, deleted when the JVM exits, so that tests never write to {@code ~/.cache}.
 */
final class Cli {

  static {
    if (System.getProperty(ManifestCache.CACHE_DIR_PROPERTY) == null) {
      Path cacheDir = newTemporaryCacheDir();
      System.setProperty(ManifestCache.CACHE_DIR_PROPERTY, cacheDir.toString());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(cacheDir)));
    }
  }

  /**
   * What one run printed and returned.
   *
   * @param exitCode The exit code.
   * @param out Everything written to stdout.
   * @param err Everything written to stderr: the plan, progress and errors.
   */
  record Result(int exitCode, String out, String err) {

    /** Returns stdout and stderr together, for assertions that do not care where text went. */
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return String.format("exit code %d%n--- stdout%n%s--- stderr%n%s", exitCode, out, err);
    }
  }

  private Cli() {}

  /** Runs {@code hrm-hf} with {@code args}; each argument is turned into a string. */
  static Result run(Object... args) {
    List<String> strings = new ArrayList<>();
    for (Object arg : args) {
      strings.add(String.valueOf(arg));
    }
    return run(strings);
  }

  /** Runs {@code hrm-hf} with {@code args}. */
  static Result run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        HrmHf.run(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  private static Path newTemporaryCacheDir() {
    try {
      return Files.createTempDirectory("hrm-cli-test-cache");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Best effort at JVM exit: a leftover cache in the temporary directory does no harm.
    }
  }
}
