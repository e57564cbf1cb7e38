package io.hrmtrainer.gui.checkpoint;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.LedgerArchive;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import io.hrmtrainer.core.dataset.BlockSummary;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.dataset.DatasetManifest;
import io.hrmtrainer.core.position.StartPosition;
import io.hrmtrainer.gui.service.ErrorText;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import io.hrmtrainer.tracker.plan.RunPlan;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The state and commands of the checkpoint screen, which "Start Training" always opens. It covers
 * new run or resume (with the brain's checkpoints), the start position, the dataset layout, the
 * conflict with the ledger and the equivalent command. It also decides whether Start is allowed,
 * and gives the reason when it is not.
 *
 * <p>{@link #load()} lists the checkpoints and builds the manifest in the background. Every change
 * of choice or position re-checks the position against the layout at once. It also resolves the
 * choice in the background, through the same {@code RunResolver} as {@code hrm-hf train}, for the
 * plan and its conflict counts. A result for an older choice is dropped. Start stays disabled until
 * the plan for the current choice is known and allows a run. {@link #getConfig()} is exactly what
 * {@link #start()} hands to the run view, and {@link #commandLineProperty()} is its {@code
 * toCliArgs()}.
 *
 * <p>Not thread-safe: use it on the UI thread, where background results arrive too.
 */
public final class CheckpointViewModel {

  private final TrainingConfig base;
  private final GuiServices services;
  private final Navigator navigator;
  private final RunPreview preview;
  private final ZoneId zone;

  private final ReadOnlyListWrapper<CheckpointRow> checkpoints =
      new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
  private final ObjectProperty<CheckpointRow> selectedCheckpoint = new SimpleObjectProperty<>();
  private final ObjectProperty<RunChoice> runChoice = new SimpleObjectProperty<>(RunChoice.NEW_RUN);
  private final ReadOnlyBooleanWrapper resumeAvailable = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper resumeWarning = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper checkpointsStatus =
      new ReadOnlyStringWrapper("Looking for checkpoints...");
  private final StringProperty blockText = new SimpleStringProperty("0");
  private final StringProperty chunkText = new SimpleStringProperty("0");
  private final ReadOnlyStringWrapper positionError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper layoutText = new ReadOnlyStringWrapper("Reading the dataset...");
  private final ReadOnlyDoubleWrapper manifestProgress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyBooleanWrapper layoutKnown = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper respectLabel = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper forceLabel = new ReadOnlyStringWrapper("");
  private final ObjectProperty<ConflictChoice> conflictChoice =
      new SimpleObjectProperty<>(ConflictChoice.RESPECT);
  private final ReadOnlyStringWrapper ledgerNote = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper startDisabled = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper startBlockedReason = new ReadOnlyStringWrapper("");

  private final AtomicLong planGeneration = new AtomicLong();
  private boolean checkpointsLoaded;
  private DatasetManifest manifest;
  private boolean hasLedger;
  private String datasetProblem;
  private TrainingConfig plannedFor;
  private PlanPair plans;
  private String planProblem;

  /**
   * Creates the screen's state for the run that {@code base} sets up. Call {@link #load()} next.
   *
   * @param base The setup's config: a new run from (0, 0), whose other values this screen keeps.
   */
  public CheckpointViewModel(TrainingConfig base, GuiServices services, Navigator navigator) {
    this.base = Objects.requireNonNull(base, "base");
    this.services = Objects.requireNonNull(services, "services");
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.preview = new RunPreview(services.manifestCache());
    this.zone = services.clock().getZone();
    blockText.set(String.valueOf(base.startBlockId()));
    chunkText.set(String.valueOf(base.startChunkId()));
    for (Observable input : List.of(runChoice, selectedCheckpoint, blockText, chunkText)) {
      input.addListener(changed -> inputsChanged());
    }
    conflictChoice.addListener(changed -> refresh());
    refresh();
  }

  /** Lists the brain's checkpoints and builds the dataset's manifest, both in the background. */
  public void load() {
    services.tasks().run(
        () -> preview.listCheckpoints(base), this::checkpointsListed, this::checkpointsFailed);
    BuildProgress progress = progressReporter();
    services.tasks().run(
        () -> preview.loadDataset(base, progress), this::datasetLoaded, this::datasetFailed);
  }

  /** Hands {@link #getConfig()} to the run view, if Start is enabled. */
  public void start() {
    if (!startDisabled.get()) {
      navigator.showRun(config.get());
    }
  }

  /** Returns to the setup form. */
  public void back() {
    navigator.showSetup();
  }

  /** Puts the equivalent {@code hrm-hf train} command on the clipboard. */
  public void copyCommandLine() {
    services.dialogs().copyToClipboard(commandLine.get());
  }

  /** Returns the brain's checkpoints, oldest first. */
  public ReadOnlyListProperty<CheckpointRow> checkpointsProperty() {
    return checkpoints.getReadOnlyProperty();
  }

  /** Returns the checkpoint to resume from; the newest valid one after loading. */
  public ObjectProperty<CheckpointRow> selectedCheckpointProperty() {
    return selectedCheckpoint;
  }

  /** Returns whether to start a new run or resume. */
  public ObjectProperty<RunChoice> runChoiceProperty() {
    return runChoice;
  }

  /** Returns whether a valid checkpoint exists, so that Resume can be chosen. */
  public ReadOnlyBooleanProperty resumeAvailableProperty() {
    return resumeAvailable.getReadOnlyProperty();
  }

  /** Returns the warning shown when Resume is unavailable; empty otherwise. */
  public ReadOnlyStringProperty resumeWarningProperty() {
    return resumeWarning.getReadOnlyProperty();
  }

  /** Returns a line about the checkpoint list: searching, how many, or why listing failed. */
  public ReadOnlyStringProperty checkpointsStatusProperty() {
    return checkpointsStatus.getReadOnlyProperty();
  }

  /** Returns the text of the start block, for a two-way binding; only digits are typed into it. */
  public StringProperty blockTextProperty() {
    return blockText;
  }

  /** Returns the text of the start chunk, for a two-way binding; only digits are typed into it. */
  public StringProperty chunkTextProperty() {
    return chunkText;
  }

  /** Returns why the start position is invalid (naming the valid range); empty while valid. */
  public ReadOnlyStringProperty positionErrorProperty() {
    return positionError.getReadOnlyProperty();
  }

  /** Returns the dataset layout in words, or what is happening until it is known. */
  public ReadOnlyStringProperty layoutTextProperty() {
    return layoutText.getReadOnlyProperty();
  }

  /** Returns the manifest build's progress from 0 to 1, or -1 while unknown. */
  public ReadOnlyDoubleProperty manifestProgressProperty() {
    return manifestProgress.getReadOnlyProperty();
  }

  /** Returns whether the dataset layout is known. */
  public ReadOnlyBooleanProperty layoutKnownProperty() {
    return layoutKnown.getReadOnlyProperty();
  }

  /** Returns whether the ledger has chunks trained at or after the chosen start position. */
  public ReadOnlyBooleanProperty conflictProperty() {
    return conflict.getReadOnlyProperty();
  }

  /** Returns the label of the respect option, with the number of chunks it skips. */
  public ReadOnlyStringProperty respectLabelProperty() {
    return respectLabel.getReadOnlyProperty();
  }

  /** Returns the label of the force option, with the number of chunks it trains. */
  public ReadOnlyStringProperty forceLabelProperty() {
    return forceLabel.getReadOnlyProperty();
  }

  /** Returns the choice for a conflict, which matters only while there is one. */
  public ObjectProperty<ConflictChoice> conflictChoiceProperty() {
    return conflictChoice;
  }

  /** Returns the note that a new run archives the brain's existing ledger; empty otherwise. */
  public ReadOnlyStringProperty ledgerNoteProperty() {
    return ledgerNote.getReadOnlyProperty();
  }

  /** Returns the plan in words: epoch, first chunk and chunk counts. */
  public ReadOnlyStringProperty planTextProperty() {
    return planText.getReadOnlyProperty();
  }

  /** Returns the equivalent {@code hrm-hf train} command line. */
  public ReadOnlyStringProperty commandLineProperty() {
    return commandLine.getReadOnlyProperty();
  }

  /** Returns the config that Start runs; null while the position is invalid. */
  public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  /** Returns the config that Start runs; null while the position is invalid. */
  public TrainingConfig getConfig() {
    return config.get();
  }

  /** Returns whether Start is disabled. {@link #startBlockedReasonProperty()} gives the reason. */
  public ReadOnlyBooleanProperty startDisabledProperty() {
    return startDisabled.getReadOnlyProperty();
  }

  /** Returns why Start is disabled; empty while it is enabled. */
  public ReadOnlyStringProperty startBlockedReasonProperty() {
    return startBlockedReason.getReadOnlyProperty();
  }

  private void checkpointsListed(List<CheckpointInfo> infos) {
    List<CheckpointRow> rows =
        infos.stream().map(info -> CheckpointRow.of(info, zone)).collect(Collectors.toList());
    Optional<CheckpointRow> newestValid =
        rows.stream().filter(CheckpointRow::valid).reduce((older, newer) -> newer);
    checkpointsLoaded = true;
    checkpoints.setAll(rows);
    checkpointsStatus.set(describeList(rows));
    resumeAvailable.set(newestValid.isPresent());
    resumeWarning.set(newestValid.isPresent() ? "" : noCheckpointWarning(rows));
    selectedCheckpoint.set(newestValid.orElse(null));
    runChoice.set(newestValid.isPresent() ? RunChoice.RESUME : RunChoice.NEW_RUN);
    inputsChanged();
  }

  private void checkpointsFailed(Throwable error) {
    checkpointsLoaded = true;
    checkpointsStatus.set(ErrorText.shortMessage("Listing the checkpoints", error));
    resumeAvailable.set(false);
    resumeWarning.set("The checkpoints cannot be read, so Resume is not available.");
    runChoice.set(RunChoice.NEW_RUN);
    inputsChanged();
  }

  private void datasetLoaded(RunPreview.DatasetFacts facts) {
    manifest = facts.manifest();
    hasLedger = facts.hasLedger();
    layoutKnown.set(true);
    manifestProgress.set(1);
    layoutText.set(describeLayout(manifest));
    inputsChanged();
  }

  private void datasetFailed(Throwable error) {
    datasetProblem = ErrorText.shortMessage("Reading the dataset", error);
    manifestProgress.set(0);
    layoutText.set(datasetProblem);
    refresh();
  }

  private BuildProgress progressReporter() {
    AtomicLong lastPercent = new AtomicLong(-1);
    return (bytesRead, totalBytes) -> {
      long percent = totalBytes == 0 ? 100 : bytesRead * 100 / totalBytes;
      // Hand over only whole-percent changes, so a fast scan cannot flood the UI thread.
      if (lastPercent.getAndSet(percent) != percent) {
        services.tasks().ui().execute(() -> showProgress(percent));
      }
    };
  }

  private void showProgress(long percent) {
    if (!layoutKnown.get()) {
      manifestProgress.set(percent / 100.0);
      layoutText.set(String.format("Building the dataset layout: %d%% read", percent));
    }
  }

  /** Re-checks what depends on the inputs at once, then resolves the plan in the background. */
  private void inputsChanged() {
    refresh();
    TrainingConfig candidate = candidateConfig(ConflictChoice.RESPECT);
    if (candidate == null || !readyToPlan() || candidate.equals(plannedFor)) {
      return;
    }
    long generation = planGeneration.incrementAndGet();
    plannedFor = candidate;
    plans = null;
    planProblem = null;
    refresh();
    services.tasks().run(
        () -> preview.plan(candidate),
        result -> planned(generation, result, null),
        error -> planned(generation, null, error));
  }

  private boolean readyToPlan() {
    return checkpointsLoaded
        && manifest != null
        && positionError.get().isEmpty()
        && !(runChoice.get() == RunChoice.RESUME && !selectedIsValid());
  }

  private void planned(long generation, PlanPair result, Throwable error) {
    if (generation != planGeneration.get()) {
      return; // the choice changed while this plan was computed
    }
    plans = result;
    planProblem = error == null ? null : ErrorText.shortMessage("Planning the run", error);
    refresh();
  }

  /** Recomputes everything shown from the current inputs and the latest plan. */
  private void refresh() {
    Optional<StartPosition> position = checkPosition();
    boolean currentPlan = plans != null && Objects.equals(plannedFor, candidateConfig(ConflictChoice.RESPECT));
    RunPlan respect = currentPlan ? plans.respect() : null;
    conflict.set(respect != null && respect.hasConflict());
    respectLabel.set(respect == null ? "" : String.format(
        "Respect tracker (skip %d already-trained chunks)", respect.chunksAlreadyTrained()));
    forceLabel.set(respect == null ? "" : String.format(
        "Force train from the selected position (train all %d chunks from %s, %d of them again)",
        respect.chunksAlreadyTrained() + respect.chunksClaimable(), respect.start(),
        respect.chunksAlreadyTrained()));
    ConflictChoice answer = conflict.get() ? conflictChoice.get() : ConflictChoice.RESPECT;
    TrainingConfig shown = position.isPresent() ? candidateConfig(answer) : null;
    config.set(shown);
    commandLine.set(shown == null ? "" : TrainCommandLine.of(shown));
    ledgerNote.set(ledgerNoteText());
    planText.set(currentPlan ? describePlan(plans.forChoice(answer)) : "");
    String blocked = blockedReason(currentPlan, answer);
    startBlockedReason.set(blocked);
    startDisabled.set(!blocked.isEmpty());
  }

  private Optional<StartPosition> checkPosition() {
    try {
      StartPosition position = StartPosition.parse(blockText.get(), chunkText.get());
      if (manifest != null) {
        position.validateAgainst(manifest);
      }
      positionError.set("");
      return Optional.of(position);
    } catch (InvalidInputException e) {
      positionError.set(e.getMessage());
      return Optional.empty();
    }
  }

  private TrainingConfig candidateConfig(ConflictChoice answer) {
    StartPosition position;
    try {
      position = StartPosition.parse(blockText.get(), chunkText.get());
    } catch (InvalidInputException e) {
      return null;
    }
    TrainingConfigBuilder builder =
        base.toBuilder()
            .optStartPosition(position)
            .optForceTrain(answer == ConflictChoice.FORCE)
            .clearResumeFrom()
            .optResume(false);
    if (runChoice.get() == RunChoice.RESUME && selectedCheckpoint.get() != null) {
      builder.optResumeFrom(selectedCheckpoint.get().name());
    }
    return builder.build();
  }

  private String blockedReason(boolean currentPlan, ConflictChoice answer) {
    if (datasetProblem != null) {
      return datasetProblem;
    }
    if (!positionError.get().isEmpty()) {
      return positionError.get();
    }
    if (runChoice.get() == RunChoice.RESUME && !selectedIsValid()) {
      return selectedCheckpoint.get() == null
          ? "Choose a valid checkpoint to resume from, or Start New Run."
          : String.format(
              "Checkpoint %s cannot be resumed (%s): choose a valid one, or Start New Run.",
              selectedCheckpoint.get().name(), selectedCheckpoint.get().status());
    }
    if (!checkpointsLoaded || manifest == null) {
      return "Waiting for the checkpoints and the dataset layout...";
    }
    if (planProblem != null) {
      return planProblem;
    }
    if (!currentPlan) {
      return "Checking the ledger for this start position...";
    }
    RunPlan plan = plans.forChoice(answer);
    if (plan.isNothingToTrain()) {
      return String.format(
          "Nothing to train: all %d chunks from %s are already trained in epoch %d. Choose Force"
              + " train or an earlier start position.",
          plan.chunksAlreadyTrained(), plan.start(), plan.epoch());
    }
    return "";
  }

  private boolean selectedIsValid() {
    return selectedCheckpoint.get() != null && selectedCheckpoint.get().valid();
  }

  private String ledgerNoteText() {
    if (runChoice.get() != RunChoice.NEW_RUN || !hasLedger || manifest == null) {
      return "";
    }
    BrainLayout brain = BrainLayout.of(base.saveDir());
    String archiveName =
        LedgerArchive.archiveName(
            brain.ledgerFile(manifest.key().value()), services.clock().instant());
    return String.format(
        "This brain already has a ledger for this dataset. A new run archives it as %s (renamed,"
            + " not deleted) and starts a fresh ledger.",
        archiveName);
  }

  private static String describeList(List<CheckpointRow> rows) {
    long valid = rows.stream().filter(CheckpointRow::valid).count();
    return rows.isEmpty()
        ? "This brain has no checkpoint yet."
        : String.format("%s, %d valid.", count(rows.size(), "checkpoint"), valid);
  }

  private static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  private String noCheckpointWarning(List<CheckpointRow> rows) {
    String where = BrainLayout.of(base.saveDir()).checkpointsDir().toString();
    return rows.isEmpty()
        ? String.format(
            "No checkpoint found in %s, so Resume is not available. Start New Run trains fresh"
                + " weights.",
            where)
        : String.format(
            "No valid checkpoint in %s (%d invalid), so Resume is not available. Start New Run"
                + " trains fresh weights.",
            where, rows.size());
  }

  private static String describeLayout(DatasetManifest manifest) {
    BlockSummary summary = manifest.blockSummary();
    return String.format(
        "%s in %s. A full block has %d samples in %s of %d; the last block has %d samples in %s."
            + " %s in all.",
        count(summary.sampleCount(), "sample"),
        count(summary.totalBlocks(), "block"),
        summary.samplesPerBlock(),
        count(summary.chunksPerFullBlock(), "chunk"),
        summary.chunkSize(),
        summary.lastBlockSamples(),
        count(summary.lastBlockChunks(), "chunk"),
        count(summary.totalChunks(), "chunk"));
  }

  private static String describePlan(RunPlan plan) {
    return String.format(
        "Epoch %d: first chunk %s, %d chunks to train, %d below the start position%s.",
        plan.epoch(),
        plan.firstChunk().map(Object::toString).orElse("(none)"),
        plan.chunksToTrain(),
        plan.chunksBelowStart(),
        plan.force() || plan.chunksAlreadyTrained() == 0
            ? ""
            : String.format(", %d skipped as already trained", plan.chunksAlreadyTrained()));
  }
}
