package io.hrmtrainer.gui.service;

import io.hrmtrainer.core.config.TrainingConfig;

/** Moves the main window between its three screens. Called on the UI thread. */
public interface Navigator {

  /** Shows the run setup, with the values the user entered before. */
  void showSetup();

  /** Shows the checkpoint screen for the run that {@code config} sets up. */
  void showCheckpoints(TrainingConfig config);

  /** Shows the run view and starts training exactly {@code config}. */
  void showRun(TrainingConfig config);
}
