package io.hrmtrainer.cli;

import io.hrmtrainer.core.brain.BrainDescriptor;
import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.brain.CheckpointStore;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.ledger.CompletedChunk;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.ledger.LedgerStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hrm-hf status}: summarises a brain: model, totals, runs, ledgers and checkpoints. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise a brain: model, totals, runs, ledgers and checkpoints.",
      "The ledger shown for each dataset is the one of the newest commit."
    })
final class StatusCommand implements Callable<Integer> {

  @Mixin BrainOption brain;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    BrainLayout layout = brain.layout();
    PrintWriter out = spec.commandLine().getOut();
    printDescriptor(layout, out);
    printLedgers(layout, out);
    printCheckpoints(layout, out);
    out.flush();
    return ExitCode.OK;
  }

  private static void printDescriptor(BrainLayout layout, PrintWriter out) throws IOException {
    Optional<BrainDescriptor> descriptor = BrainDescriptor.read(layout);
    out.printf("brain:       %s%n", layout.root());
    if (descriptor.isEmpty()) {
      out.println("brain.json:  missing (no run has trained here yet)");
      return;
    }
    BrainDescriptor value = descriptor.get();
    out.printf("model:       %s%n", value.model());
    out.printf(
        "totals:      %d optimizer steps, %d samples, %d chunks%n",
        value.totals().optimizerSteps(), value.totals().samples(), value.totals().chunks());
    out.printf("latest:      %s%n", value.latestCheckpoint().orElse("no checkpoint"));
    out.printf("runs:        %d%n", value.history().size());
    for (BrainDescriptor.RunRecord run : value.history()) {
      out.printf(
          "  %s started %s, %s%n",
          run.runId(),
          run.startedAt(),
          run.hasEnded() ? run.outcome() + " at " + run.endedAt() : "not ended (running or killed)");
    }
  }

  private static void printLedgers(BrainLayout layout, PrintWriter out) throws IOException {
    if (!Files.isDirectory(layout.datasetsDir())) {
      out.println("ledgers:     none");
      return;
    }
    List<Path> keys;
    try (Stream<Path> listing = Files.list(layout.datasetsDir())) {
      keys = listing.filter(Files::isDirectory).sorted().toList();
    }
    for (Path keyDir : keys) {
      String key = keyDir.getFileName().toString();
      Optional<LedgerState> ledger = LedgerStore.readIfExists(layout.ledgerFile(key));
      if (ledger.isEmpty()) {
        continue;
      }
      LedgerState state = ledger.get();
      out.printf("ledger:      %s%n", key);
      out.printf(
          "  epoch %d, %d chunks trained in it, %d completions in all, %d steps, %d samples%n",
          state.currentEpoch(),
          state.completedInCurrentEpoch().size(),
          state.completedChunks().size(),
          state.totalSteps(),
          state.totalSamples());
      out.printf("  trained in epoch %d: %s%n", state.currentEpoch(), ranges(state));
    }
  }

  private static void printCheckpoints(BrainLayout layout, PrintWriter out) throws IOException {
    List<CheckpointInfo> checkpoints = new CheckpointStore(layout).list();
    long valid = checkpoints.stream().filter(CheckpointInfo::isValid).count();
    out.printf(
        "checkpoints: %d (%d valid, %d invalid), newest valid: %s%n",
        checkpoints.size(),
        valid,
        checkpoints.size() - valid,
        CheckpointStore.newestValidIn(checkpoints).map(CheckpointInfo::name).orElse("none"));
  }

  /** Formats trained chunks per block as ranges, for example {@code block 1: 2-4, 7}. */
  static String ranges(LedgerState state) {
    TreeSet<ChunkPosition> trained = new TreeSet<>();
    for (CompletedChunk chunk : state.completedInCurrentEpoch()) {
      trained.add(chunk.position());
    }
    if (trained.isEmpty()) {
      return "none";
    }

    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    int block = -1;
    int rangeStart = -1;
    int previous = -1;
    for (ChunkPosition position : trained) {
      if (position.blockId() != block || position.chunkId() != previous + 1) {
        if (current != null) {
          appendRange(current, rangeStart, previous);
        }
        if (position.blockId() != block) {
          if (current != null) {
            blocks.add(current.toString());
          }
          block = position.blockId();
          current = new StringBuilder("block " + block + ": ");
        } else {
          current.append(", ");
        }
        rangeStart = position.chunkId();
      }
      previous = position.chunkId();
    }

    appendRange(current, rangeStart, previous);
    blocks.add(current.toString());
    return String.join("; ", blocks);
  }

  private static void appendRange(StringBuilder builder, int from, int to) {
    builder.append(from == to ? String.valueOf(from) : from + "-" + to);
  }
}
