package io.hrmtrainer.gui;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import io.hrmtrainer.trainergpu.run.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Small datasets and brains for the GUI tests: a 600-line text file cut into 3 blocks of 4 chunks
 * (200 samples per block, 50 per chunk), and a brain trained for real on its first two chunks.
 *
 * <p>The trained brain is made once per test JVM and copied for each test, since tests may change
 * it. It contains {@code ckpt-000001} (after chunk (0, 0)), {@code ckpt-000002} (after (0, 1)) and
 * {@code ckpt-000003}. The ledger of {@code ckpt-000002} records (0, 0) and (0, 1) as trained.
 * {@code ckpt-000003} is a directory without {@code COMMIT.json}, so the newest valid checkpoint is
 * {@code ckpt-000002}.
 */
public final class TinyBrains {

  /** Samples per block of the tiny layout. */
  public static final int SAMPLES_PER_BLOCK = 200;

  /** Samples per chunk of the tiny layout. */
  public static final int CHUNK_SIZE = 50;

  /** The lines of the shared dataset: 3 blocks of 4 chunks. */
  public static final int LINES = 600;

  private static final String[] WORDS = {
    "the", "king", "shall", "speak", "of", "love", "and", "war", "to", "his", "noble", "friend",
    "my", "lord", "is", "gone", "away", "from", "rome", "tonight"
  };

  private static Path template;

  private TinyBrains() {}

  /** Writes {@code lines} seeded pseudo-sentences, one sample per line, to {@code dir/name}. */
  public static Path writeDataset(Path dir, String name, int lines) throws IOException {
    Random random = new Random(lines);
    List<String> text = new ArrayList<>();
    for (int line = 0; line < lines; line++) {
      StringBuilder sentence = new StringBuilder();
      for (int word = 0; word < 6 + random.nextInt(6); word++) {
        sentence.append(word == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.add(sentence.append('.').toString());
    }
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Returns a new-run config of {@code dataset} into {@code brain} with the tiny shapes. */
  public static TrainingConfig config(Path dataset, Path brain) {
    return TrainingConfig.builder()
        .setDatasetFile(dataset)
        .setSaveDir(brain)
        .optSamplesPerBlock(SAMPLES_PER_BLOCK)
        .optDatasetChunkSize(CHUNK_SIZE)
        .optBatchSize(16)
        .optMaxSeqLen(32)
        .optCheckpointIntervalChunks(1)
        .build();
  }

  /** Returns the dataset that {@link #copyTrainedBrain(Path)} brains were trained on. */
  public static synchronized Path trainedDataset() {
    return trainedTemplate().resolve("dataset.txt");
  }

  /** Copies the trained brain (see the class description) to {@code target} and returns it. */
  public static synchronized Path copyTrainedBrain(Path target) throws IOException {
    Path source = trainedTemplate().resolve("brain");
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.naturalOrder())::iterator) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
    return target;
  }

  private static Path trainedTemplate() {
    if (template == null) {
      try {
        template = trainTemplate();
      } catch (IOException e) {
        throw new UncheckedIOException("failed to train the template brain", e);
      }
    }
    return template;
  }

  private static Path trainTemplate() throws IOException {
    Path root = Files.createTempDirectory("hrm-gui-template-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
    Path dataset = writeDataset(root, "dataset.txt", LINES);
    Path brain = root.resolve("brain");
    TrainingConfig config = config(dataset, brain).toBuilder().optMaxChunks(2).build();
    ManifestCache cache = new ManifestCache(root.resolve("cache"));
    RunOutcome outcome =
        TrainingRun.builder(new RunResolver(cache).resolve(config, BuildProgress.NONE))
            .build()
            .execute();
    if (outcome.status() != RunOutcome.Status.COMPLETED) {
      throw new IllegalStateException("the template run did not complete: " + outcome);
    }
    Path invalid = BrainLayout.of(brain).checkpointDir(3);
    Files.createDirectories(invalid);
    Files.writeString(invalid.resolve("trainer_state.json"), "{}");
    return root;
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary directory is harmless because the JVM is exiting.
    }
  }
}
