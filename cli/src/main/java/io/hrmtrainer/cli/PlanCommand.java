package io.hrmtrainer.cli;

import io.hrmtrainer.cli.options.TrainOptions;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.dataset.ManifestCache;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import io.hrmtrainer.tracker.resolve.RunResolver;
import io.hrmtrainer.trainergpu.run.DeviceAssignment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hrm-hf plan}: resolves the run that {@code train} would start with the same options and
 * prints the dataset layout and the plan, without building a model or writing to the brain.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Print the layout and the run plan that 'train' would follow.",
      "Builds no model and writes nothing into the brain directory."
    })
final class PlanCommand implements Callable<Integer> {

  @Mixin TrainOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TrainingConfig config = options.toConfig();
    PrintWriter out = spec.commandLine().getOut();
    ManifestProgress progress = new ManifestProgress(spec.commandLine().getErr());
    ResolvedRun run;
    try {
      run = new RunResolver(new ManifestCache()).resolve(config, progress);
    } finally {
      // Also on an error, so that its message starts on a line of its own.
      progress.finish();
    }
    PlanPrinter.print(
        run,
        DeviceAssignment.resolve(config).stream().map(DeviceAssignment::nameOf).toList(),
        out);
    out.println("command:          hrm-hf train " + String.join(" ", config.toCliArgs()));
    out.flush();
    return ExitCode.OK;
  }
}
