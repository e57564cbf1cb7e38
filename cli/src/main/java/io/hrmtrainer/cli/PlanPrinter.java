package io.hrmtrainer.cli;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.dataset.BlockSummary;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.tracker.plan.RunPlan;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a resolved run for people: the dataset layout, the checkpoint choice and the plan. */
final class PlanPrinter {

  private PlanPrinter() {}

  static void print(ResolvedRun run, List<String> devices, PrintWriter out) {
    printDataset(run, out);
    printCheckpointChoice(run, out);
    printPlan(run.plan(), out);
    printWorkers(run.plan(), devices, out);
    out.flush();
  }

  private static void printDataset(ResolvedRun run, PrintWriter out) {
    BlockSummary layout = run.manifest().blockSummary();
    out.printf("dataset:          %s%n", run.manifest().dataset());
    out.printf("layout:           %s%n", layout);
    out.printf(
        "manifest:         %s, fingerprint %s%n",
        run.manifestFromCache() ? "from cache" : "built now",
        run.manifest().fingerprint().substring(0, 16));
    out.printf("brain:            %s%n", run.brain().root());
  }

  private static void printCheckpointChoice(ResolvedRun run, PrintWriter out) {
    for (CheckpointInfo skipped : run.skippedCheckpoints()) {
      out.printf(
          "skipped:          %s (invalid: %s)%n",
          skipped.name(), skipped.reason().orElse("unknown"));
    }
    run.resumeDisabledReason()
        .ifPresent(reason -> out.printf("resume disabled:  %s; starting a new run%n", reason));
    out.printf(
        "run:              %s%n",
        run.checkpoint()
            .map(c -> "resume from " + c.name() + " (" + c.directory() + ")")
            .orElse("new run (fresh weights and a fresh ledger)"));
    for (String warning : run.warnings()) {
      out.printf("warning:          %s%n", warning);
    }
  }

  private static void printPlan(RunPlan plan, PrintWriter out) {
    out.printf(
        "start position:   %s%s, %s%n",
        plan.start(),
        plan.start().equals(ChunkPosition.ORIGIN) ? "" : " (override)",
        plan.force() ? "force train" : "respect the ledger");
    out.printf("epoch:            %d%n", plan.epoch());
    out.printf(
        "chunks:           %d in all, %d below the start, %d already trained at or after it,"
            + " %d to train%s%n",
        plan.totalChunks(),
        plan.chunksBelowStart(),
        plan.chunksAlreadyTrained(),
        plan.chunksToTrain(),
        plan.maxChunks().isPresent() ? " (--max-chunks " + plan.maxChunks().getAsInt() + ")" : "");
    if (plan.hasConflict()) {
      out.printf(
          "conflict:         %d chunks at or after the start are already trained (first: %s); %s%n",
          plan.conflictCount(),
          plan.conflictSample().stream().map(ChunkPosition::toString).collect(Collectors.joining(" ")),
          plan.force()
              ? "--force-train trains them again"
              : "they are skipped; pass --force-train to train them again");
    }
    out.printf(
        "first chunk:      %s%n",
        plan.firstChunk().map(ChunkPosition::toString).orElse("none"));
  }

  private static void printWorkers(RunPlan plan, List<String> devices, PrintWriter out) {
    for (int worker = 0; worker < devices.size(); worker++) {
      String first =
          worker < plan.firstChunkPerWorker().size()
              ? plan.firstChunkPerWorker().get(worker).toString()
              : "none";
      out.printf("worker %d:         %s, first chunk %s%n", worker, devices.get(worker), first);
    }
    if (plan.isNothingToTrain()) {
      out.printf(
          "outcome:          nothing to train; pass --force-train, choose an earlier start"
              + " position, or raise --epochs%n");
    }
  }
}
