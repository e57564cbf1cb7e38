package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioContext;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.evidence.Events;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A first run trains (1, 2), then a resume with 2 CPU workers runs from (1, 1) over 3 blocks of 4
 * chunks. The resume must claim nothing before (1, 1) and train no chunk twice. It must skip
 * (1, 2) as already trained and train every other chunk from (1, 1) to (2, 3).
 */
public final class ParallelRespectsPosition implements Scenario {

  private static final ChunkPosition START = ChunkPosition.of(1, 1);
  private static final ChunkPosition TRAINED_BEFORE = ChunkPosition.of(1, 2);
  private static final int WORKERS = 2;

  @Override
  public String name() {
    return "parallel-respects-position";
  }

  @Override
  public String description() {
    return "with 2 CPU workers every claim is at or after the start position, no chunk is trained"
        + " twice, and every chunk from it on is trained or skipped for a stated reason";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 600);
    Path brain = context.brain("brain");
    RunEvidence first =
        context.train(
            context
                .newConfig(dataset, brain)
                .optStartBlockId(TRAINED_BEFORE.blockId())
                .optStartChunkId(TRAINED_BEFORE.chunkId())
                .optMaxChunks(1)
                .build());
    RunEvidence parallel =
        context.train(
            context
                .newConfig(dataset, brain)
                .optResume(true)
                .optParallelIndependent(true)
                .optWorkers(WORKERS)
                .optStartBlockId(START.blockId())
                .optStartChunkId(START.chunkId())
                .build());

    ScenarioResult.Builder result = ScenarioResult.builder(this);
    result.addRun("first run, chunk " + TRAINED_BEFORE + " only", first);
    result.addRun("resume with " + WORKERS + " workers from " + START, parallel);
    result.addEvidence("claims per worker: " + claimsPerWorker(parallel));
    String label = "the parallel run";
    Expect.ended(result, "the first run", first, RunOutcome.Status.COMPLETED);
    Expect.ended(result, label, parallel, RunOutcome.Status.COMPLETED);
    result.checkEqual(
        "the parallel run starts " + WORKERS + " workers",
        WORKERS + " workers",
        workerCount(parallel) + " workers");
    Expect.nothingBefore(result, label, parallel, START);
    checkNoChunkTwice(result, parallel);
    checkEveryChunkAccountedFor(result, parallel);
    Expect.ledgerHolds(result, label, parallel, chunksFromStart());
    return result.build();
  }

  private static void checkNoChunkTwice(ScenarioResult.Builder result, RunEvidence run) {
    List<ChunkPosition> claimedTwice = Expect.duplicates(run.claims());
    List<ChunkPosition> trainedTwice = Expect.duplicates(run.trained());
    result.check(
        "no chunk is claimed or trained twice",
        claimedTwice.isEmpty() && trainedTwice.isEmpty(),
        "each chunk claimed and trained at most once",
        String.format(
            "claimed twice: %s; trained twice: %s",
            Expect.list(claimedTwice), Expect.list(trainedTwice)));
  }

  private static void checkEveryChunkAccountedFor(ScenarioResult.Builder result, RunEvidence run) {
    List<ChunkPosition> trained = run.trained();
    List<ChunkPosition> unaccounted = new ArrayList<>();
    List<String> skippedWithReason = new ArrayList<>();
    for (TelemetryEvent skip : run.events(EventNames.CHUNK_SKIPPED)) {
      Events.position(skip)
          .filter(position -> skip.field("reason").isPresent())
          .ifPresent(position -> skippedWithReason.add(position + " " + skip.fields().get("reason")));
    }
    for (ChunkPosition position : chunksFromStart()) {
      boolean skipped = skippedWithReason.stream().anyMatch(s -> s.startsWith(position + " "));
      if (!trained.contains(position) && !skipped) {
        unaccounted.add(position);
      }
    }
    String expectedSkip = TRAINED_BEFORE + " already_trained";
    result.check(
        "every chunk from " + START + " on is trained or skipped for a stated reason",
        unaccounted.isEmpty() && skippedWithReason.equals(List.of(expectedSkip)),
        String.format("all of %s trained, except skipped %s", chunksFromStart(), expectedSkip),
        String.format(
            "neither trained nor skipped: %s; skipped: %s",
            Expect.list(unaccounted),
            skippedWithReason.isEmpty() ? "none" : skippedWithReason));
  }

  /** Returns every chunk from (1, 1) to the end of the 3-block dataset. */
  private static List<ChunkPosition> chunksFromStart() {
    List<ChunkPosition> chunks = new ArrayList<>();
    for (int block = START.blockId(); block < 3; block++) {
      int from = block == START.blockId() ? START.chunkId() : 0;
      for (int chunk = from; chunk < 4; chunk++) {
        chunks.add(ChunkPosition.of(block, chunk));
      }
    }
    return chunks;
  }

  private static int workerCount(RunEvidence run) {
    return run.startEvent()
        .map(event -> event.fields().get("workers") instanceof List<?> list ? list.size() : 0)
        .orElse(0);
  }

  private static Map<Object, Integer> claimsPerWorker(RunEvidence run) {
    Map<Object, Integer> counts = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (TelemetryEvent claim : run.events(EventNames.CHUNK_CLAIMED)) {
      counts.merge(claim.fields().getOrDefault(TelemetryEvent.WORKER_ID, "?"), 1, Integer::sum);
    }
    return counts;
  }
}
