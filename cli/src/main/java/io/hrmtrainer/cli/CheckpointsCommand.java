package io.hrmtrainer.cli;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.brain.CheckpointSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hrm-hf checkpoints}: lists a brain's checkpoints with their validity. */
@Command(
    name = "checkpoints",
    mixinStandardHelpOptions = true,
    description = {
      "List the checkpoints of a brain, oldest first, with their validity.",
      "A checkpoint is valid when its COMMIT.json verifies every file's size and SHA-256."
    })
final class CheckpointsCommand implements Callable<Integer> {

  private static final String ROW = "%-12s %-8s %10s %6s %8s %10s  %-24s %s";

  @Mixin BrainOption brain;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CheckpointStore store = new CheckpointStore(brain.layout());
    List<CheckpointInfo> checkpoints = store.list();
    PrintWriter out = spec.commandLine().getOut();
    if (checkpoints.isEmpty()) {
      out.printf("no checkpoints in %s%n", brain.layout().checkpointsDir());
      out.flush();
      return ExitCode.OK;
    }
    out.println(
        String.format(
            ROW,
            "checkpoint",
            "valid",
            "step",
            "epoch",
            "chunks",
            "samples",
            "created",
            "problem"));
    for (CheckpointInfo checkpoint : checkpoints) {
      out.println(row(checkpoint));
    }
    Optional<CheckpointInfo> newest = CheckpointStore.newestValidIn(checkpoints);
    out.printf(
        "newest valid: %s%n", newest.map(CheckpointInfo::name).orElse("none (resume is disabled)"));
    out.flush();
    return ExitCode.OK;
  }

  /** Formats one table row. A valid checkpoint has no problem text, so its row ends at the date. */
  private static String row(CheckpointInfo checkpoint) {
    CheckpointSummary summary = checkpoint.summary();
    return String.format(
            ROW,
            checkpoint.name(),
            checkpoint.isValid() ? "valid" : "INVALID",
            text(summary.globalStep().isPresent() ? summary.globalStep().getAsLong() : null),
            text(summary.epoch().isPresent() ? summary.epoch().getAsInt() : null),
            text(
                summary.chunksCommitted().isPresent()
                    ? summary.chunksCommitted().getAsLong()
                    : null),
            text(
                summary.samplesTrained().isPresent() ? summary.samplesTrained().getAsLong() : null),
            summary.createdAt().map(Object::toString).orElse("-"),
            checkpoint.reason().orElse(""))
        .stripTrailing();
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }
}
