package io.hrmtrainer.gui.setup;

import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.gui.FxmlViews;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * The run setup form ({@code SetupView.fxml}): binds each input and its error label to the {@link
 * SetupViewModel} and forwards the buttons to it.
 */
public final class SetupView {

  private final GuiServices services;
  private final Navigator navigator;
  private SetupViewModel viewModel;
  private Parent root;

  @FXML private TextField datasetFileField;
  @FXML private TextField textFieldField;
  @FXML private TextField saveDirField;
  @FXML private TextField samplesPerBlockField;
  @FXML private TextField chunkSizeField;
  @FXML private TextField batchSizeField;
  @FXML private TextField maxSeqLenField;
  @FXML private TextField learningRateField;
  @FXML private TextField epochsField;
  @FXML private TextField maxChunksField;
  @FXML private TextField deviceField;
  @FXML private TextField workersField;
  @FXML private Label datasetFileError;
  @FXML private Label textFieldError;
  @FXML private Label saveDirError;
  @FXML private Label samplesPerBlockError;
  @FXML private Label chunkSizeError;
  @FXML private Label batchSizeError;
  @FXML private Label maxSeqLenError;
  @FXML private Label learningRateError;
  @FXML private Label epochsError;
  @FXML private Label maxChunksError;
  @FXML private Label deviceError;
  @FXML private Label workersError;
  @FXML private ComboBox<ModelPreset> modelPresetBox;
  @FXML private CheckBox parallelIndependentBox;
  @FXML private Button startButton;
  @FXML private Label formErrorLabel;

  private SetupView(GuiServices services, Navigator navigator) {
    this.services = Objects.requireNonNull(services, "services");
    this.navigator = Objects.requireNonNull(navigator, "navigator");
  }

  /** Loads the form; its view model is {@link #viewModel()}. */
  public static SetupView create(GuiServices services, Navigator navigator) {
    SetupView view = new SetupView(services, navigator);
    view.root = FxmlViews.load(SetupView.class, view);
    return view;
  }

  /** Returns the form's root node. */
  public Parent root() {
    return root;
  }

  /** Returns the form's view model. */
  public SetupViewModel viewModel() {
    return viewModel;
  }

  @FXML
  private void initialize() {
    viewModel = new SetupViewModel(services.dialogs(), navigator);
    textFields().forEach((field, box) -> box.textProperty().bindBidirectional(
        viewModel.inputProperty(field)));
    errorLabels().forEach((field, label) -> label.textProperty().bind(
        viewModel.errorProperty(field)));
    modelPresetBox.getItems().setAll(ModelPreset.values());
    modelPresetBox.setConverter(new PresetNames());
    modelPresetBox.valueProperty().bindBidirectional(viewModel.modelPresetProperty());
    parallelIndependentBox.selectedProperty().bindBidirectional(
        viewModel.parallelIndependentProperty());
    workersField.disableProperty().bind(viewModel.parallelIndependentProperty().not());
    formErrorLabel.textProperty().bind(viewModel.formErrorProperty());
    startButton.disableProperty().bind(viewModel.startDisabledProperty());
  }

  @FXML
  private void browseDatasetFile() {
    viewModel.browseDatasetFile();
  }

  @FXML
  private void browseSaveDir() {
    viewModel.browseSaveDir();
  }

  @FXML
  private void startTraining() {
    viewModel.startTraining();
  }

  private Map<SetupField, TextField> textFields() {
    Map<SetupField, TextField> boxes = new EnumMap<>(SetupField.class);
    boxes.put(SetupField.DATASET_FILE, datasetFileField);
    boxes.put(SetupField.TEXT_FIELD, textFieldField);
    boxes.put(SetupField.SAVE_DIR, saveDirField);
    boxes.put(SetupField.SAMPLES_PER_BLOCK, samplesPerBlockField);
    boxes.put(SetupField.CHUNK_SIZE, chunkSizeField);
    boxes.put(SetupField.BATCH_SIZE, batchSizeField);
    boxes.put(SetupField.MAX_SEQ_LEN, maxSeqLenField);
    boxes.put(SetupField.LEARNING_RATE, learningRateField);
    boxes.put(SetupField.EPOCHS, epochsField);
    boxes.put(SetupField.MAX_CHUNKS, maxChunksField);
    boxes.put(SetupField.DEVICE, deviceField);
    boxes.put(SetupField.WORKERS, workersField);
    return boxes;
  }

  private Map<SetupField, Label> errorLabels() {
    Map<SetupField, Label> labels = new EnumMap<>(SetupField.class);
    labels.put(SetupField.DATASET_FILE, datasetFileError);
    labels.put(SetupField.TEXT_FIELD, textFieldError);
    labels.put(SetupField.SAVE_DIR, saveDirError);
    labels.put(SetupField.SAMPLES_PER_BLOCK, samplesPerBlockError);
    labels.put(SetupField.CHUNK_SIZE, chunkSizeError);
    labels.put(SetupField.BATCH_SIZE, batchSizeError);
    labels.put(SetupField.MAX_SEQ_LEN, maxSeqLenError);
    labels.put(SetupField.LEARNING_RATE, learningRateError);
    labels.put(SetupField.EPOCHS, epochsError);
    labels.put(SetupField.MAX_CHUNKS, maxChunksError);
    labels.put(SetupField.DEVICE, deviceError);
    labels.put(SetupField.WORKERS, workersError);
    return labels;
  }

  /** Shows presets by their command-line names. */
  private static final class PresetNames extends StringConverter<ModelPreset> {

    @Override
    public String toString(ModelPreset preset) {
      return preset == null ? "" : preset.cliName();
    }

    @Override
    public ModelPreset fromString(String text) {
      return ModelPreset.parse(text);
    }
  }
}
