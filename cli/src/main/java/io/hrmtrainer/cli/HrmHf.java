package io.hrmtrainer.cli;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.brain.BrainInUseException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The {@code hrm-hf} command: trains HRM language models from an explicit start position and
 * reports on brains and their checkpoints.
 *
 * <p>Exit codes are those of {@link ExitCode}. Errors go to stderr as one message, and {@code
 * --verbose} adds the stack trace.
 */
@Command(
    name = "hrm-hf",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Train HRM language models over datasets cut into blocks and chunks.",
    subcommands = {
      TrainCommand.class,
      PlanCommand.class,
      StatusCommand.class,
      CheckpointsCommand.class,
      DiagnoseCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:internal error",
      "2:invalid input",
      "3:nothing to train (every chunk at or after the start position is already trained)",
      "4:brain in use by another run",
      "130:interrupted by Ctrl-C"
    })
public final class HrmHf {

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors and log at INFO level.")
  boolean verbose;

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code, without exiting; tests call this. */
  public static int run(String... args) {
    return run(newCommandLine(), args);
  }

  /**
   * Runs the tool with command output going to {@code out} and errors, progress and the plan going
   * to {@code err}, and returns the exit code without exiting. Both writers are flushed before it
   * returns.
   */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = newCommandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return run(commandLine, args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int run(CommandLine commandLine, String... args) {
    if (isVerbose(args)) {
      System.setProperty("hrm.log.level", "INFO");
    }
    return commandLine.execute(args);
  }

  /** Creates the configured command line, with our error handlers and exit codes. */
  static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new HrmHf());
    commandLine.setExecutionExceptionHandler(HrmHf::handleExecutionException);
    commandLine.setParameterExceptionHandler(HrmHf::handleParameterException);
    return commandLine;
  }

  private static boolean isVerbose(String[] args) {
    for (String arg : args) {
      if (arg.equals("-v") || arg.equals("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {

    PrintWriter err = commandLine.getErr();
    boolean verbose = commandLine.getCommandSpec().root().userObject() instanceof HrmHf root
        && root.verbose;
    int code = exitCodeOf(exception);
    err.println("hrm-hf: error: " + messageOf(exception));
    if (verbose) {
      exception.printStackTrace(err);
    } else if (code == ExitCode.INTERNAL_ERROR) {
      err.println("hrm-hf: run again with --verbose for the stack trace");
    }
    err.flush();
    return code;
  }

  private static int handleParameterException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    Throwable cause = exception.getCause();
    String message =
        cause instanceof InvalidInputException ? cause.getMessage() : exception.getMessage();
    err.println("hrm-hf: error: " + message);
    err.printf("Run '%s --help' for the options.%n", commandLine.getCommandSpec().qualifiedName());
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof InvalidInputException) {
      return ExitCode.INVALID_INPUT;
    }
    if (exception instanceof BrainInUseException) {
      return ExitCode.BRAIN_IN_USE;
    }
    return ExitCode.INTERNAL_ERROR;
  }

  private static String messageOf(Throwable exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      return exception.getClass().getName();
    }
    return exitCodeOf(exception) == ExitCode.INTERNAL_ERROR
        ? exception.getClass().getSimpleName() + ": " + message
        : message;
  }
}
