package io.hrmtrainer.gui.checkpoint;

import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.gui.FxmlViews;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The checkpoint screen ({@code CheckpointView.fxml}): binds the choices, the checkpoint list, the
 * start position and the plan to the {@link CheckpointViewModel} and forwards the buttons to it.
 */
public final class CheckpointView {

  private final TrainingConfig base;
  private final GuiServices services;
  private final Navigator navigator;
  private CheckpointViewModel viewModel;
  private Parent root;

  @FXML private Label brainLabel;
  @FXML private ToggleGroup runChoiceGroup;
  @FXML private RadioButton newRunRadio;
  @FXML private RadioButton resumeRadio;
  @FXML private Label resumeWarningLabel;
  @FXML private Label checkpointsStatusLabel;
  @FXML private TableView<CheckpointRow> checkpointTable;
  @FXML private TableColumn<CheckpointRow, String> nameColumn;
  @FXML private TableColumn<CheckpointRow, String> stepColumn;
  @FXML private TableColumn<CheckpointRow, String> epochColumn;
  @FXML private TableColumn<CheckpointRow, String> chunksColumn;
  @FXML private TableColumn<CheckpointRow, String> timeColumn;
  @FXML private TableColumn<CheckpointRow, String> statusColumn;
  @FXML private Label ledgerNoteLabel;
  @FXML private TextField blockField;
  @FXML private TextField chunkField;
  @FXML private Label positionErrorLabel;
  @FXML private ProgressBar manifestProgressBar;
  @FXML private Label layoutLabel;
  @FXML private VBox conflictBox;
  @FXML private ToggleGroup conflictGroup;
  @FXML private RadioButton respectRadio;
  @FXML private RadioButton forceRadio;
  @FXML private Label planLabel;
  @FXML private TextArea commandArea;
  @FXML private Button startButton;
  @FXML private Label startBlockedLabel;

  private CheckpointView(TrainingConfig base, GuiServices services, Navigator navigator) {
    this.base = Objects.requireNonNull(base, "base");
    this.services = Objects.requireNonNull(services, "services");
    this.navigator = Objects.requireNonNull(navigator, "navigator");
  }

  /** Loads the screen for the run that {@code base} sets up and starts loading its data. */
  public static CheckpointView create(
      TrainingConfig base, GuiServices services, Navigator navigator) {

    CheckpointView view = new CheckpointView(base, services, navigator);
    view.root = FxmlViews.load(CheckpointView.class, view);
    view.viewModel.load();
    return view;
  }

  /** Returns the screen's root node. */
  public Parent root() {
    return root;
  }

  /** Returns the screen's view model. */
  public CheckpointViewModel viewModel() {
    return viewModel;
  }

  @FXML
  private void initialize() {
    viewModel = new CheckpointViewModel(base, services, navigator);
    brainLabel.setText(String.format("Brain: %s    Dataset: %s", base.saveDir(), base.datasetFile()));
    bindRunChoice();
    bindCheckpointTable();
    bindPosition();
    bindConflict();
    showWhenNotEmpty(resumeWarningLabel);
    showWhenNotEmpty(ledgerNoteLabel);
    showWhenNotEmpty(positionErrorLabel);
    resumeWarningLabel.textProperty().bind(viewModel.resumeWarningProperty());
    checkpointsStatusLabel.textProperty().bind(viewModel.checkpointsStatusProperty());
    ledgerNoteLabel.textProperty().bind(viewModel.ledgerNoteProperty());
    manifestProgressBar.progressProperty().bind(viewModel.manifestProgressProperty());
    manifestProgressBar.visibleProperty().bind(viewModel.layoutKnownProperty().not());
    manifestProgressBar.managedProperty().bind(manifestProgressBar.visibleProperty());
    layoutLabel.textProperty().bind(viewModel.layoutTextProperty());
    planLabel.textProperty().bind(viewModel.planTextProperty());
    commandArea.textProperty().bind(viewModel.commandLineProperty());
    startButton.disableProperty().bind(viewModel.startDisabledProperty());
    startBlockedLabel.textProperty().bind(viewModel.startBlockedReasonProperty());
  }

  @FXML
  private void start() {
    viewModel.start();
  }

  @FXML
  private void back() {
    viewModel.back();
  }

  @FXML
  private void copyCommandLine() {
    viewModel.copyCommandLine();
  }

  private void bindRunChoice() {
    newRunRadio.setUserData(RunChoice.NEW_RUN);
    resumeRadio.setUserData(RunChoice.RESUME);
    resumeRadio.disableProperty().bind(viewModel.resumeAvailableProperty().not());
    bindToggles(runChoiceGroup, viewModel.runChoiceProperty().get());
    runChoiceGroup.selectedToggleProperty().addListener((observable, old, toggle) -> {
      if (toggle != null) {
        viewModel.runChoiceProperty().set((RunChoice) toggle.getUserData());
      }
    });
    viewModel.runChoiceProperty().addListener(
        (observable, old, choice) -> bindToggles(runChoiceGroup, choice));
  }

  private void bindCheckpointTable() {
    column(nameColumn, CheckpointRow::name);
    column(stepColumn, CheckpointRow::step);
    column(epochColumn, CheckpointRow::epoch);
    column(chunksColumn, CheckpointRow::chunksCommitted);
    column(timeColumn, CheckpointRow::time);
    column(statusColumn, CheckpointRow::status);
    checkpointTable.setItems(viewModel.checkpointsProperty());
    checkpointTable.setPlaceholder(new Label("No checkpoints in this brain."));
    checkpointTable.disableProperty().bind(
        viewModel.runChoiceProperty().isEqualTo(RunChoice.NEW_RUN));
    checkpointTable.getSelectionModel().selectedItemProperty().addListener(
        (observable, old, row) -> {
          if (row != null) {
            viewModel.selectedCheckpointProperty().set(row);
          }
        });
    viewModel.selectedCheckpointProperty().addListener(
        (observable, old, row) -> checkpointTable.getSelectionModel().select(row));
    checkpointTable.getSelectionModel().select(viewModel.selectedCheckpointProperty().get());
  }

  private void bindPosition() {
    blockField.setTextFormatter(WholeNumberText.newFormatter());
    chunkField.setTextFormatter(WholeNumberText.newFormatter());
    blockField.textProperty().bindBidirectional(viewModel.blockTextProperty());
    chunkField.textProperty().bindBidirectional(viewModel.chunkTextProperty());
    positionErrorLabel.textProperty().bind(viewModel.positionErrorProperty());
  }

  private void bindConflict() {
    respectRadio.setUserData(ConflictChoice.RESPECT);
    forceRadio.setUserData(ConflictChoice.FORCE);
    respectRadio.textProperty().bind(viewModel.respectLabelProperty());
    forceRadio.textProperty().bind(viewModel.forceLabelProperty());
    conflictBox.visibleProperty().bind(viewModel.conflictProperty());
    conflictBox.managedProperty().bind(viewModel.conflictProperty());
    bindToggles(conflictGroup, viewModel.conflictChoiceProperty().get());
    conflictGroup.selectedToggleProperty().addListener((observable, old, toggle) -> {
      if (toggle != null) {
        viewModel.conflictChoiceProperty().set((ConflictChoice) toggle.getUserData());
      }
    });
    viewModel.conflictChoiceProperty().addListener(
        (observable, old, choice) -> bindToggles(conflictGroup, choice));
  }

  private static void bindToggles(ToggleGroup group, Object selected) {
    group.getToggles().stream()
        .filter(toggle -> Objects.equals(toggle.getUserData(), selected))
        .findFirst()
        .ifPresent(group::selectToggle);
  }

  private static void column(
      TableColumn<CheckpointRow, String> column, Function<CheckpointRow, String> value) {

    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
  }

  private static void showWhenNotEmpty(Label label) {
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
  }
}
