package io.hrmtrainer.bench;

import java.io.IOException;

/**
 * Writes, or reuses, a generated plain text dataset of a given size and prints its path, line
 * count and sample count, for the benchmark scripts.
 *
 * <p>Usage: {@code GenerateText DIR SIZE_MB}. Prints one line: {@code PATH BYTES LINES SAMPLES}.
 * The file is the one {@link DatasetBench} uses ({@code DIR/bench-text-SIZEmb.txt}).
 */
public final class GenerateText {

  private GenerateText() {}

  /** Generates the file named by the arguments and prints its path and counts. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "expected 2 arguments, DIR and SIZE_MB, but got " + args.length
              + ": for example GenerateText bench-data 1024");
    }
    BenchData.GeneratedFile file =
        BenchData.ensure(java.nio.file.Path.of(args[0]), Long.parseLong(args[1]) << 20);
    System.out.printf("%s %d %d %d%n", file.file(), file.sizeBytes(), file.lines(),
        file.samples());
  }
}
