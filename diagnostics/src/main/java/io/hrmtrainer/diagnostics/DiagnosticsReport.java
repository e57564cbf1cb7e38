package io.hrmtrainer.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of a diagnostics run, as text for people and as JSON for tools.
 *
 * <p>Both forms carry the same content: per scenario whether it passed, what each check expected
 * and observed, the evidence lines, and the kept working directory, if any.
 * Immutable.
 *
 * @param results The scenarios' results, in run order.
 * @param elapsed How long the whole run took.
 * @param keptWorkDir The working directory when it was kept for inspection.
 */
public record DiagnosticsReport(
    List<ScenarioResult> results, Duration elapsed, Optional<Path> keptWorkDir) {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Checks the components and copies the results. */
  public DiagnosticsReport {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(keptWorkDir, "keptWorkDir");
    results = List.copyOf(results);
  }

  /** Returns whether every scenario passed; false when none ran. */
  public boolean allPassed() {
    return !results.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
  }

  /** Returns how many scenarios passed. */
  public long passedCount() {
    return results.stream().filter(ScenarioResult::passed).count();
  }

  /** Returns how many scenarios failed. */
  public long failedCount() {
    return results.size() - passedCount();
  }

  /**
   * Returns the report as text. Each scenario gets one line, and a failed one adds its failed
   * checks with expected and observed values, then its evidence. A summary line comes last.
   */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (ScenarioResult result : results) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s %s (%.1f s): %s%n",
              result.passed() ? "PASS" : "FAIL",
              result.name(),
              seconds(result.elapsed()),
              result.description()));
      if (!result.passed()) {
        appendFailure(text, result);
      }
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%d scenarios: %d passed, %d failed in %.1f s%n",
            results.size(),
            passedCount(),
            failedCount(),
            seconds(elapsed)));
    keptWorkDir.ifPresent(dir -> text.append(String.format("working directory kept: %s%n", dir)));
    return text.toString();
  }

  /** Returns the report as a JSON document. */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("passed", allPassed());
    root.put("scenarios_passed", passedCount());
    root.put("scenarios_failed", failedCount());
    root.put("seconds", seconds(elapsed));
    root.put("work_dir", keptWorkDir.map(Path::toString).orElse(null));
    ArrayNode scenarios = root.putArray("scenarios");
    for (ScenarioResult result : results) {
      scenarios.add(toJson(result));
    }
    try {
      return MAPPER.writeValueAsString(root) + System.lineSeparator();
    } catch (IOException e) {
      throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
    }
  }

  /**
   * Writes {@link #toJson()} to {@code file}, replacing it.
   *
   * @throws IOException if the file cannot be written.
   */
  public void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  private static void appendFailure(StringBuilder text, ScenarioResult result) {
    result.error().ifPresent(error -> text.append("  error: ").append(error).append('\n'));
    if (result.error().isEmpty() && result.checks().isEmpty()) {
      text.append("  error: the scenario made no checks\n");
    }
    for (Check check : result.failedChecks()) {
      text.append("  failed: ").append(check.name()).append('\n');
      text.append("    expected: ").append(check.expected()).append('\n');
      text.append("    observed: ").append(check.observed()).append('\n');
    }
    if (!result.evidence().isEmpty()) {
      text.append("  evidence:\n");
      result.evidence().forEach(line -> text.append("    ").append(line).append('\n'));
    }
  }

  private static ObjectNode toJson(ScenarioResult result) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", result.name());
    node.put("description", result.description());
    node.put("passed", result.passed());
    node.put("seconds", seconds(result.elapsed()));
    node.put("error", result.error().orElse(null));
    ArrayNode checks = node.putArray("checks");
    for (Check check : result.checks()) {
      checks
          .addObject()
          .put("name", check.name())
          .put("passed", check.passed())
          .put("expected", check.expected())
          .put("observed", check.observed());
    }
    ArrayNode evidence = node.putArray("evidence");
    result.evidence().forEach(evidence::add);
    return node;
  }

  private static double seconds(Duration duration) {
    return Math.round(duration.toMillis() / 100.0) / 10.0;
  }
}
