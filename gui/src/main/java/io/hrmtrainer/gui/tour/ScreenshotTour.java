package io.hrmtrainer.gui.tour;

import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.gui.AppWindow;
import io.hrmtrainer.gui.checkpoint.CheckpointViewModel;
import io.hrmtrainer.gui.checkpoint.ConflictChoice;
import io.hrmtrainer.gui.checkpoint.RunChoice;
import io.hrmtrainer.gui.run.RunViewModel;
import io.hrmtrainer.gui.service.FxDialogService;
import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.TaskRunner;
import io.hrmtrainer.gui.setup.SetupField;
import io.hrmtrainer.gui.setup.SetupViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks through the app on a real display and saves a PNG of each screen. The screens are the setup
 * form (valid and with an error), the checkpoint screen of a new brain (also with an out-of-range
 * position), a run in progress and finished, and the checkpoint screen of the trained brain with a
 * conflict and with a new run that archives the ledger. {@code scripts/gui-screenshots.sh} runs it
 * under Xvfb.
 *
 * <p>Usage: {@code ScreenshotTour OUTPUT_DIR DATASET}. The brain and the manifest cache go to a
 * temporary directory that is deleted at the end.
 */
public final class ScreenshotTour {

  private static final Logger LOGGER = LoggerFactory.getLogger(ScreenshotTour.class);
  private static final long WAIT_SECONDS = 120;

  private final Path output;
  private final Path dataset;
  private final Path work;
  private final ExecutorService background = Executors.newCachedThreadPool(work -> {
    Thread thread = new Thread(work, "tour-background");
    thread.setDaemon(true);
    return thread;
  });
  private AppWindow window;
  private Stage stage;

  private ScreenshotTour(Path output, Path dataset, Path work) {
    this.output = output;
    this.dataset = dataset;
    this.work = work;
  }

  /** Runs the tour; exits with 0 when every screenshot was written, 1 otherwise. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ScreenshotTour OUTPUT_DIR DATASET");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("hrm-gui-tour-");
    int status = 1;
    try {
      new ScreenshotTour(Path.of(args[0]), Path.of(args[1]), work).run();
      status = 0;
    } finally {
      deleteRecursively(work);
      Platform.exit();
    }
    System.exit(status);
  }

  private void run() throws Exception {
    Files.createDirectories(output);
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get(30, TimeUnit.SECONDS);
    onFx(this::openWindow);

    setupScreens();
    firstCheckpointScreen();
    runScreens();
    trainedCheckpointScreens();
    LOGGER.info("screenshots written to {}", output);
  }

  private Void openWindow() {
    stage = new Stage();
    GuiServices services =
        new GuiServices(
            new ManifestCache(work.resolve("cache")),
            new TaskRunner(background, Platform::runLater),
            new FxDialogService(() -> stage),
            Clock.systemDefaultZone());
    window = new AppWindow(stage, services);
    window.show();
    stage.setWidth(AppWindow.WIDTH);
    stage.setHeight(1000);
    return null;
  }

  private void setupScreens() throws Exception {
    SetupViewModel form = onFx(() -> window.setupView().viewModel());
    onFx(() -> {
      form.setInput(SetupField.DATASET_FILE, dataset.toString());
      form.setInput(SetupField.SAVE_DIR, work.resolve("brains/tiny-shakespeare").toString());
      form.setInput(SetupField.SAMPLES_PER_BLOCK, "4000");
      form.setInput(SetupField.CHUNK_SIZE, "500");
      form.setInput(SetupField.MAX_SEQ_LEN, "32");
      form.setInput(SetupField.MAX_CHUNKS, "6");
      form.parallelIndependentProperty().set(true);
      form.setInput(SetupField.WORKERS, "2");
      form.setInput(SetupField.BATCH_SIZE, "0");
      return null;
    });
    snapshot("01-setup-invalid-batch-size.png");
    onFx(() -> {
      form.setInput(SetupField.BATCH_SIZE, "16");
      return null;
    });
    snapshot("02-setup.png");
  }

  private void firstCheckpointScreen() throws Exception {
    onFx(() -> {
      window.setupView().viewModel().startTraining();
      return null;
    });
    CheckpointViewModel screen = awaitCheckpointScreen();
    snapshot("03-checkpoints-new-brain.png");
    onFx(() -> {
      screen.blockTextProperty().set("12");
      return null;
    });
    snapshot("04-checkpoints-out-of-range.png");
    onFx(() -> {
      screen.blockTextProperty().set("0");
      screen.chunkTextProperty().set("2");
      return null;
    });
    awaitStartEnabled(screen);
    snapshot("05-checkpoints-new-brain-from-0-2.png");
  }

  private void runScreens() throws Exception {
    onFx(() -> {
      window.checkpointView().orElseThrow().viewModel().start();
      return null;
    });
    await(() -> window.runView().isPresent());
    RunViewModel run = onFx(() -> window.runView().orElseThrow().viewModel());
    await(() -> run.progressProperty().get() >= 0.3 || !run.runningProperty().get());
    snapshot("06-run-in-progress.png");
    await(() -> !run.runningProperty().get());
    snapshot("07-run-finished.png");
  }

  private void trainedCheckpointScreens() throws Exception {
    onFx(() -> {
      window.runView().orElseThrow().viewModel().back();
      window.setupView().viewModel().startTraining();
      return null;
    });
    CheckpointViewModel screen = awaitCheckpointScreen();
    awaitStartEnabled(screen);
    snapshot("08-checkpoints-trained-brain.png");
    onFx(() -> {
      screen.chunkTextProperty().set("4");
      return null;
    });
    awaitStartEnabled(screen);
    onFx(() -> {
      screen.conflictChoiceProperty().set(ConflictChoice.FORCE);
      return null;
    });
    snapshot("09-checkpoints-conflict.png");
    onFx(() -> {
      screen.runChoiceProperty().set(RunChoice.NEW_RUN);
      return null;
    });
    awaitStartEnabled(screen);
    snapshot("10-checkpoints-new-run-archives-ledger.png");
  }

  private CheckpointViewModel awaitCheckpointScreen() throws Exception {
    await(() -> window.checkpointView().isPresent());
    CheckpointViewModel screen = onFx(() -> window.checkpointView().orElseThrow().viewModel());
    await(() -> screen.layoutKnownProperty().get()
        && !screen.checkpointsStatusProperty().get().startsWith("Looking"));
    return screen;
  }

  private void awaitStartEnabled(CheckpointViewModel screen) throws Exception {
    await(() -> !screen.startDisabledProperty().get()
        || !screen.positionErrorProperty().get().isEmpty());
  }

  private void snapshot(String name) throws Exception {
    // Let layout and pending updates settle before taking the picture.
    Thread.sleep(300);
    WritableImage image = onFx(() -> window.scene().snapshot(null));
    ImageIO.write(toBufferedImage(image), "png", output.resolve(name).toFile());
    LOGGER.info("wrote {}", name);
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] pixels = new int[width * height];
    image.getPixelReader().getPixels(
        0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(pixels), width);
    BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    buffered.setRGB(0, 0, width, height, pixels, 0, width);
    return buffered;
  }

  /** Waits until {@code condition}, checked on the FX thread, is true. */
  private void await(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!onFx(condition::getAsBoolean)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the app did not reach the next screen in " + WAIT_SECONDS + " s");
      }
      Thread.sleep(50);
    }
  }

  private static <T> T onFx(Callable<T> action) throws InterruptedException, ExecutionException {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(action.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.get();
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
