/**
 * The hrm-trainer desktop app (JavaFX): the window, its navigation and its entry point. Each screen
 * lives in its own package as a view (FXML or code) and a view model that contains the logic and is
 * tested without the toolkit. Training and manifest building run off the UI thread.
 */
package io.hrmtrainer.gui;
