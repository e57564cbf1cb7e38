package io.hrmtrainer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Small generated text datasets and the {@code hrm-hf} arguments that train the tiny model on them
 * in a fraction of a second per chunk.
 *
 * <p>With {@link #SAMPLES_PER_BLOCK} 200 and {@link #CHUNK_SIZE} 50, a file of 600 lines has 3
 * blocks of 4 chunks each, and a file of 550 lines has a last block of 150 samples in 3 chunks.
 */
final class TinyDataset {

  static final int SAMPLES_PER_BLOCK = 200;
  static final int CHUNK_SIZE = 50;

  private static final String[] WORDS = {
    "the", "king", "shall", "speak", "of", "love", "and", "war", "to", "his", "noble", "friend",
    "my", "lord", "is", "gone", "away", "from", "rome", "tonight"
  };

  private TinyDataset() {}

  /** Writes {@code lines} seeded pseudo-sentences, one sample per line, to {@code dir/name}. */
  static Path write(Path dir, String name, int lines) throws IOException {
    Random random = new Random(lines);
    List<String> text = new ArrayList<>();
    for (int line = 0; line < lines; line++) {
      StringBuilder sentence = new StringBuilder();
      for (int word = 0; word < 6 + random.nextInt(6); word++) {
        sentence.append(word == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.add(sentence.append('.').toString());
    }
    return Files.write(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /**
   * Returns the arguments of {@code command} ({@code train} or {@code plan}) on {@code dataset} and
   * {@code saveDir} with the tiny layout and batch shape, followed by {@code extra}.
   */
  static List<String> args(String command, Path dataset, Path saveDir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--dataset-file",
                dataset.toString(),
                "--save-dir",
                saveDir.toString(),
                "--samples-per-block",
                String.valueOf(SAMPLES_PER_BLOCK),
                "--dataset-chunk-size",
                String.valueOf(CHUNK_SIZE),
                "--batch-size",
                "16",
                "--max-seq-len",
                "32"));
    args.addAll(Arrays.asList(extra));
    return args;
  }

  /** Runs {@code hrm-hf train} with {@link #args} and returns what it printed. */
  static Cli.Result train(Path dataset, Path saveDir, String... extra) {
    return Cli.run(args("train", dataset, saveDir, extra));
  }
}
