package io.hrmtrainer.gui;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.gui.service.DialogService;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import io.hrmtrainer.gui.service.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Services for view model tests that record the requests view models make. */
public final class Recorders {

  /** A fixed clock, so archive names and times in messages are predictable. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private Recorders() {}

  /** Returns services that run everything on the calling thread, with a cache in {@code cache}. */
  public static GuiServices directServices(Path cache, Dialogs dialogs) {
    return new GuiServices(new ManifestCache(cache), TaskRunner.direct(), dialogs, CLOCK);
  }

  /** Records navigation instead of changing screens. */
  public static final class Screens implements Navigator {

    /** Every navigation, as {@code setup}, {@code checkpoints} or {@code run}. */
    public final List<String> visits = new ArrayList<>();

    /** The configs handed to the checkpoint screen or the run view, in order. */
    public final List<TrainingConfig> configs = new ArrayList<>();

    @Override
    public void showSetup() {
      visits.add("setup");
    }

    @Override
    public void showCheckpoints(TrainingConfig config) {
      visits.add("checkpoints");
      configs.add(config);
    }

    @Override
    public void showRun(TrainingConfig config) {
      visits.add("run");
      configs.add(config);
    }
  }

  /** Returns preset paths from the choosers and records the clipboard and errors. */
  public static final class Dialogs implements DialogService {

    /** What the next file or folder chooser returns. */
    public Optional<Path> nextChoice = Optional.empty();

    /** The texts put on the clipboard. */
    public final List<String> clipboard = new ArrayList<>();

    /** The error messages shown. */
    public final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseFile(String title, Optional<Path> initial) {
      return nextChoice;
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Optional<Path> initial) {
      return nextChoice;
    }

    @Override
    public void copyToClipboard(String text) {
      clipboard.add(text);
    }

    @Override
    public void showError(String message, Throwable details) {
      errors.add(message);
    }
  }
}
