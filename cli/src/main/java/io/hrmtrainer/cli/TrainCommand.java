package io.hrmtrainer.cli;

import ai.djl.Device;
import io.hrmtrainer.cli.options.TrainOptions;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.DeviceAssignment;
import io.hrmtrainer.trainergpu.run.RunOutcome;
import io.hrmtrainer.trainergpu.run.StopSignal;
import io.hrmtrainer.trainergpu.run.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code hrm-hf train}: resolves the run, prints the plan, trains with a progress bar, and exits
 * with the outcome's code.
 *
 * <p>The first Ctrl-C stops gracefully (the current chunk finishes, then a commit), the second
 * immediately (the current chunk is abandoned, then a commit).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train an HRM model from a start position (block, chunk).",
      "A new run starts with fresh weights; --resume continues from the newest valid checkpoint.",
      "Chunks that the ledger has trained are skipped unless --force-train is given."
    })
final class TrainCommand implements Callable<Integer> {

  @Mixin TrainOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TrainingConfig config = options.toConfig();
    PrintWriter err = spec.commandLine().getErr();
    ResolvedRun run = resolve(config, err);
    List<Device> devices = DeviceAssignment.resolve(config);
    PlanPrinter.print(run, devices.stream().map(DeviceAssignment::nameOf).toList(), err);

    StopSignal stop = new StopSignal(config.stopFile());
    AtomicBoolean interrupted = new AtomicBoolean();
    installInterruptHandler(stop, interrupted, err);
    ProgressBar progress = ProgressBar.on(err);
    RunOutcome outcome =
        TrainingRun.builder(run).optListener(progress).optStopSignal(stop).build().execute();
    progress.endLine();
    printOutcome(outcome, spec.commandLine().getOut());
    return exitCode(outcome, interrupted.get());
  }

  private static ResolvedRun resolve(TrainingConfig config, PrintWriter err) {
    ManifestProgress manifestProgress = new ManifestProgress(err);
    try {
      return new RunResolver(new ManifestCache()).resolve(config, manifestProgress);
    } finally {
      // Also on an error, so that its message starts on a line of its own.
      manifestProgress.finish();
    }
  }

  private static void installInterruptHandler(
      StopSignal stop, AtomicBoolean interrupted, PrintWriter err) {

    Signal.handle(
        new Signal("INT"),
        signal -> {
          interrupted.set(true);
          StopSignal.Level level = stop.escalate("interrupted by Ctrl-C");
          err.println(
              level == StopSignal.Level.IMMEDIATE
                  ? "\nstopping now: abandoning the current chunk, then committing"
                  : "\nstopping after the current chunk (press Ctrl-C again to stop now)");
          err.flush();
        });
  }

  private static void printOutcome(RunOutcome outcome, PrintWriter out) {
    if (outcome.status() == RunOutcome.Status.NOTHING_TO_TRAIN) {
      // No counters: nothing was trained, and the message states why and what to do.
      out.println(outcome.message());
      out.flush();
      return;
    }
    out.printf(
        Locale.ROOT,
        "%s: %d chunks trained, %d skipped, optimizer step %d, last checkpoint %s%n",
        outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        outcome.chunksTrained(),
        outcome.chunksSkipped(),
        outcome.globalStep(),
        outcome.lastCheckpoint().orElse("none"));
    if (outcome.firstChunkMeanLoss().isPresent()) {
      out.printf(
          Locale.ROOT,
          "mean loss: first chunk %.4f, last chunk %.4f (nats per token)%n",
          outcome.firstChunkMeanLoss().getAsDouble(),
          outcome.lastChunkMeanLoss().getAsDouble());
    }
    if (outcome.status() != RunOutcome.Status.COMPLETED) {
      out.println(outcome.message());
    }
    out.flush();
  }

  private static int exitCode(RunOutcome outcome, boolean interrupted) {
    return switch (outcome.status()) {
      case COMPLETED -> ExitCode.OK;
      case NOTHING_TO_TRAIN -> ExitCode.NOTHING_TO_TRAIN;
      case STOPPED -> interrupted ? ExitCode.INTERRUPTED : ExitCode.OK;
      case FAILED -> ExitCode.INTERNAL_ERROR;
    };
  }
}
