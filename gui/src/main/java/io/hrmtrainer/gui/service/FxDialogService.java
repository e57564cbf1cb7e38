package io.hrmtrainer.gui.service;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The JavaFX implementation of {@link DialogService}, owned by the app's main window. */
public final class FxDialogService implements DialogService {

  private final Supplier<Window> owner;

  /** Creates a service whose dialogs belong to the window that {@code owner} returns. */
  public FxDialogService(Supplier<Window> owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  @Override
  public Optional<Path> chooseFile(String title, Optional<Path> initial) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Text and JSONL datasets", "*.txt", "*.jsonl", "*.json"),
        new FileChooser.ExtensionFilter("All files", "*"));
    startDirectory(initial).ifPresent(chooser::setInitialDirectory);
    return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Optional<Path> initial) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    startDirectory(initial).ifPresent(chooser::setInitialDirectory);
    return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
  }

  @Override
  public void copyToClipboard(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  @Override
  public void showError(String message, Throwable details) {
    Alert alert = new Alert(Alert.AlertType.ERROR, message);
    alert.initOwner(owner.get());
    alert.setHeaderText("Something went wrong");
    TextArea trace = new TextArea(ErrorText.stackTrace(details));
    trace.setEditable(false);
    alert.getDialogPane().setExpandableContent(trace);
    alert.show();
  }

  private static Optional<File> startDirectory(Optional<Path> initial) {
    return initial
        .map(path -> Files.isDirectory(path) ? path : path.toAbsolutePath().getParent())
        .filter(Files::isDirectory)
        .map(Path::toFile);
  }
}
