package io.hrmtrainer.gui.service;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work (manifest building, checkpoint listing, training) off the UI thread and hands its
 * result or failure back on the UI thread.
 *
 * <p>View models receive a runner instead of touching threads themselves. The app builds one over a
 * pool of daemon threads and {@code Platform::runLater}. View model tests build one with {@link
 * #direct()}, which runs everything on the calling thread, so they need no toolkit. Thread-safe.
 */
public final class TaskRunner {

  private static final Logger LOGGER = LoggerFactory.getLogger(TaskRunner.class);

  private final Executor background;
  private final Executor ui;

  /**
   * Creates a runner.
   *
   * @param background Runs the work, off the UI thread.
   * @param ui Runs callbacks and view model updates on the UI thread.
   */
  public TaskRunner(Executor background, Executor ui) {
    this.background = Objects.requireNonNull(background, "background");
    this.ui = Objects.requireNonNull(ui, "ui");
  }

  /** Returns a runner that runs work and callbacks at once on the calling thread, for tests. */
  public static TaskRunner direct() {
    return new TaskRunner(Runnable::run, Runnable::run);
  }

  /** Returns the executor of the UI thread, for updates that work posts while it runs. */
  public Executor ui() {
    return ui;
  }

  /**
   * Runs {@code work} in the background, then {@code onSuccess} with its result or {@code
   * onFailure} with what it threw, on the UI thread.
   */
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onFailure, "onFailure");

    background.execute(() -> runAndReport(work, onSuccess, onFailure));
  }

  private <T> void runAndReport(
      Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {

    T result;
    try {
      result = work.call();
    } catch (Exception | Error e) {
      // The boundary of a background thread is where its errors are handled: anything left
      // uncaught here would vanish with the thread and leave the window waiting forever.
      LOGGER.debug("background task failed", e);
      ui.execute(() -> onFailure.accept(e));
      return;
    }
    ui.execute(() -> onSuccess.accept(result));
  }
}
