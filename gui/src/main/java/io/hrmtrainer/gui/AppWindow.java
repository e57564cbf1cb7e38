package io.hrmtrainer.gui;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.gui.checkpoint.CheckpointView;
import io.hrmtrainer.gui.run.RunView;
import io.hrmtrainer.gui.run.RunViewModel;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import io.hrmtrainer.gui.setup.SetupView;
import java.net.URL;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The app's one window and its navigation: setup, then the checkpoint screen, then the run view.
 * The setup form is kept, so Back returns to the values entered before. Use on the UI thread.
 */
public final class AppWindow implements Navigator {

  /** The window's initial width in pixels. */
  public static final double WIDTH = 1180;

  /** The window's initial height in pixels. */
  public static final double HEIGHT = 860;

  private final Stage stage;
  private final GuiServices services;
  private final Scene scene;
  private SetupView setupView;
  private CheckpointView checkpointView;
  private RunView runView;

  /** Creates the window's content on {@code stage}; {@link #show()} shows it. */
  public AppWindow(Stage stage, GuiServices services) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.services = Objects.requireNonNull(services, "services");
    this.setupView = SetupView.create(services, this);
    this.scene = new Scene(setupView.root(), WIDTH, HEIGHT);
    URL style = AppWindow.class.getResource("hrm-trainer.css");
    if (style != null) {
      scene.getStylesheets().add(style.toExternalForm());
    }
  }

  /** Shows the window with the setup form. */
  public void show() {
    stage.setTitle("hrm-trainer");
    stage.setScene(scene);
    stage.setOnCloseRequest(this::closeRequested);
    stage.show();
  }

  @Override
  public void showSetup() {
    show(setupView.root());
  }

  @Override
  public void showCheckpoints(TrainingConfig config) {
    checkpointView = CheckpointView.create(config, services, this);
    show(checkpointView.root());
  }

  @Override
  public void showRun(TrainingConfig config) {
    runView = RunView.create(config, services, this);
    show(runView.root());
  }

  /** Returns the window's scene. */
  public Scene scene() {
    return scene;
  }

  /** Returns the setup form. */
  public SetupView setupView() {
    return setupView;
  }

  /** Returns the checkpoint screen opened last, if any. */
  public Optional<CheckpointView> checkpointView() {
    return Optional.ofNullable(checkpointView);
  }

  /** Returns the run view opened last, if any. */
  public Optional<RunView> runView() {
    return Optional.ofNullable(runView);
  }

  private void show(Parent root) {
    scene.setRoot(root);
  }

  /**
   * Keeps the window open while a run trains: Stop now commits what was trained, and the window
   * closes when the run has ended, so closing never loses trained chunks.
   */
  private void closeRequested(WindowEvent event) {
    Optional<RunViewModel> active =
        runView().map(RunView::viewModel).filter(run -> run.runningProperty().get());
    if (active.isEmpty()) {
      return;
    }
    event.consume();
    RunViewModel run = active.get();
    run.stopNow();
    run.runningProperty().addListener((observable, wasRunning, running) -> {
      if (!running) {
        stage.close();
      }
    });
  }
}
