package io.hrmtrainer.diagnostics;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.core.telemetry.TelemetryReader;
import io.hrmtrainer.diagnostics.driver.SimulatedCrash;
import io.hrmtrainer.diagnostics.driver.TrainRequest;
import io.hrmtrainer.diagnostics.driver.TrainerDriver;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The environment of a scenario: its own working directory, a manifest cache inside it, the driver
 * that trains, and helpers that generate datasets and read back what a run left.
 *
 * <p>The evidence of a run is read from the brain, never taken from the driver: the events the run
 * appended to the telemetry file and the brain's committed ledger. Not thread-safe.
 */
public final class ScenarioContext {

  /** Samples per block of {@link #newConfig}. */
  public static final int SAMPLES_PER_BLOCK = 200;

  /** Samples per chunk of {@link #newConfig}: four chunks per block. */
  public static final int CHUNK_SIZE = 50;

  private static final String[] WORDS = {
    "river", "stone", "light", "quiet", "north", "field", "amber", "cloud", "spark", "heron",
    "maple", "ember", "tide", "lantern", "orchard", "signal", "copper", "meadow", "harbor", "frost"
  };

  private final Path workDir;
  private final TrainerDriver driver;
  private final ManifestCache manifestCache;

  /**
   * Creates a context in {@code workDir}, which the scenario owns.
   *
   * @param workDir The scenario's working directory, created when missing.
   * @param driver Trains the runs the scenario requests.
   */
  public ScenarioContext(Path workDir, TrainerDriver driver) {
    this.workDir = Objects.requireNonNull(workDir, "workDir");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.manifestCache = new ManifestCache(workDir.resolve("manifest-cache"));
  }

  /** Returns the scenario's working directory. */
  public Path workDir() {
    return workDir;
  }

  /** Returns the manifest cache, inside the working directory. */
  public ManifestCache manifestCache() {
    return manifestCache;
  }

  /** Returns the path of a brain named {@code name} in the working directory; not created. */
  public Path brain(String name) {
    return workDir.resolve(name);
  }

  /**
   * Writes a text dataset of {@code lines} distinct, non-blank lines. With {@link #newConfig}, 600
   * lines make 3 blocks of 4 chunks.
   *
   * @return The file.
   * @throws IOException if the file cannot be written.
   */
  public Path newDataset(String fileName, int lines) throws IOException {
    Files.createDirectories(workDir);
    List<String> text = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      text.add(
          String.format(
              "sample %04d: the %s %s by the %s",
              i, WORDS[i % WORDS.length], WORDS[(i / 3) % WORDS.length], WORDS[(i * 7) % 19]));
    }
    return Files.write(workDir.resolve(fileName), text, StandardCharsets.UTF_8);
  }

  /**
   * Returns a configuration builder for a fast CPU run: the tiny preset, {@value
   * #SAMPLES_PER_BLOCK} samples per block, {@value #CHUNK_SIZE} per chunk, batch 16, sequences of
   * 32 tokens, seed 42, and every checkpoint kept.
   */
  public TrainingConfigBuilder newConfig(Path dataset, Path saveDir) {
    return TrainingConfig.builder()
        .setDatasetFile(dataset)
        .setSaveDir(saveDir)
        .optSamplesPerBlock(SAMPLES_PER_BLOCK)
        .optDatasetChunkSize(CHUNK_SIZE)
        .optBatchSize(16)
        .optMaxSeqLen(32)
        .optSeed(42)
        .optKeepCheckpoints(100);
  }

  /** Trains {@code config} through the driver and returns what the run left behind. */
  public RunEvidence train(TrainingConfig config) throws IOException {
    return train(TrainRequest.of(config, manifestCache));
  }

  /** Trains {@code config} with a simulated kill at {@code crash}, and returns what it left. */
  public RunEvidence train(TrainingConfig config, SimulatedCrash crash) throws IOException {
    return train(new TrainRequest(config, manifestCache, Optional.of(crash)));
  }

  private RunEvidence train(TrainRequest request) throws IOException {
    Path telemetry = request.config().effectiveLogFile();
    int eventsBefore = readEvents(telemetry).size();

    Optional<RunOutcome> outcome = Optional.empty();
    Optional<Exception> error = Optional.empty();
    try {
      outcome = Optional.of(driver.train(request));
    } catch (IOException | RuntimeException e) {
      // The driver boundary: whatever the run throws is evidence for the checks.
      error = Optional.of(e);
    }

    List<TelemetryEvent> events = readEvents(telemetry);
    List<TelemetryEvent> appended = events.subList(Math.min(eventsBefore, events.size()), events.size());
    return new RunEvidence(outcome, error, appended, readLedger(request.config().saveDir()));
  }

  private static List<TelemetryEvent> readEvents(Path telemetry) throws IOException {
    return Files.exists(telemetry) ? TelemetryReader.readEvents(telemetry) : List.of();
  }

  /** Reads the brain's committed ledger. A scenario's brain contains the ledger of one dataset only. */
  private static Optional<LedgerState> readLedger(Path saveDir) throws IOException {
    BrainLayout brain = BrainLayout.of(saveDir);
    if (!Files.isDirectory(brain.datasetsDir())) {
      return Optional.empty();
    }
    List<Path> keys;
    try (Stream<Path> listing = Files.list(brain.datasetsDir())) {
      keys = listing.filter(Files::isDirectory).sorted().toList();
    }
    for (Path key : keys) {
      Optional<LedgerState> ledger =
          LedgerStore.readIfExists(brain.ledgerFile(key.getFileName().toString()));
      if (ledger.isPresent()) {
        return ledger;
      }
    }
    return Optional.empty();
  }
}
