package io.hrmtrainer.diagnostics;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.diagnostics.driver.LibraryTrainerDriver;
import io.hrmtrainer.diagnostics.driver.OneIntraOpThread;
import io.hrmtrainer.diagnostics.driver.TrainerDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs scenarios one after another, each in its own subdirectory of a working directory, and
 * collects their results into a {@link DiagnosticsReport}.
 *
 * <p>The working directory is a new temporary directory unless one is given. Without {@code keep}
 * each scenario's directory is deleted after it ran, and a temporary root with it. With {@code
 * keep} everything stays and the report names the root. A scenario that throws is reported as
 * failed with the error, and the next one runs.
 *
 * <p>While scenarios run, PyTorch uses one intra-op thread, and the previous count is restored
 * afterwards. Repeated runs are then bit-identical, and the tiny model trains faster than with a
 * thread pool sized for large tensors. The setting is process-wide, so do not train elsewhere in
 * the same process at the same time. Not thread-safe: run one at a time.
 */
public final class DiagnosticsRunner {

  private final List<Scenario> scenarios;
  private final TrainerDriver driver;
  private final Optional<Path> workDir;
  private final boolean keep;
  private final DiagnosticsProgress progress;

  private DiagnosticsRunner(Builder builder) {
    this.scenarios = List.copyOf(builder.scenarios);
    this.driver = builder.driver;
    this.workDir = builder.workDir;
    this.keep = builder.keep;
    this.progress = builder.progress;
  }

  /** Returns a builder with the defaults: every scenario, the real trainer, a temporary dir. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the scenarios this runner runs, in run order. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** Returns the scenario named {@code name}, if there is one. */
  public Optional<Scenario> find(String name) {
    return scenarios.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
  }

  /**
   * Runs every scenario.
   *
   * @throws IOException if the working directory cannot be created or cleaned up.
   */
  public DiagnosticsReport runAll() throws IOException {
    return run(scenarios);
  }

  /**
   * Runs the scenario named {@code name}.
   *
   * @throws UnknownScenarioException if no scenario has that name. {@link #scenarios()} lists them.
   * @throws IOException if the working directory cannot be created or cleaned up.
   */
  public DiagnosticsReport run(String name) throws IOException {
    Scenario scenario =
        find(name)
            .orElseThrow(
                () ->
                    new UnknownScenarioException(
                        name, scenarios.stream().map(Scenario::name).toList()));
    return run(List.of(scenario));
  }

  private DiagnosticsReport run(List<Scenario> selected) throws IOException {
    Path root = prepareRoot(selected);
    return OneIntraOpThread.call(() -> runIn(root, selected));
  }

  private DiagnosticsReport runIn(Path root, List<Scenario> selected) throws IOException {
    long start = System.nanoTime();

    List<ScenarioResult> results = new ArrayList<>();
    for (int i = 0; i < selected.size(); i++) {
      Scenario scenario = selected.get(i);
      progress.scenarioStarted(scenario, i + 1, selected.size());
      ScenarioResult result = runOne(scenario, root.resolve(scenario.name()));
      results.add(result);
      progress.scenarioFinished(result, i + 1, selected.size());
    }

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (!keep && workDir.isEmpty()) {
      deleteRecursively(root);
    }
    return new DiagnosticsReport(results, elapsed, keep ? Optional.of(root) : Optional.empty());
  }

  private ScenarioResult runOne(Scenario scenario, Path directory) throws IOException {
    long start = System.nanoTime();
    ScenarioResult result;
    try {
      result = scenario.run(new ScenarioContext(directory, driver));
    } catch (IOException | RuntimeException e) {
      // The scenario boundary: one scenario's error is its result, and the next one runs.
      result = ScenarioResult.errored(scenario, e, Duration.ZERO);
    }
    if (!keep) {
      deleteRecursively(directory);
    }
    return result.withElapsed(Duration.ofNanos(System.nanoTime() - start));
  }

  private Path prepareRoot(List<Scenario> selected) throws IOException {
    if (workDir.isEmpty()) {
      return Files.createTempDirectory("hrm-diagnose-");
    }
    Path root = workDir.get();
    Files.createDirectories(root);
    for (Scenario scenario : selected) {
      Path directory = root.resolve(scenario.name());
      if (Files.exists(directory)) {
        throw new InvalidInputException(
            String.format(
                "the working directory %s already contains %s from an earlier run; choose another"
                    + " directory or remove that one",
                root, directory.getFileName()));
      }
    }
    return root;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Collects the runner's settings; {@link #build()} creates it. */
  public static final class Builder {

    private List<Scenario> scenarios = Scenarios.all();
    private TrainerDriver driver = new LibraryTrainerDriver();
    private Optional<Path> workDir = Optional.empty();
    private boolean keep;
    private DiagnosticsProgress progress = DiagnosticsProgress.NONE;

    private Builder() {}

    /** Sets the scenarios to run, in order; default {@link Scenarios#all()}. */
    public Builder optScenarios(Collection<? extends Scenario> chosen) {
      this.scenarios = List.copyOf(chosen);
      return this;
    }

    /** Sets the driver that trains; default {@link LibraryTrainerDriver}, the real trainer. */
    public Builder optDriver(TrainerDriver trainer) {
      this.driver = Objects.requireNonNull(trainer, "trainer");
      return this;
    }

    /**
     * Sets the working directory, created when missing. Each scenario uses a subdirectory named
     * after it, which must not exist yet. Default: a new temporary directory.
     */
    public Builder optWorkDir(Path directory) {
      this.workDir = Optional.of(directory);
      return this;
    }

    /** Sets whether to keep the working directory for inspection; default false. */
    public Builder optKeep(boolean keepWorkDir) {
      this.keep = keepWorkDir;
      return this;
    }

    /** Sets the progress listener; default none. */
    public Builder optProgress(DiagnosticsProgress listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Creates the runner. */
    public DiagnosticsRunner build() {
      return new DiagnosticsRunner(this);
    }
  }
}
