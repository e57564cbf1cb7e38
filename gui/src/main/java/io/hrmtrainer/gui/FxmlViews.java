package io.hrmtrainer.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the FXML file that has the same name and package as a view class. */
public final class FxmlViews {

  private FxmlViews() {}

  /**
   * Loads {@code ViewClass.fxml} from the class's package with {@code controller} as its
   * controller, and returns the root node.
   *
   * @throws IllegalStateException if the FXML file is missing from the build.
   * @throws UncheckedIOException if it cannot be read or parsed.
   */
  public static Parent load(Class<?> viewClass, Object controller) {
    String name = viewClass.getSimpleName() + ".fxml";
    URL location = viewClass.getResource(name);
    if (location == null) {
      throw new IllegalStateException(
          String.format("%s is missing next to %s; rebuild the gui module", name, viewClass));
    }
    FXMLLoader loader = new FXMLLoader(location);
    loader.setController(controller);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to load " + location, e);
    }
  }
}
