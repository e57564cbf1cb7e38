package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.brain.BrainLayout;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioContext;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.driver.OneIntraOpThread;
import io.hrmtrainer.diagnostics.driver.SimulatedCrash;
import io.hrmtrainer.diagnostics.evidence.ParameterDifference;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The same 4 chunks from (0, 1), committed every 2 chunks, trained twice: once without a break,
 * and once killed inside the fourth chunk and resumed. Both must end at the same optimizer step
 * with parameters within {@value #TOLERANCE} of each other.
 *
 * <p>PyTorch runs with one intra-op thread during the scenario and is restored afterwards. With
 * several threads a reduction may be split differently from one call to the next, so the last
 * bits of a sum change and the comparison would measure thread scheduling, not resume.
 */
public final class ExactResume implements Scenario {

  /**
   * The maximum parameter difference accepted. With one intra-op thread the runs are expected to
   * be bit-identical, so the tolerance is a safety margin rather than an expected error.
   */
  public static final double TOLERANCE = 1e-6;

  private static final String MODEL_FILE = "model.params";
  private static final ChunkPosition START = ChunkPosition.of(0, 1);
  private static final int CHUNKS = 4;

  @Override
  public String name() {
    return "exact-resume";
  }

  @Override
  public String description() {
    return "an interrupted and resumed run ends with the same parameters as the uninterrupted run";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    return OneIntraOpThread.call(() -> compare(context));
  }

  private ScenarioResult compare(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 600);
    Path straightBrain = context.brain("uninterrupted");
    Path brokenBrain = context.brain("interrupted");
    SimulatedCrash crash = new SimulatedCrash(ChunkPosition.of(1, 0), 2);
    TrainingConfig straightConfig = config(context, dataset, straightBrain, false, CHUNKS);
    RunEvidence straight = context.train(straightConfig);
    RunEvidence killed = context.train(config(context, dataset, brokenBrain, false, CHUNKS), crash);
    RunEvidence resumed = context.train(config(context, dataset, brokenBrain, true, 2));

    ScenarioResult.Builder result = ScenarioResult.builder(this);
    result.addRun("uninterrupted run of " + CHUNKS + " chunks from " + START, straight);
    result.addRun("the same run with " + crash, killed);
    result.addRun("its resume, the remaining 2 chunks", resumed);
    Expect.ended(result, "the uninterrupted run", straight, RunOutcome.Status.COMPLETED);
    Expect.ended(result, "the killed run", killed, RunOutcome.Status.FAILED);
    Expect.ended(result, "the resume", resumed, RunOutcome.Status.COMPLETED);
    result.checkEqual(
        "both end at the same optimizer step",
        "step " + straight.outcome().map(RunOutcome::globalStep).orElse(-1L),
        "step " + resumed.outcome().map(RunOutcome::globalStep).orElse(-1L));
    checkParameters(
        result,
        straightConfig.model(),
        finalParameters(straight, straightBrain),
        finalParameters(resumed, brokenBrain));
    return result.build();
  }

  private static TrainingConfig config(
      ScenarioContext context, Path dataset, Path brain, boolean resume, int maxChunks) {

    return context
        .newConfig(dataset, brain)
        .optResume(resume)
        .optStartChunkId(START.chunkId())
        .optCheckpointIntervalChunks(2)
        .optMaxChunks(maxChunks)
        .build();
  }

  private static void checkParameters(
      ScenarioResult.Builder result,
      ModelSpec spec,
      Optional<byte[]> expected,
      Optional<byte[]> actual) {

    String required = String.format("max |difference| <= %.0e (bit-identical expected)", TOLERANCE);
    if (expected.isEmpty() || actual.isEmpty()) {
      result.check(
          "the resumed run ends with the uninterrupted run's parameters",
          false,
          required,
          "a final checkpoint is missing: " + (expected.isEmpty() ? "uninterrupted" : "resumed"));
      return;
    }
    ParameterDifference difference = ParameterDifference.between(expected.get(), actual.get(), spec);
    result.check(
        "the resumed run ends with the uninterrupted run's parameters",
        difference.maxAbsDifference() <= TOLERANCE,
        required,
        difference.describe());
  }

  private static Optional<byte[]> finalParameters(RunEvidence run, Path brain) throws IOException {
    Optional<String> checkpoint = run.outcome().flatMap(RunOutcome::lastCheckpoint);
    if (checkpoint.isEmpty()) {
      return Optional.empty();
    }
    Path file = BrainLayout.of(brain).checkpointsDir().resolve(checkpoint.get()).resolve(MODEL_FILE);
    return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }
}
