package io.hrmtrainer.gui;

import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.gui.service.FxDialogService;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.TaskRunner;
import io.hrmtrainer.gui.setup.SetupField;
import io.hrmtrainer.gui.setup.SetupViewModel;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the services and opens the {@link AppWindow}. Start it through
 * {@link GuiMain}, which works with JavaFX on the class path.
 *
 * <p>Arguments prefill the setup form with {@code hrm-hf train} flags that the form has, for
 * example {@code --dataset-file data.txt --save-dir brains/tiny}. Other arguments are ignored with
 * a warning.
 */
public final class HrmTrainerApp extends Application {

  private static final Logger LOGGER = LoggerFactory.getLogger(HrmTrainerApp.class);

  private ExecutorService background;

  @Override
  public void start(Stage stage) {
    background = Executors.newCachedThreadPool(daemonThreads());
    GuiServices services =
        new GuiServices(
            new ManifestCache(),
            new TaskRunner(background, Platform::runLater),
            new FxDialogService(() -> stage),
            Clock.systemDefaultZone());
    AppWindow window = new AppWindow(stage, services);
    prefill(window.setupView().viewModel(), getParameters().getRaw());
    window.show();
  }

  @Override
  public void stop() {
    if (background != null) {
      background.shutdownNow();
    }
  }

  /** Sets the form fields named by {@code --flag value} pairs in {@code args}. */
  static void prefill(SetupViewModel form, List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      Optional<SetupField> field =
          Arrays.stream(SetupField.values()).filter(f -> f.flag().equals(flag)).findFirst();
      if (field.isPresent() && i + 1 < args.size()) {
        form.setInput(field.get(), args.get(++i));
      } else {
        LOGGER.warn("ignoring the argument '{}': the setup form takes flags such as"
            + " --dataset-file FILE and --save-dir DIR", flag);
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, "hrm-gui-background-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
