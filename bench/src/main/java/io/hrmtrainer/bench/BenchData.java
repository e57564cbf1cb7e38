package io.hrmtrainer.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Generates, or reuses, a large plain text dataset for benchmarks.
 *
 * <p>The file contains lines of 4 to 40 words drawn from a small vocabulary, with a blank line (empty
 * or only spaces) after about one line in ten, so both sample and blank-line handling are
 * exercised. A sidecar {@code .properties} file records the line and sample counts, so a reused
 * file needs no second scan. Generation is deterministic for a given target size.
 */
final class BenchData {

  /** A generated file with its counts. */
  record GeneratedFile(Path file, long sizeBytes, long lines, long samples, boolean reused) {}

  private static final String[] WORDS = {
    "the", "king", "queen", "shall", "hath", "lord", "love", "night", "sword", "crown", "speak",
    "noble", "heart", "thou", "thee", "death", "honour", "fair", "brother", "gentle", "time",
    "madam", "come", "away", "good", "what", "which", "there", "would", "never", "heaven",
    "England", "Rome", "father", "daughter", "soldier", "fortune", "reason", "grace", "blood"
  };
  private static final int WRITE_BUFFER_BYTES = 1 << 20;

  private BenchData() {}

  /** Returns the file of at least {@code minBytes} in {@code dir}, writing it if needed. */
  static GeneratedFile ensure(Path dir, long minBytes) throws IOException {
    long megabytes = (minBytes + (1 << 20) - 1) >> 20;
    Path file = dir.resolve("bench-text-" + megabytes + "mb.txt");
    Path counts = dir.resolve(file.getFileName() + ".properties");
    if (Files.isRegularFile(file) && Files.isRegularFile(counts) && Files.size(file) >= minBytes) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(counts)) {
        properties.load(reader);
      }
      return new GeneratedFile(
          file,
          Files.size(file),
          Long.parseLong(properties.getProperty("lines")),
          Long.parseLong(properties.getProperty("samples")),
          true);
    }

    Files.createDirectories(dir);
    GeneratedFile generated = generate(file, minBytes);
    Properties properties = new Properties();
    properties.setProperty("lines", Long.toString(generated.lines()));
    properties.setProperty("samples", Long.toString(generated.samples()));
    try (Writer writer = Files.newBufferedWriter(counts)) {
      properties.store(writer, "line and sample counts of " + file.getFileName());
    }
    return generated;
  }

  private static GeneratedFile generate(Path file, long minBytes) throws IOException {
    SplittableRandom random = new SplittableRandom(minBytes);
    long written = 0;
    long lines = 0;
    long samples = 0;
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER_BYTES)) {
      StringBuilder line = new StringBuilder(512);
      while (written < minBytes) {
        line.setLength(0);
        int words = 4 + random.nextInt(37);
        for (int w = 0; w < words; w++) {
          line.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        boolean blankAfter = random.nextInt(10) == 0;
        String blank = random.nextBoolean() ? "\n" : "   \n";
        line.append('\n').append(blankAfter ? blank : "");
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        written += bytes.length;
        samples++;
        lines += blankAfter ? 2 : 1;
      }
    }
    return new GeneratedFile(file, written, lines, samples, false);
  }
}
