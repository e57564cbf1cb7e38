package io.hrmtrainer.tracker.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.brain.BrainDescriptor;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.CheckpointSummary;
import io.hrmtrainer.core.brain.JsonFiles;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.DatasetFormat;
import io.hrmtrainer.core.dataset.DatasetManifest;
import io.hrmtrainer.core.dataset.DatasetSource;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.tracker.ledger.IncompatibleLedgerException;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import io.hrmtrainer.tracker.plan.PlanRequest;
import io.hrmtrainer.tracker.plan.RunPlan;
import io.hrmtrainer.tracker.plan.RunPlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a configuration into a {@link ResolvedRun}: manifest, start position check, checkpoint
 * choice, ledger and plan, in that order, before any model is built.
 *
 * <p>Resolution reads the brain directory but never writes to it, so invalid input leaves the
 * brain untouched. The only file it may write is the manifest cache, which lives outside the brain.
 * Thread-safe when the cache is.
 */
public final class RunResolver {

  private static final Logger LOGGER = LoggerFactory.getLogger(RunResolver.class);

  /** The ledger file name inside a checkpoint directory. */
  public static final String LEDGER_FILE = "chunk_tracker_state.json";

  private final ManifestCache manifestCache;
  private final RunPlanner planner = new RunPlanner();

  /** Creates a resolver that caches manifests in {@code manifestCache}. */
  public RunResolver(ManifestCache manifestCache) {
    this.manifestCache = Objects.requireNonNull(manifestCache, "manifestCache");
  }

  /**
   * Resolves {@code config}.
   *
   * @param progress Receives manifest build progress when the manifest is not cached.
   * @throws InvalidInputException if the dataset is missing, empty or malformed, the start position
   *     is out of range, the requested checkpoint is missing or invalid, or the checkpoint's ledger
   *     belongs to another dataset layout. The message explains how to fix it.
   * @throws UncheckedIOException if reading fails for a reason the user cannot fix by changing input.
   */
  public ResolvedRun resolve(TrainingConfig config, BuildProgress progress) {
    ManifestCache.LoadedManifest loaded = loadManifest(config, progress);
    DatasetManifest manifest = loaded.manifest();
    config.startPosition().validateAgainst(manifest);

    BrainLayout brain = BrainLayout.of(config.saveDir());
    checkSaveDir(config.saveDir());
    checkOutputFiles(config, brain);
    CheckpointChoice choice = chooseCheckpoint(config, brain);
    LedgerState ledger = choice.checkpoint().map(c -> loadLedger(c, manifest, config)).orElseGet(
        () -> freshLedger(manifest));

    RunPlan plan = plan(config, manifest, ledger);
    boolean epochAdvanced = false;
    if (plan.isNothingToTrain() && ledger.currentEpoch() + 1 < config.epochs()) {
      // The ledger's epoch is finished and the run requests more epochs, so continue with the next.
      ledger = nextEpoch(ledger);
      plan = plan(config, manifest, ledger);
      epochAdvanced = true;
    }

    return new ResolvedRun(
        config,
        manifest,
        loaded.fromCache(),
        brain,
        choice.checkpoint(),
        choice.skipped(),
        choice.resumeDisabledReason(),
        ledger,
        epochAdvanced,
        plan,
        choice.checkpoint().map(c -> settingWarnings(config, c)).orElse(List.of()));
  }

  /** Returns the dataset source that {@code config} describes. */
  public static DatasetSource datasetSource(TrainingConfig config) {
    DatasetFormat format = config.effectiveDatasetFormat();
    List<String> fields = format == DatasetFormat.JSONL ? config.textFields() : List.of();
    return new DatasetSource(config.datasetFile(), format, fields);
  }

  /**
   * Returns how many workers the run uses: one per CUDA id when ids are given, otherwise the
   * configured worker count.
   */
  public static int workerCount(TrainingConfig config) {
    return config.cudaIds().isEmpty() ? config.workers() : config.cudaIds().size();
  }

  /** Rejects a save directory that is a file, or that lies under a file. */
  private static void checkSaveDir(Path saveDir) {
    Path absolute = saveDir.toAbsolutePath().normalize();
    for (Path path = absolute; path != null; path = path.getParent()) {
      if (Files.exists(path) && !Files.isDirectory(path)) {
        String where = path.equals(absolute) ? "is a file" : "lies under the file " + path;
        throw new InvalidInputException(
            String.format(
                "save directory %s %s: expected a directory; point --save-dir at a directory or"
                    + " at a path that does not exist yet",
                saveDir, where));
      }
      if (Files.isDirectory(path)) {
        return;
      }
    }
  }

  /**
   * Rejects output paths that would fail only after the run has started: a log file that is a
   * directory, a stop file that already exists (it would stop the run before its first chunk), and
   * an unreadable {@code brain.json}.
   */
  private static void checkOutputFiles(TrainingConfig config, BrainLayout brain) {
    Path logFile = config.effectiveLogFile();
    if (Files.isDirectory(logFile)) {
      throw new InvalidInputException(
          String.format(
              "log file %s is a directory: expected a file to append events to; point --log-file"
                  + " at a file",
              logFile));
    }
    config
        .stopFile()
        .filter(Files::exists)
        .ifPresent(
            stopFile -> {
              throw new InvalidInputException(
                  String.format(
                      "stop file %s already exists, so the run would stop before its first chunk:"
                          + " delete it, or choose another --stop-file",
                      stopFile));
            });
    try {
      // Throws an error that names the file when brain.json is truncated or corrupt.
      BrainDescriptor.read(brain);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + brain.brainJson(), e);
    }
  }

  private ManifestCache.LoadedManifest loadManifest(TrainingConfig config, BuildProgress progress) {
    try {
      return manifestCache.loadOrBuild(
          datasetSource(config), config.samplesPerBlock(), config.datasetChunkSize(), progress);
    } catch (IOException e) {
      throw new InvalidInputException(
          String.format(
              "cannot read the dataset %s: %s; check that --dataset-file names a readable file",
              config.datasetFile(), e.getMessage()),
          e);
    }
  }

  private static CheckpointChoice chooseCheckpoint(TrainingConfig config, BrainLayout brain) {
    if (!config.isResume() && config.resumeFrom().isEmpty()) {
      return CheckpointChoice.newRun();
    }
    CheckpointStore store = new CheckpointStore(brain);
    try {
      if (config.resumeFrom().isPresent()) {
        return CheckpointChoice.resume(store.resolve(config.resumeFrom().get()), List.of());
      }
      return chooseNewest(brain, store.list());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "failed to list the checkpoints in " + brain.checkpointsDir(), e);
    }
  }

  private static CheckpointChoice chooseNewest(BrainLayout brain, List<CheckpointInfo> all) {
    Optional<CheckpointInfo> newest = CheckpointStore.newestValidIn(all);
    long chosenSequence = newest.map(CheckpointInfo::sequence).orElse(-1L);
    List<CheckpointInfo> skipped = new ArrayList<>();
    for (CheckpointInfo info : all) {
      if (!info.isValid() && info.sequence() > chosenSequence) {
        skipped.add(info);
      }
    }
    if (newest.isPresent()) {
      return CheckpointChoice.resume(newest.get(), skipped);
    }
    if (!all.isEmpty()) {
      // Checkpoints exist but none verifies: a new run would silently drop the user's progress.
      throw new InvalidInputException(
          String.format(
              "--resume was given but no checkpoint in %s is valid:%n  %s%n"
                  + "Restore or move aside the broken checkpoints, name one with --resume-from,"
                  + " or drop --resume to start a new run.",
              brain.checkpointsDir(),
              all.stream()
                  .map(c -> c.name() + ": " + c.reason().orElse("invalid"))
                  .collect(Collectors.joining(String.format("%n  ")))));
    }
    String reason = String.format("no checkpoint found in %s", brain.checkpointsDir());
    return new CheckpointChoice(Optional.empty(), skipped, Optional.of(reason));
  }

  private static LedgerState loadLedger(
      CheckpointInfo checkpoint, DatasetManifest manifest, TrainingConfig config) {

    Path file = checkpoint.directory().resolve(LEDGER_FILE);
    LedgerState ledger;
    try {
      ledger = LedgerStore.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the ledger " + file, e);
    }
    try {
      ledger.checkCompatible(
          manifest.fingerprint(), manifest.samplesPerBlock(), manifest.chunkSize());
    } catch (IncompatibleLedgerException e) {
      if (!config.isForceTrain()) {
        throw new InvalidInputException(
            String.format(
                "the ledger of checkpoint %s does not match the dataset %s:%n  %s%n"
                    + "Pass --force-train to keep the weights and train with a fresh ledger, or"
                    + " start a new run without --resume.",
                checkpoint.name(),
                manifest.dataset(),
                String.join(String.format("%n  "), e.mismatches())),
            e);
      }
      LOGGER.warn(
          "the ledger of checkpoint {} does not match the dataset ({}); --force-train keeps the"
              + " weights and starts a fresh ledger",
          checkpoint.name(),
          String.join("; ", e.mismatches()));
      return freshLedger(manifest);
    }
    return ledger;
  }

  /**
   * Lists the settings a resume takes from the checkpoint instead of the configuration: the model
   * size and the seed. A checkpoint whose trainer state cannot be read gives no warning here,
   * because loading it later reports the file.
   */
  private static List<String> settingWarnings(TrainingConfig config, CheckpointInfo checkpoint) {
    JsonNode state;
    try {
      state = JsonFiles.readTree(checkpoint.file(CheckpointSummary.TRAINER_STATE_FILE));
    } catch (IOException | InvalidInputException e) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    JsonNode model = state.path("model");
    JsonNode configured = JsonFiles.mapper().valueToTree(config.model());
    if (!model.isMissingNode() && !model.equals(configured)) {
      warnings.add(
          String.format(
              "the model size comes from %s (%s), not from the configuration (%s)",
              checkpoint.name(), model, configured));
    }
    JsonNode seed = state.path("seed");
    if (seed.canConvertToLong() && seed.asLong() != config.seed()) {
      warnings.add(
          String.format(
              "the seed comes from %s (%d), not from --seed (%d), so the data order continues"
                  + " unchanged",
              checkpoint.name(), seed.asLong(), config.seed()));
    }
    return warnings;
  }

  private static LedgerState freshLedger(DatasetManifest manifest) {
    return LedgerState.empty(
        manifest.fingerprint(),
        manifest.samplesPerBlock(),
        manifest.chunkSize(),
        manifest.totalBlocks());
  }

  private static LedgerState nextEpoch(LedgerState ledger) {
    return new LedgerState(
        ledger.schemaVersion(),
        ledger.datasetFingerprint(),
        ledger.samplesPerBlock(),
        ledger.datasetChunkSize(),
        ledger.totalBlocksInDataset(),
        ledger.currentEpoch() + 1,
        ledger.totalSteps(),
        ledger.totalSamples(),
        ledger.completedChunks(),
        List.of());
  }

  private RunPlan plan(TrainingConfig config, DatasetManifest manifest, LedgerState ledger) {
    PlanRequest request =
        PlanRequest.newRun(manifest, config.startPosition().toChunkPosition())
            .withLedger(ledger)
            .withForce(config.isForceTrain())
            .withWorkers(workerCount(config));
    if (config.maxChunks().isPresent()) {
      request = request.withMaxChunks(config.maxChunks().getAsInt());
    }
    return planner.plan(request);
  }

  private record CheckpointChoice(
      Optional<CheckpointInfo> checkpoint,
      List<CheckpointInfo> skipped,
      Optional<String> resumeDisabledReason) {

    static CheckpointChoice newRun() {
      return new CheckpointChoice(Optional.empty(), List.of(), Optional.empty());
    }

    static CheckpointChoice resume(CheckpointInfo checkpoint, List<CheckpointInfo> skipped) {
      return new CheckpointChoice(Optional.of(checkpoint), skipped, Optional.empty());
    }
  }
}
