package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.config.TrainingConfig;
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
import java.util.List;

/**
 * Four runs on one block of 4 chunks:
 *
 * <ol>
 *   <li>A first run trains (0, 0) and (0, 1).
 *   <li>Respect from (0, 1) skips (0, 1) with {@code chunk_skipped} and trains (0, 2) and (0, 3).
 *   <li>Respect from (0, 2) then has nothing left and reports {@code nothing_to_train}.
 *   <li>Force from (0, 2) trains (0, 2) and (0, 3) again.
 * </ol>
 */
public final class RespectVersusForce implements Scenario {

  private static final ChunkPosition C00 = ChunkPosition.of(0, 0);
  private static final ChunkPosition C01 = ChunkPosition.of(0, 1);
  private static final ChunkPosition C02 = ChunkPosition.of(0, 2);
  private static final ChunkPosition C03 = ChunkPosition.of(0, 3);

  @Override
  public String name() {
    return "respect-versus-force";
  }

  @Override
  public String description() {
    return "respect skips a chunk the ledger has trained with chunk_skipped, force trains it, and"
        + " respect with nothing left reports nothing_to_train";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 200);
    Path brain = context.brain("brain");
    RunEvidence first = context.train(context.newConfig(dataset, brain).optMaxChunks(2).build());
    RunEvidence respect = context.train(resume(context, dataset, brain, C01, false));
    RunEvidence nothingLeft = context.train(resume(context, dataset, brain, C02, false));
    RunEvidence force = context.train(resume(context, dataset, brain, C02, true));

    ScenarioResult.Builder result = ScenarioResult.builder(this);
    result.addRun("first run, 2 chunks", first);
    result.addRun("respect from " + C01, respect);
    result.addRun("respect from " + C02 + " with every chunk trained", nothingLeft);
    result.addRun("force from " + C02, force);
    Expect.trainedExactly(result, "the first run", first, List.of(C00, C01));
    checkSkippedAsTrained(result, respect);
    Expect.trainedExactly(result, "respect from " + C01, respect, List.of(C02, C03));
    checkNothingToTrain(result, nothingLeft);
    Expect.ended(result, "force from " + C02, force, RunOutcome.Status.COMPLETED);
    Expect.trainedExactly(result, "force from " + C02, force, List.of(C02, C03));
    result.check(
        "force from " + C02 + " skips nothing",
        force.skipped().isEmpty(),
        "no chunk_skipped",
        Expect.names(force.events(EventNames.CHUNK_SKIPPED)));
    return result.build();
  }

  private static TrainingConfig resume(
      ScenarioContext context, Path dataset, Path brain, ChunkPosition start, boolean force) {

    return context
        .newConfig(dataset, brain)
        .optResume(true)
        .optForceTrain(force)
        .optStartBlockId(start.blockId())
        .optStartChunkId(start.chunkId())
        .build();
  }

  private static void checkSkippedAsTrained(ScenarioResult.Builder result, RunEvidence respect) {
    List<TelemetryEvent> skips = respect.events(EventNames.CHUNK_SKIPPED);
    boolean passed =
        skips.size() == 1
            && Events.position(skips.get(0)).filter(C01::equals).isPresent()
            && "already_trained".equals(skips.get(0).fields().get("reason"))
            && !respect.claims().contains(C01);
    result.check(
        "respect from " + C01 + " skips the trained " + C01 + " without claiming it",
        passed,
        "one chunk_skipped for " + C01 + " with reason already_trained, and no claim of it",
        String.format(
            "%s; claims %s", Expect.names(skips), Expect.list(respect.claims())));
  }

  private static void checkNothingToTrain(ScenarioResult.Builder result, RunEvidence run) {
    List<TelemetryEvent> events = run.events(EventNames.NOTHING_TO_TRAIN);
    result.check(
        "respect from " + C02 + " with every chunk trained reports nothing_to_train",
        run.endedWith(RunOutcome.Status.NOTHING_TO_TRAIN)
            && events.size() == 1
            && run.claims().isEmpty(),
        "status nothing to train, one nothing_to_train event, no claim",
        String.format(
            "%s; %d nothing_to_train events; claims %s",
            run.describeEnd(), events.size(), Expect.list(run.claims())));
  }
}
