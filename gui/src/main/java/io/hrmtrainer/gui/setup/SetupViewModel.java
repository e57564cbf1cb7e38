package io.hrmtrainer.gui.setup;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.config.DoubleSetting;
import io.hrmtrainer.core.config.IntSetting;
import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import io.hrmtrainer.core.config.TrainingDefaults;
import io.hrmtrainer.gui.service.DialogService;
import io.hrmtrainer.gui.service.Navigator;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state and commands of the run setup form: every input as text, the reason each one is
 * invalid, and the {@link TrainingConfig} they describe once all are valid.
 *
 * <p>Validation runs on every change and reuses core's checks. Each field is applied on its own to
 * a config builder and built, so an invalid value shows core's message next to its field. That
 * message names the flag, the value, the range and the fix. Then the whole form is built to check
 * the relations between fields. The start position, resume and conflict choices belong to the
 * checkpoint screen, so the config made here is always a new run from (0, 0).
 *
 * <p>Not thread-safe: use it on the UI thread. It needs no toolkit, only JavaFX properties.
 */
public final class SetupViewModel {

  private static final Path PLACEHOLDER_DATASET = Path.of("dataset.txt");
  private static final Path PLACEHOLDER_BRAIN = Path.of("brain");

  private final DialogService dialogs;
  private final Navigator navigator;
  private final Map<SetupField, StringProperty> inputs = new EnumMap<>(SetupField.class);
  private final Map<SetupField, ReadOnlyStringWrapper> errors = new EnumMap<>(SetupField.class);
  private final ObjectProperty<ModelPreset> modelPreset =
      new SimpleObjectProperty<>(ModelPreset.parse(TrainingDefaults.MODEL_PRESET));
  private final BooleanProperty parallelIndependent = new SimpleBooleanProperty(false);
  private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper startDisabled = new ReadOnlyBooleanWrapper(true);

  /** Creates the form with every value at its default and the two paths empty. */
  public SetupViewModel(DialogService dialogs, Navigator navigator) {
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    for (SetupField field : SetupField.values()) {
      inputs.put(field, new SimpleStringProperty(defaultText(field)));
      errors.put(field, new ReadOnlyStringWrapper(""));
      inputs.get(field).addListener((Observable changed) -> validate());
    }
    modelPreset.addListener((Observable changed) -> validate());
    parallelIndependent.addListener((Observable changed) -> validate());
    validate();
  }

  /** Returns the text of {@code field}, for a two-way binding to its text box. */
  public StringProperty inputProperty(SetupField field) {
    return inputs.get(field);
  }

  /** Returns why {@code field} is invalid; empty while it is valid. */
  public ReadOnlyStringProperty errorProperty(SetupField field) {
    return errors.get(field).getReadOnlyProperty();
  }

  /** Returns the model preset. */
  public ObjectProperty<ModelPreset> modelPresetProperty() {
    return modelPreset;
  }

  /** Returns whether several workers train independent replicas; off means one worker. */
  public BooleanProperty parallelIndependentProperty() {
    return parallelIndependent;
  }

  /** Returns a problem between fields (such as a chunk larger than a block); empty if none. */
  public ReadOnlyStringProperty formErrorProperty() {
    return formError.getReadOnlyProperty();
  }

  /** Returns the config the form describes, or null while a value is invalid. */
  public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  /** Returns the config the form describes, or null while a value is invalid. */
  public TrainingConfig getConfig() {
    return config.get();
  }

  /** Returns whether Start Training is disabled because a value is invalid. */
  public ReadOnlyBooleanProperty startDisabledProperty() {
    return startDisabled.getReadOnlyProperty();
  }

  /** Sets the text of {@code field}, as typing would. */
  public void setInput(SetupField field, String text) {
    inputs.get(field).set(text);
  }

  /** Returns the reason {@code field} is invalid; empty while it is valid. */
  public String getError(SetupField field) {
    return errors.get(field).get();
  }

  /** Asks for the dataset file with a file chooser. */
  public void browseDatasetFile() {
    dialogs
        .chooseFile("Choose the dataset (text or JSONL)", currentPath(SetupField.DATASET_FILE))
        .ifPresent(path -> setInput(SetupField.DATASET_FILE, path.toString()));
  }

  /** Asks for the brain directory with a folder chooser. */
  public void browseSaveDir() {
    dialogs
        .chooseDirectory("Choose the brain (save) directory", currentPath(SetupField.SAVE_DIR))
        .ifPresent(path -> setInput(SetupField.SAVE_DIR, path.toString()));
  }

  /** Opens the checkpoint screen for the config, which is always shown, also for a new brain. */
  public void startTraining() {
    if (config.get() != null) {
      navigator.showCheckpoints(config.get());
    }
  }

  private void validate() {
    boolean anyFieldInvalid = false;
    for (SetupField field : SetupField.values()) {
      Optional<String> problem = checkAlone(field);
      errors.get(field).set(problem.orElse(""));
      anyFieldInvalid |= problem.isPresent();
    }
    formError.set("");
    config.set(anyFieldInvalid ? null : buildWhole().orElse(null));
    startDisabled.set(config.get() == null);
  }

  /** Applies {@code field} alone to a valid config and returns core's objection, if any. */
  private Optional<String> checkAlone(SetupField field) {
    // The largest block and the smallest chunk, so the relation between them is checked later,
    // by buildWhole(), and reported at the chunk size.
    TrainingConfigBuilder builder =
        TrainingConfig.builder()
            .setDatasetFile(PLACEHOLDER_DATASET)
            .setSaveDir(PLACEHOLDER_BRAIN)
            .optSamplesPerBlock(Integer.MAX_VALUE)
            .optDatasetChunkSize(1);
    try {
      apply(field, builder);
      builder.build();
      return Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Builds the whole form; a problem between fields goes next to the field it names. */
  private Optional<TrainingConfig> buildWhole() {
    TrainingConfigBuilder builder = TrainingConfig.builder().optModelPreset(modelPreset.get());
    try {
      for (SetupField field : SetupField.values()) {
        apply(field, builder);
      }
      return Optional.of(builder.build());
    } catch (InvalidInputException e) {
      Optional<SetupField> named =
          Arrays.stream(SetupField.values())
              .filter(field -> e.getMessage().startsWith(field.flag() + " "))
              .findFirst();
      named.ifPresentOrElse(
          field -> errors.get(field).set(e.getMessage()), () -> formError.set(e.getMessage()));
      return Optional.empty();
    }
  }

  private void apply(SetupField field, TrainingConfigBuilder builder) {
    String text = inputs.get(field).get().trim();
    switch (field) {
      case DATASET_FILE -> datasetFile(text).ifPresent(builder::setDatasetFile);
      case TEXT_FIELD -> builder.optTextFields(
          Arrays.stream(text.split(",", -1)).map(String::trim).collect(Collectors.toList()));
      case SAVE_DIR -> saveDir(text).ifPresent(builder::setSaveDir);
      case SAMPLES_PER_BLOCK -> builder.optSamplesPerBlock(
          whole(text, IntSetting.SAMPLES_PER_BLOCK));
      case CHUNK_SIZE -> builder.optDatasetChunkSize(whole(text, IntSetting.DATASET_CHUNK_SIZE));
      case BATCH_SIZE -> builder.optBatchSize(whole(text, IntSetting.BATCH_SIZE));
      case MAX_SEQ_LEN -> builder.optMaxSeqLen(whole(text, IntSetting.MAX_SEQ_LEN));
      case LEARNING_RATE -> builder.optLearningRate(decimal(text, DoubleSetting.LEARNING_RATE));
      case EPOCHS -> builder.optEpochs(whole(text, IntSetting.EPOCHS));
      case MAX_CHUNKS -> {
        if (!text.isEmpty()) {
          builder.optMaxChunks(whole(text, IntSetting.MAX_CHUNKS));
        }
      }
      case DEVICE -> builder.optDevice(text);
      case WORKERS -> builder
          .optParallelIndependent(parallelIndependent.get())
          .optWorkers(parallelIndependent.get() ? whole(text, IntSetting.WORKERS) : 1);
    }
  }

  private static Optional<Path> datasetFile(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Path path = path(text, SetupField.DATASET_FILE);
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(
          String.format(
              "--dataset-file '%s' is not a readable file: choose an existing text or JSONL"
                  + " file with Browse",
              text));
    }
    return Optional.of(path);
  }

  private static Optional<Path> saveDir(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Path path = path(text, SetupField.SAVE_DIR);
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new InvalidInputException(
          String.format(
              "--save-dir '%s' is a file, not a directory: choose a directory (a new one is"
                  + " created on the first run)",
              text));
    }
    return Optional.of(path);
  }

  private static Path path(String text, SetupField field) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new InvalidInputException(
          String.format("%s '%s' is not a valid path: %s", field.flag(), text, e.getReason()), e);
    }
  }

  private static int whole(String text, IntSetting setting) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          String.format(
              "%s '%s' is not a whole number: expected digits only, such as %d",
              setting.flag(), text, Math.max(1, setting.min())),
          e);
    }
    return setting.check(value);
  }

  private static double decimal(String text, DoubleSetting setting) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          String.format(
              "%s '%s' is not a number: expected a decimal such as 0.001 or 1e-3",
              setting.flag(), text),
          e);
    }
    return setting.check(value);
  }

  private Optional<Path> currentPath(SetupField field) {
    try {
      String text = inputs.get(field).get().trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static String defaultText(SetupField field) {
    return switch (field) {
      case DATASET_FILE, SAVE_DIR, MAX_CHUNKS -> "";
      case TEXT_FIELD -> TrainingDefaults.TEXT_FIELD;
      case SAMPLES_PER_BLOCK -> String.valueOf(TrainingDefaults.SAMPLES_PER_BLOCK);
      case CHUNK_SIZE -> String.valueOf(TrainingDefaults.DATASET_CHUNK_SIZE);
      case BATCH_SIZE -> String.valueOf(TrainingDefaults.BATCH_SIZE);
      case MAX_SEQ_LEN -> String.valueOf(TrainingDefaults.MAX_SEQ_LEN);
      case LEARNING_RATE -> String.valueOf(TrainingDefaults.LEARNING_RATE);
      case EPOCHS -> String.valueOf(TrainingDefaults.EPOCHS);
      case DEVICE -> TrainingDefaults.DEVICE;
      case WORKERS -> String.valueOf(TrainingDefaults.WORKERS);
    };
  }
}
