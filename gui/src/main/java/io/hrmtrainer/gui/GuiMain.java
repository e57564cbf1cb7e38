package io.hrmtrainer.gui;

import javafx.application.Application;

/**
 * Starts the desktop app. This class does not extend {@link Application}, so the JavaFX launcher
 * accepts JavaFX on the class path (as {@code gui/run-gui.sh} puts it) instead of the module path.
 */
public final class GuiMain {

  private GuiMain() {}

  /** Opens the app's window; arguments prefill the setup form (see {@link HrmTrainerApp}). */
  public static void main(String[] args) {
    Application.launch(HrmTrainerApp.class, args);
  }
}
