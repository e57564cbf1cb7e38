package io.hrmtrainer.cli;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.brain.BrainLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --save-dir} option of the commands that read a brain. */
final class BrainOption {

  @Option(
      names = "--save-dir",
      required = true,
      paramLabel = "<dir>",
      description = "Brain directory to read.")
  Path saveDir;

  /**
   * Returns the brain's layout.
   *
   * @throws InvalidInputException if the directory does not exist.
   */
  BrainLayout layout() {
    if (!Files.isDirectory(saveDir)) {
      throw new InvalidInputException(
          String.format(
              "brain directory %s does not exist: expected the --save-dir of a training run",
              saveDir));
    }
    return BrainLayout.of(saveDir);
  }
}
