package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioContext;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A first run trains (0, 0) and (0, 1) and commits. A resume from (1, 2) must then load that
 * checkpoint, continue its optimizer step count, and claim from (1, 2) on.
 */
public final class ResumeStartsAtPosition implements Scenario {

  private static final ChunkPosition START = ChunkPosition.of(1, 2);

  @Override
  public String name() {
    return "resume-starts-at-position";
  }

  @Override
  public String description() {
    return "a resume with a later start position loads the checkpoint and claims from that"
        + " position on";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 600);
    Path brain = context.brain("brain");
    RunEvidence first = context.train(context.newConfig(dataset, brain).optMaxChunks(2).build());
    RunEvidence resume =
        context.train(
            context
                .newConfig(dataset, brain)
                .optResume(true)
                .optStartBlockId(START.blockId())
                .optStartChunkId(START.chunkId())
                .optMaxChunks(2)
                .build());

    ScenarioResult.Builder result = ScenarioResult.builder(this);
    result.addRun("first run from (0, 0), 2 chunks", first);
    result.addRun("resume from " + START + ", at most 2 chunks", resume);
    Expect.ended(result, "the first run", first, RunOutcome.Status.COMPLETED);
    Expect.ended(result, "the resume", resume, RunOutcome.Status.COMPLETED);
    checkLoadsCheckpoint(result, first, resume);
    Expect.startEventAt(result, "the resume", resume, START);
    Expect.firstClaimAt(result, "the resume", resume, START);
    Expect.nothingBefore(result, "the resume", resume, START);
    checkStepContinues(result, first, resume);
    return result.build();
  }

  private static void checkLoadsCheckpoint(
      ScenarioResult.Builder result, RunEvidence first, RunEvidence resume) {

    String committed = first.outcome().flatMap(RunOutcome::lastCheckpoint).orElse("none");
    String loaded = Expect.startField(resume, "checkpoint");
    result.check(
        "the resume loads the first run's checkpoint",
        "true".equals(Expect.startField(resume, "resume")) && loaded.equals(committed),
        String.format("resume=true, checkpoint=%s", committed),
        String.format("resume=%s, checkpoint=%s", Expect.startField(resume, "resume"), loaded));
  }

  /** Loaded weights come with their counters: the first chunk ends past the first run's steps. */
  private static void checkStepContinues(
      ScenarioResult.Builder result, RunEvidence first, RunEvidence resume) {

    long firstSteps = first.outcome().map(RunOutcome::globalStep).orElse(0L);
    Optional<Object> step =
        resume.events(EventNames.CHUNK_TRAINED).stream()
            .findFirst()
            .flatMap((TelemetryEvent event) -> event.field("global_step"));
    boolean passed = firstSteps > 0 && step.filter(Number.class::isInstance)
        .map(value -> ((Number) value).longValue() > firstSteps)
        .orElse(false);
    result.check(
        "the resume continues the checkpoint's optimizer step count",
        passed,
        String.format("first chunk_trained at a global_step above %d", firstSteps),
        step.map(value -> "first chunk_trained at global_step " + value)
            .orElse("no chunk_trained with a global_step"));
  }
}
