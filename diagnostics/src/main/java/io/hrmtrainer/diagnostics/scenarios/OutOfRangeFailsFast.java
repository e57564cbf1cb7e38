package io.hrmtrainer.diagnostics.scenarios;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.diagnostics.Scenario;
import io.hrmtrainer.diagnostics.ScenarioContext;
import io.hrmtrainer.diagnostics.ScenarioResult;
import io.hrmtrainer.diagnostics.evidence.BrainSnapshot;
import io.hrmtrainer.diagnostics.evidence.RunEvidence;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * On 3 blocks of 4 chunks, three runs must fail fast: a resume from block 7, a resume from chunk
 * (1, 9), and a new run from block 3 into an empty save directory. Each fails with {@link
 * InvalidInputException} naming the value and the valid range. None emits an event or changes a
 * byte of the brain.
 */
public final class OutOfRangeFailsFast implements Scenario {

  @Override
  public String name() {
    return "out-of-range-fails-fast";
  }

  @Override
  public String description() {
    return "a start position outside the dataset fails before any model is built, names the valid"
        + " range, and leaves the brain untouched";
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws IOException {
    Path dataset = context.newDataset("data.txt", 600);
    Path brain = context.brain("brain");
    ScenarioResult.Builder result = ScenarioResult.builder(this);
    RunEvidence setup = context.train(context.newConfig(dataset, brain).optMaxChunks(1).build());
    result.addRun("setup run, 1 chunk", setup);
    Expect.ended(result, "the setup run", setup, RunOutcome.Status.COMPLETED);

    TrainingConfig blockOutOfRange =
        context.newConfig(dataset, brain).optResume(true).optStartBlockId(7).build();
    checkRejected(
        result, context, "a resume from block 7", blockOutOfRange, List.of("start block 7", "(0-2)"));
    TrainingConfig chunkOutOfRange =
        context
            .newConfig(dataset, brain)
            .optResume(true)
            .optStartBlockId(1)
            .optStartChunkId(9)
            .build();
    checkRejected(
        result,
        context,
        "a resume from chunk (1, 9)",
        chunkOutOfRange,
        List.of("start chunk 9", "block 1", "(0-3)"));
    TrainingConfig newBrain =
        context.newConfig(dataset, context.brain("new-brain")).optStartBlockId(3).build();
    checkRejected(
        result, context, "a new run from block 3", newBrain, List.of("start block 3", "(0-2)"));
    return result.build();
  }

  private static void checkRejected(
      ScenarioResult.Builder result,
      ScenarioContext context,
      String label,
      TrainingConfig config,
      List<String> messageParts)
      throws IOException {

    BrainSnapshot before = BrainSnapshot.of(config.saveDir());
    RunEvidence run = context.train(config);
    List<String> changes = BrainSnapshot.of(config.saveDir()).changesSince(before);
    result.addRun(label, run);

    String message = run.error().map(Throwable::getMessage).orElse("");
    boolean invalidInput = run.error().filter(InvalidInputException.class::isInstance).isPresent();
    result.check(
        label + " fails with the value and the valid range in the message",
        invalidInput && messageParts.stream().allMatch(message::contains),
        "InvalidInputException with a message containing " + messageParts,
        run.describeEnd());
    result.check(
        label + " fails before the run starts",
        run.events().isEmpty(),
        "no telemetry event",
        Expect.names(run.events()));
    result.check(
        label + " leaves the brain untouched",
        changes.isEmpty(),
        String.format(
            before.exists() ? "%s unchanged, byte for byte" : "%s not created",
            config.saveDir().getFileName()),
        changes.isEmpty() ? "unchanged" : String.join(", ", changes));
  }
}
