package io.hrmtrainer.gui.service;

import io.hrmtrainer.core.dataset.ManifestCache;
import java.time.Clock;
import java.util.Objects;

/**
 * The services every view model of the app shares: the manifest cache, the background runner, the
 * dialogs and a clock.
 *
 * @param manifestCache Where dataset manifests are cached between runs.
 * @param tasks Runs long work off the UI thread.
 * @param dialogs File choosers, clipboard and error dialogs.
 * @param clock The clock for timestamps shown to the user.
 */
public record GuiServices(
    ManifestCache manifestCache, TaskRunner tasks, DialogService dialogs, Clock clock) {

  /** Checks that no service is missing. */
  public GuiServices {
    Objects.requireNonNull(manifestCache, "manifestCache");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(dialogs, "dialogs");
    Objects.requireNonNull(clock, "clock");
  }
}
