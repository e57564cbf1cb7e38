package io.hrmtrainer.gui.run;

import io.hrmtrainer.gui.service.GuiServices;
import io.hrmtrainer.gui.service.Navigator;
import io.hrmtrainer.core.config.TrainingConfig;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The run view, built in code because its chart and chunk map change shape with the run. It shows
 * progress, one line per worker, the loss chart, the chunk map with its legend, the latest events
 * and the stop buttons. After a failure it shows a short message with expandable details.
 */
public final class RunView {

  private static final double MAX_CELL = 22;
  private static final double MIN_CELL = 3;
  private static final double MAP_WIDTH = 520;
  private static final double MAP_HEIGHT = 260;
  private static final List<Color> WORKER_COLORS =
      List.of(
          Color.web("#1e88e5"), Color.web("#8e24aa"), Color.web("#00897b"), Color.web("#f4511e"),
          Color.web("#3949ab"), Color.web("#c0ca33"), Color.web("#6d4c41"), Color.web("#d81b60"));
  private static final Color BELOW_START = Color.web("#9e9e9e");
  private static final Color PENDING = Color.web("#eceff1");
  private static final Color SKIPPED = Color.web("#ffca28");
  private static final Color TRAINED = Color.web("#43a047");

  private final RunViewModel viewModel;
  private final Canvas chunkCanvas = new Canvas(MAP_WIDTH, MAP_HEIGHT);
  private final XYChart.Series<Number, Number> lossSeries = new XYChart.Series<>();
  private final Parent root;

  private RunView(RunViewModel viewModel) {
    this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    this.root = createView();
  }

  /** Creates the view of a run of {@code config} and starts the run. */
  public static RunView create(TrainingConfig config, GuiServices services, Navigator navigator) {
    RunView view = new RunView(new RunViewModel(config, services, navigator));
    view.viewModel.start();
    return view;
  }

  /** Returns the view's root node. */
  public Parent root() {
    return root;
  }

  /** Returns the view model. */
  public RunViewModel viewModel() {
    return viewModel;
  }

  private Parent createView() {
    BorderPane pane = new BorderPane();
    pane.getStyleClass().add("screen");
    pane.setTop(header());
    HBox middle = new HBox(16, lossChart(), chunkMapPane());
    HBox.setHgrow(middle.getChildren().get(0), Priority.ALWAYS);
    VBox events = eventsPane();
    VBox center = new VBox(10, middle, events);
    VBox.setVgrow(events, Priority.ALWAYS);
    center.setPadding(new Insets(10, 0, 10, 0));
    pane.setCenter(center);
    pane.setBottom(footer());
    return pane;
  }

  private VBox header() {
    Label title = new Label("Training");
    title.getStyleClass().add("screen-title");
    Label status = new Label();
    status.setId("statusLabel");
    status.setWrapText(true);
    status.textProperty().bind(viewModel.statusProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("runProgress");
    progress.setPrefWidth(420);
    progress.progressProperty().bind(viewModel.progressProperty());
    Label progressText = new Label();
    progressText.textProperty().bind(viewModel.progressTextProperty());
    ListView<String> workers = new ListView<>(viewModel.workersProperty());
    workers.setId("workerList");
    workers.setPrefHeight(58);
    workers.setPlaceholder(new Label("No worker is training."));
    VBox header = new VBox(6, title, status, new HBox(10, progress, progressText), workers,
        errorPane());
    return header;
  }

  private VBox errorPane() {
    Label message = new Label();
    message.setId("errorLabel");
    message.getStyleClass().add("field-error");
    message.setWrapText(true);
    message.textProperty().bind(viewModel.errorMessageProperty());
    TextArea trace = new TextArea();
    trace.setEditable(false);
    trace.setPrefRowCount(10);
    trace.textProperty().bind(viewModel.errorDetailsProperty());
    TitledPane details = new TitledPane("Details", trace);
    details.setId("errorDetails");
    details.setExpanded(false);
    details.visibleProperty().bind(viewModel.errorDetailsProperty().isNotEmpty());
    details.managedProperty().bind(details.visibleProperty());
    VBox box = new VBox(4, message, details);
    box.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private LineChart<Number, Number> lossChart() {
    NumberAxis steps = new NumberAxis();
    steps.setLabel("optimizer step");
    steps.setForceZeroInRange(false);
    NumberAxis loss = new NumberAxis();
    loss.setLabel("loss (nats per token)");
    loss.setForceZeroInRange(false);
    LineChart<Number, Number> chart = new LineChart<>(steps, loss);
    chart.setId("lossChart");
    chart.setTitle("Loss");
    chart.setLegendVisible(false);
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setPrefSize(480, 300);
    chart.getData().add(lossSeries);
    viewModel.lossPointsProperty().addListener((ListChangeListener<LossPoint>) change -> {
      // Rebuilding is cheap: the view model keeps at most LOSS_POINT_LIMIT points.
      lossSeries.getData().setAll(viewModel.lossPointsProperty().stream()
          .map(point -> new XYChart.Data<Number, Number>(point.step(), point.loss()))
          .toList());
    });
    return chart;
  }

  private VBox chunkMapPane() {
    Label title = new Label("Chunk map (rows: blocks, columns: chunks)");
    title.getStyleClass().add("section-title");
    chunkCanvas.setId("chunkMap");
    ScrollPane scroll = new ScrollPane(chunkCanvas);
    scroll.setPrefSize(MAP_WIDTH + 16, MAP_HEIGHT + 16);
    viewModel.mapVersionProperty().addListener((observable, old, version) -> drawMap());
    viewModel.chunkMapProperty().addListener((observable, old, map) -> drawMap());
    FlowPane legend = new FlowPane(12, 4,
        legendItem(BELOW_START, "below start"),
        legendItem(SKIPPED, "skipped (already trained)"),
        legendItem(TRAINED, "trained"),
        legendItem(PENDING, "pending"),
        legendItem(WORKER_COLORS.get(0), "claimed by worker 0"),
        legendItem(WORKER_COLORS.get(1), "worker 1"),
        legendItem(WORKER_COLORS.get(2), "worker 2"));
    legend.setPrefWrapLength(MAP_WIDTH);
    return new VBox(6, title, scroll, legend);
  }

  private VBox eventsPane() {
    Label title = new Label("Latest events");
    title.getStyleClass().add("section-title");
    ListView<String> events = new ListView<>(viewModel.eventsProperty());
    events.setId("eventList");
    events.setPrefHeight(150);
    VBox.setVgrow(events, Priority.ALWAYS);
    viewModel.eventsProperty().addListener((ListChangeListener<String>) change ->
        events.scrollTo(events.getItems().size() - 1));
    return new VBox(6, title, events);
  }

  private HBox footer() {
    Button stop = new Button("Stop");
    stop.setId("stopButton");
    stop.setOnAction(event -> viewModel.stopGracefully());
    Button stopNow = new Button("Stop now");
    stopNow.setId("stopNowButton");
    stopNow.setOnAction(event -> viewModel.stopNow());
    stop.disableProperty().bind(
        viewModel.runningProperty().not().or(viewModel.stopRequestedProperty()));
    stopNow.disableProperty().bind(viewModel.runningProperty().not());
    Button back = new Button("Back to setup");
    back.setId("backButton");
    back.setOnAction(event -> viewModel.back());
    back.disableProperty().bind(viewModel.runningProperty());
    Label hint = new Label("Stop finishes the current chunk and commits; Stop now abandons it.");
    hint.getStyleClass().add("hint");
    HBox footer = new HBox(12, stop, stopNow, back, hint);
    footer.setAlignment(Pos.CENTER_LEFT);
    return footer;
  }

  private void drawMap() {
    ChunkMap map = viewModel.chunkMapProperty().get();
    if (map == null) {
      return;
    }
    int columns = Math.max(1, map.maxChunksPerBlock());
    int rows = Math.max(1, map.blocks());
    double cell = Math.max(MIN_CELL, Math.min(MAX_CELL,
        Math.min(MAP_WIDTH / columns, MAP_HEIGHT / rows)));
    chunkCanvas.setWidth(columns * cell);
    chunkCanvas.setHeight(rows * cell);
    GraphicsContext graphics = chunkCanvas.getGraphicsContext2D();
    graphics.clearRect(0, 0, chunkCanvas.getWidth(), chunkCanvas.getHeight());
    double gap = cell >= 8 ? 1 : 0;
    for (int block = 0; block < map.blocks(); block++) {
      for (int chunk = 0; chunk < map.chunksInBlock(block); chunk++) {
        graphics.setFill(colorOf(map, block, chunk));
        graphics.fillRect(chunk * cell, block * cell, cell - gap, cell - gap);
      }
    }
  }

  private static Color colorOf(ChunkMap map, int block, int chunk) {
    return switch (map.state(block, chunk)) {
      case BELOW_START -> BELOW_START;
      case PENDING -> PENDING;
      case SKIPPED -> SKIPPED;
      case TRAINED -> TRAINED;
      case CLAIMED -> workerColor(map.worker(block, chunk));
    };
  }

  private static Color workerColor(OptionalInt worker) {
    return WORKER_COLORS.get(worker.orElse(0) % WORKER_COLORS.size());
  }

  private static HBox legendItem(Color color, String text) {
    Rectangle swatch = new Rectangle(12, 12, color);
    swatch.setStroke(Color.web("#607d8b"));
    HBox item = new HBox(4, swatch, new Label(text));
    item.setAlignment(Pos.CENTER_LEFT);
    return item;
  }
}
