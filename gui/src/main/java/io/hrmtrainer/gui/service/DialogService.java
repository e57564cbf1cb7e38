package io.hrmtrainer.gui.service;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The desktop interactions that view models request: file and folder choosers, the clipboard and
 * error dialogs.
 *
 * <p>View models receive this interface so that they import no controls and can be tested without
 * the toolkit. The app passes {@link FxDialogService}. Methods are called on the UI thread.
 */
public interface DialogService {

  /** Asks the user for an existing file; empty when the dialog is cancelled. */
  Optional<Path> chooseFile(String title, Optional<Path> initial);

  /** Asks the user for a directory; empty when the dialog is cancelled. */
  Optional<Path> chooseDirectory(String title, Optional<Path> initial);

  /** Puts {@code text} on the system clipboard. */
  void copyToClipboard(String text);

  /**
   * Shows a short, actionable message, with the stack trace of {@code details} in an expandable
   * pane.
   */
  void showError(String message, Throwable details);
}
