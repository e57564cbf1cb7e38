package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioContext;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.evidence.Events;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A new run from (1, 2) on 3 blocks of 4 chunks. Its first claim must be (1, 2), and no earlier
 * chunk may be claimed or trained. The reader must seek straight past the 300 samples before
 * (1, 2), and the ledger must record only chunks from (1, 2) on.
 */
public final class NewRunStartsAtPosition implements Scenario {

  private static final ChunkPosition START = ChunkPosition.of(1, 2);

  @Override
  public String name() {
    return "new-run-starts-at-position";
  }

  @Override
  public String description() {
    return "a new run claims the start position first and claims or reads no chunk before it";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 600);
    RunEvidence run =
        context.train(
            context
                .newConfig(dataset, context.brain("brain"))
                .optStartBlockId(START.blockId())
                .optStartChunkId(START.chunkId())
                .optMaxChunks(2)
                .build());

    ScenarioResult.Builder result = ScenarioResult.builder(this);
    result.addRun("new run from " + START + ", at most 2 chunks", run);
    String label = "the new run";
    Expect.ended(result, label, run, RunOutcome.Status.COMPLETED);
    Expect.startEventAt(result, label, run, START);
    Expect.firstClaimAt(result, label, run, START);
    Expect.nothingBefore(result, label, run, START);
    checkSeek(result, run);
    Expect.ledgerHolds(result, label, run, List.of(START, ChunkPosition.of(1, 3)));
    return result.build();
  }

  /** The reader must jump to the start: 1 block of 200 and 2 chunks of 50 samples lie before it. */
  private static void checkSeek(ScenarioResult.Builder result, RunEvidence run) {
    long samplesBefore =
        (long) START.blockId() * ScenarioContext.SAMPLES_PER_BLOCK
            + (long) START.chunkId() * ScenarioContext.CHUNK_SIZE;
    Map<?, ?> seek = run.startEvent().map(event -> Events.mapField(event, "seek")).orElse(Map.of());
    Object method = seek.get("method");
    Object skipped = seek.get("samples_before_first_chunk");
    boolean passed =
        "byte_offset".equals(method)
            && skipped instanceof Number number
            && number.longValue() == samplesBefore
            && seek.get("first_chunk_byte_offset") instanceof Number;
    result.check(
        "the reader seeks by byte offset past the samples before the start position",
        passed,
        String.format("seek by byte_offset past %d samples", samplesBefore),
        seek.isEmpty()
            ? "no seek field in training_start_position_selected"
            : String.format("seek by %s past %s samples", method, skipped));
  }
}
