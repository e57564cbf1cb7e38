package io.hrmtrainer.gui.run;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.BuildProgress;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.core.telemetry.TelemetrySink;
import io.hrmtrainer.gui.service.ErrorText;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import io.hrmtrainer.trainergpu.run.StepProgress;
import io.hrmtrainer.trainergpu.run.StopSignal;
import io.hrmtrainer.trainergpu.run.TrainingListener;
import io.hrmtrainer.trainergpu.run.TrainingRun;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * The state and commands of the run view: it trains exactly one config in the background and turns
 * the run's live reports into progress, per-worker lines, loss points, a chunk map and an event
 * list.
 *
 * <p>Worker threads report through a {@link TrainingListener} and a {@link TelemetrySink} (the same
 * events as {@code metrics.jsonl}). Their updates are batched onto the UI thread, so a fast run
 * cannot flood it. Stop requests a graceful stop (the current chunk finishes, then a commit), Stop
 * now for an immediate one (the current chunk is abandoned, then a commit). A failure becomes a
 * short message plus the stack trace as details. The window never waits on the run.
 *
 * <p>Not thread-safe apart from the listener and sink it hands to the run. Use it on the UI thread.
 */
public final class RunViewModel {

  /** The maximum number of events kept in {@link #eventsProperty()}. */
  public static final int EVENT_LIMIT = 200;

  /** The maximum number of points kept in {@link #lossPointsProperty()}; older ones are thinned. */
  public static final int LOSS_POINT_LIMIT = 400;

  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final TrainingConfig config;
  private final GuiServices services;
  private final Navigator navigator;
  private final StopSignal stop = new StopSignal();
  private final UiBatcher batcher;
  private final Map<Integer, String> workerLines = new TreeMap<>();

  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not started.");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
  private final ReadOnlyListWrapper<String> workers =
      new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
  private final ReadOnlyListWrapper<LossPoint> lossPoints =
      new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
  private final ReadOnlyObjectWrapper<ChunkMap> chunkMap = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyLongWrapper mapVersion = new ReadOnlyLongWrapper(0);
  private final ReadOnlyListWrapper<String> events =
      new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper stopRequested = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>();

  private long chunksTrained;
  private long chunksToTrain;
  private long lossStride = 1;
  private int firstEpoch = -1;

  /** Creates the view model of a run of {@code config}; {@link #start()} starts it. */
  public RunViewModel(TrainingConfig config, GuiServices services, Navigator navigator) {
    this.config = Objects.requireNonNull(config, "config");
    this.services = Objects.requireNonNull(services, "services");
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.batcher = new UiBatcher(services.tasks().ui(), this::afterBatch);
  }

  /** Resolves and trains the config in the background; does nothing if already started. */
  public void start() {
    if (running.get() || outcome.get() != null) {
      return;
    }
    running.set(true);
    status.set("Resolving the run...");
    services.tasks().run(this::execute, this::finished, this::failed);
  }

  /** Asks the run to finish its current chunks, commit and stop. */
  public void stopGracefully() {
    stop.requestGraceful("stopped from the GUI (Stop)");
    stopRequested.set(true);
    status.set("Stopping after the current chunk, then committing...");
  }

  /** Asks the run to abandon its current chunks (not recorded), commit what was trained and stop. */
  public void stopNow() {
    stop.requestImmediate("stopped from the GUI (Stop now)");
    stopRequested.set(true);
    status.set("Stopping now: abandoning the current chunk, then committing...");
  }

  /** Returns to the setup form once the run has ended. */
  public void back() {
    if (!running.get()) {
      navigator.showSetup();
    }
  }

  /** Returns the config this view trains. */
  public TrainingConfig getConfig() {
    return config;
  }

  /** Returns one line with the run's current status. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Returns the share of planned chunks trained, from 0 to 1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Returns the chunk counts behind {@link #progressProperty()} in words. */
  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** Returns one line per worker: its device, its current chunk and step. */
  public ReadOnlyListProperty<String> workersProperty() {
    return workers.getReadOnlyProperty();
  }

  /** Returns the loss of recent optimizer steps, thinned to at most {@value #LOSS_POINT_LIMIT}. */
  public ReadOnlyListProperty<LossPoint> lossPointsProperty() {
    return lossPoints.getReadOnlyProperty();
  }

  /** Returns the chunk map; null until the run is resolved. */
  public ReadOnlyObjectProperty<ChunkMap> chunkMapProperty() {
    return chunkMap.getReadOnlyProperty();
  }

  /** Returns a counter that grows whenever the chunk map changed, to trigger a redraw. */
  public ReadOnlyLongProperty mapVersionProperty() {
    return mapVersion.getReadOnlyProperty();
  }

  /** Returns the latest telemetry events as lines, oldest first, at most {@value #EVENT_LIMIT}. */
  public ReadOnlyListProperty<String> eventsProperty() {
    return events.getReadOnlyProperty();
  }

  /** Returns whether the run is resolving or training. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Returns whether a stop was requested. */
  public ReadOnlyBooleanProperty stopRequestedProperty() {
    return stopRequested.getReadOnlyProperty();
  }

  /** Returns a short message when the run failed; empty otherwise. */
  public ReadOnlyStringProperty errorMessageProperty() {
    return errorMessage.getReadOnlyProperty();
  }

  /** Returns the stack trace behind {@link #errorMessageProperty()}; empty if there is none. */
  public ReadOnlyStringProperty errorDetailsProperty() {
    return errorDetails.getReadOnlyProperty();
  }

  /** Returns how the run ended; null until it has. */
  public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  private RunOutcome execute() throws IOException {
    ResolvedRun run =
        new RunResolver(services.manifestCache()).resolve(config, BuildProgress.NONE);
    batcher.post(() -> resolved(run));
    LiveFeed feed = new LiveFeed();
    return TrainingRun.builder(run)
        .optListener(feed)
        .optTelemetrySink(feed)
        .optStopSignal(stop)
        .build()
        .execute();
  }

  private void resolved(ResolvedRun run) {
    chunkMap.set(ChunkMap.of(run.manifest(), config.startPosition()));
    chunksToTrain = TrainingRun.plannedChunks(run.plan(), run.config());
    status.set(String.format(
        "Training %s from %s: %d chunks planned.",
        run.isResume() ? "from checkpoint " + run.checkpoint().get().name() : "a new run",
        config.startPosition(),
        chunksToTrain));
    showProgress();
  }

  private void finished(RunOutcome result) {
    batcher.drain();
    running.set(false);
    outcome.set(result);
    workers.clear();
    switch (result.status()) {
      case COMPLETED -> status.set(String.format(
          "Done: %d chunks trained, %d skipped, optimizer step %d, last checkpoint %s.",
          result.chunksTrained(), result.chunksSkipped(), result.globalStep(),
          result.lastCheckpoint().orElse("none")));
      case STOPPED -> status.set(String.format(
          "Stopped (%s): %d chunks trained, last checkpoint %s.",
          result.message(), result.chunksTrained(), result.lastCheckpoint().orElse("none")));
      case NOTHING_TO_TRAIN -> status.set(result.message());
      case FAILED -> {
        status.set("Training failed.");
        errorMessage.set(result.message());
      }
    }
  }

  private void failed(Throwable error) {
    batcher.drain();
    running.set(false);
    status.set("Training did not run.");
    errorMessage.set(ErrorText.shortMessage("Training", error));
    errorDetails.set(ErrorText.stackTrace(error));
  }

  private void afterBatch() {
    mapVersion.set(mapVersion.get() + 1);
    workers.setAll(workerLines.values());
    showProgress();
  }

  private void showProgress() {
    progress.set(chunksToTrain == 0 ? 0 : Math.min(1.0, (double) chunksTrained / chunksToTrain));
    progressText.set(String.format("%d of %d chunks trained", chunksTrained, chunksToTrain));
  }

  private void stepTaken(StepProgress step) {
    chunksToTrain = step.chunksToTrain();
    workerLines.put(step.workerId(), String.format(
        "Worker %d: chunk %s, step %d of %d, loss %.4f",
        step.workerId(), step.chunk(), step.stepInChunk(), step.stepsInChunk(), step.loss()));
    if (step.globalStep() % lossStride == 0) {
      lossPoints.add(new LossPoint(step.globalStep(), step.loss()));
    }
    if (lossPoints.size() > LOSS_POINT_LIMIT) {
      thinLossPoints();
    }
  }

  /** Keeps every other point and halves the sampling rate, so the chart stays light. */
  private void thinLossPoints() {
    lossStride *= 2;
    long stride = lossStride;
    lossPoints.setAll(
        lossPoints.stream().filter(point -> point.step() % stride == 0).collect(Collectors.toList()));
  }

  private void chunkClaimed(int workerId, ChunkPosition chunk) {
    workerLines.put(workerId, String.format("Worker %d: chunk %s claimed", workerId, chunk));
    if (chunkMap.get() != null) {
      chunkMap.get().markClaimed(chunk, workerId);
    }
  }

  private void chunkTrained(int workerId, ChunkPosition chunk, double meanLoss) {
    chunksTrained++;
    workerLines.put(workerId, String.format(
        "Worker %d: chunk %s trained, mean loss %.4f", workerId, chunk, meanLoss));
    if (chunkMap.get() != null) {
      chunkMap.get().markTrained(chunk, workerId);
    }
  }

  private void chunkSkipped(ChunkPosition chunk) {
    if (chunkMap.get() != null) {
      chunkMap.get().markSkipped(chunk);
    }
  }

  private void eventArrived(TelemetryEvent event) {
    if (event.name().equals(EventNames.EPOCH_STARTED)) {
      int epoch = ((Number) event.field("epoch").orElse(0)).intValue();
      if (firstEpoch >= 0 && epoch != firstEpoch && chunkMap.get() != null) {
        chunkMap.get().startEpoch();
      }
      firstEpoch = firstEpoch < 0 ? epoch : firstEpoch;
    }
    events.add(describe(event));
    if (events.size() > EVENT_LIMIT) {
      events.remove(0, events.size() - EVENT_LIMIT);
    }
  }

  private String describe(TelemetryEvent event) {
    String time = EVENT_TIME.format(event.timestamp().atZone(services.clock().getZone()));
    String fields =
        event.fields().entrySet().stream()
            .map(entry -> entry.getKey() + "=" + shown(entry.getValue()))
            .collect(Collectors.joining(", "));
    return String.format("%s %s %s", time, event.name(), fields);
  }

  private static String shown(Object value) {
    return value instanceof Double
        ? String.format(Locale.ROOT, "%.4f", (Double) value)
        : String.valueOf(value);
  }

  /** Receives the run's reports on worker threads and posts them to the UI thread. */
  private final class LiveFeed implements TrainingListener, TelemetrySink {

    @Override
    public void onStep(StepProgress step) {
      batcher.post(() -> stepTaken(step));
    }

    @Override
    public void onChunkClaimed(int workerId, ChunkPosition chunk) {
      batcher.post(() -> chunkClaimed(workerId, chunk));
    }

    @Override
    public void onChunkSkipped(ChunkPosition chunk) {
      batcher.post(() -> chunkSkipped(chunk));
    }

    @Override
    public void onChunkTrained(int workerId, ChunkPosition chunk, double meanLoss) {
      batcher.post(() -> chunkTrained(workerId, chunk, meanLoss));
    }

    @Override
    public void emit(TelemetryEvent event) {
      batcher.post(() -> eventArrived(event));
    }
  }
}
