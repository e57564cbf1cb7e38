package io.hrmtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the user can correct. Each case exits with 2 and prints one message on stderr that names
 * the value (or the file and line) and the valid range or form. It prints no stack trace and leaves
 * the brain directory as it was.
 *
 * <p>The dataset has 550 lines: blocks 0 and 1 have 4 chunks each, the last block 150 samples in 3
 * chunks.
 */
class InvalidInputTest {

  @TempDir Path temp;

  /** Sets up one invalid invocation in a temporary directory. */
  @FunctionalInterface
  interface Scenario {

    /** Writes the files the case needs into {@code dir} and returns its invocation. */
    Invocation prepare(Path dir) throws IOException;
  }

  /**
   * One invalid invocation.
   *
   * @param dataset The dataset file given to {@code --dataset-file}.
   * @param extraArgs Arguments after the tiny layout.
   * @param expectedError The exact error line expected on stderr, without the {@code hrm-hf: error:
   *     } prefix.
   */
  record Invocation(Path dataset, List<String> extraArgs, String expectedError) {}

  static Stream<Arguments> invalidInputs() {
    return Stream.of(
        startIdCase(
            "start block past the last block",
            List.of("--start-block-id", "3"),
            "start block 3 is out of range: the dataset has 3 blocks (0-2)"),
        startIdCase(
            "start chunk past the last chunk of a short last block",
            List.of("--start-block-id", "2", "--start-chunk-id", "3"),
            "start chunk 3 is out of range: block 2 has 3 chunks (0-2)"),
        startIdCase(
            "negative start block",
            List.of("--start-block-id", "-1"),
            "start block -1 is invalid: expected a whole number >= 0"),
        startIdCase(
            "negative start chunk",
            List.of("--start-chunk-id", "-2"),
            "start chunk -2 is invalid: expected a whole number >= 0"),
        startIdCase(
            "start block that is not a number",
            List.of("--start-block-id", "abc"),
            "start block 'abc' is not a whole number: expected digits only, such as 0 or 12"),
        startIdCase(
            "start chunk with a fraction",
            List.of("--start-chunk-id", "1.5"),
            "start chunk '1.5' is not a whole number: expected digits only, such as 0 or 12"),
        startIdCase(
            "start block too large for an int",
            List.of("--start-block-id", "2147483648"),
            "start block 2147483648 is too large: expected at most 2147483647"),
        startIdCase(
            "start chunk far too large for an int",
            List.of("--start-chunk-id", "99999999999999999999"),
            "start chunk 99999999999999999999 is too large: expected at most 2147483647"),
        datasetCase(
            "missing dataset",
            dir -> {
              Path missing = dir.resolve("missing.txt");
              return new Invocation(
                  missing,
                  List.of(),
                  String.format(
                      "dataset file %s does not exist: expected a readable text or JSONL file;"
                          + " check the path given to --dataset-file",
                      missing));
            }),
        datasetCase(
            "empty dataset",
            dir -> {
              Path empty = Files.createFile(dir.resolve("empty.txt"));
              return new Invocation(empty, List.of(), noSamples(empty));
            }),
        datasetCase(
            "dataset of blank lines only",
            dir -> {
              Path blank = Files.writeString(dir.resolve("blank.txt"), "\n   \n\t\n");
              return new Invocation(blank, List.of(), noSamples(blank));
            }),
        datasetCase(
            "dataset path that is a directory",
            dir -> {
              Path directory = Files.createDirectory(dir.resolve("lines.txt"));
              return new Invocation(
                  directory,
                  List.of(),
                  String.format(
                      "dataset file %s is a directory: expected a text or JSONL file; point"
                          + " --dataset-file at a file inside it",
                      directory));
            }),
        datasetCase(
            "dataset without read permission",
            dir -> {
              Path locked = TinyDataset.write(dir, "locked.txt", 550);
              Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
              assumeFalse(
                  Files.isReadable(locked),
                  "this user (root?) reads files without read permission");
              return new Invocation(
                  locked,
                  List.of(),
                  String.format(
                      "dataset file %s cannot be read: expected a file this user may read; fix"
                          + " its permissions (for example chmod a+r) or copy it somewhere"
                          + " readable",
                      locked));
            }),
        datasetCase(
            "JSONL dataset with a malformed line",
            dir -> {
              Path jsonl =
                  Files.writeString(
                      dir.resolve("records.jsonl"),
                      "{\"text\": \"to be\"}\n{\"text\": \"or not\"}\n{\"text\": oops\n"
                          + "{\"text\": \"to be\"}\n",
                      StandardCharsets.UTF_8);
              return new Invocation(
                  jsonl,
                  List.of(),
                  String.format(
                      "%s line 3: invalid JSON (Unrecognized token 'oops': was expecting (JSON"
                          + " String, Number, Array, Object or token 'null', 'true' or 'false')):"
                          + " expected one JSON object per line; fix or remove that line",
                      jsonl));
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidInputs")
  void trainExitsTwoWritesNothing(Scenario scenario) throws IOException {
    Invocation invocation = scenario.prepare(temp);
    Path saveDir = temp.resolve("brain");

    Cli.Result result = run("train", invocation, saveDir);

    assertInvalidInput(result, invocation);
    assertThat(saveDir).as("the brain directory").doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidInputs")
  void planExitsWithTwo(Scenario scenario) throws IOException {
    Invocation invocation = scenario.prepare(temp);
    Path saveDir = temp.resolve("brain");

    Cli.Result result = run("plan", invocation, saveDir);

    assertInvalidInput(result, invocation);
    assertThat(saveDir).as("the brain directory").doesNotExist();
  }

  @Test
  void invalidStartLeavesBrainUnchanged() throws IOException {
    Path dataset = TinyDataset.write(temp, "lines.txt", 550);
    Path brain = temp.resolve("brain");
    Cli.Result first = TinyDataset.train(dataset, brain, "--max-chunks", "1");
    assertThat(first.exitCode()).as("%s", first).isZero();
    Map<String, String> before = Brains.snapshot(brain);

    Cli.Result result = TinyDataset.train(dataset, brain, "--resume", "--start-block-id", "7");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("hrm-hf: error: start block 7 is out of range: the dataset has 3 blocks (0-2)\n");
    assertThat(Brains.snapshot(brain)).isEqualTo(before);
  }

  @Test
  void saveDirFileIsInvalidInput() throws IOException {
    Path dataset = TinyDataset.write(temp, "lines.txt", 550);
    Path file = Files.writeString(temp.resolve("brain"), "not a brain");

    Cli.Result result = TinyDataset.train(dataset, file, "--max-chunks", "1");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("hrm-hf: error: ").contains(file.toString());
    assertThat(result.err()).doesNotContain("Exception");
    assertThat(file).hasContent("not a brain");
  }

  @Test
  void errorStartsOnItsOwnLine() throws IOException {
    Path dataset = TinyDataset.write(temp, "lines.txt", 550);

    Cli.Result result = TinyDataset.train(dataset, temp.resolve("brain"), "--start-block-id", "3");

    assertThat(result.err().lines())
        .contains("hrm-hf: error: start block 3 is out of range: the dataset has 3 blocks (0-2)");
  }

  private static Arguments startIdCase(String name, List<String> extraArgs, String expectedError) {
    Scenario scenario =
        dir -> new Invocation(TinyDataset.write(dir, "lines.txt", 550), extraArgs, expectedError);
    return arguments(Named.of(name, scenario));
  }

  private static Arguments datasetCase(String name, Scenario scenario) {
    return arguments(Named.of(name, scenario));
  }

  private static String noSamples(Path dataset) {
    return String.format(
        "%s has no samples: expected at least one non-blank line; add data to it or point"
            + " --dataset-file at another file",
        dataset);
  }

  private static Cli.Result run(String command, Invocation invocation, Path saveDir) {
    List<String> args = new ArrayList<>(invocation.extraArgs());
    return Cli.run(
        TinyDataset.args(command, invocation.dataset(), saveDir, args.toArray(String[]::new)));
  }

  private static void assertInvalidInput(Cli.Result result, Invocation invocation) {
    assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err().lines())
        .as("%s", result)
        .anySatisfy(
            line -> assertThat(line).startsWith("hrm-hf: error: " + invocation.expectedError()));
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
