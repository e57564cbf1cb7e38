package io.hrmtrainer.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.config.DatasetFormatOption;
import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class TrainOptionsTest {

  private static final String[] REQUIRED = {
    "--dataset-file", "data/train.txt", "--save-dir", "brains/tiny"
  };

  /** Parses the required options followed by {@code extra}. */
  private static TrainingConfig parseWith(String... extra) {
    List<String> args = new ArrayList<>(Arrays.asList(REQUIRED));
    args.addAll(Arrays.asList(extra));
    return TrainOptions.parse(args.toArray(String[]::new));
  }

  private static String inputError(String... extra) {
    return assertThrows(InvalidInputException.class, () -> parseWith(extra)).getMessage();
  }

  private static String parseError(String... extra) {
    return assertThrows(ParameterException.class, () -> parseWith(extra)).getMessage();
  }

  @Test
  void requiredOptionsAloneGiveDefaults() {
    TrainingConfig config = parseWith();

    TrainingConfig expected =
        TrainingConfig.builder()
            .setDatasetFile(Path.of("data/train.txt"))
            .setSaveDir(Path.of("brains/tiny"))
            .build();
    assertThat(config).isEqualTo(expected);
  }

  @Test
  void missingDatasetFileGetsCoreMessage() {
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> TrainOptions.parse("--save-dir", "brain"));

    assertThat(error).hasMessageStartingWith("--dataset-file is missing (dataset_file in JSON)");
  }

  @Test
  void unknownOptionIsParseError() {
    ParameterException error =
        assertThrows(ParameterException.class, () -> parseWith("--lerning-rate", "0.1"));

    assertThat(error).isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Nested
  class StartIds {

    @Test
    void idsAreParsed() {
      TrainingConfig config = parseWith("--start-block-id", "3", "--start-chunk-id", "12");

      assertThat(config.startBlockId()).isEqualTo(3);
      assertThat(config.startChunkId()).isEqualTo(12);
    }

    @Test
    void blockBeyondIntIsTooLarge() {
      String message = inputError("--start-block-id", "99999999999");

      assertThat(message)
          .isEqualTo("start block 99999999999 is too large: expected at most 2147483647");
    }

    @Test
    void blockBeyondLongIsTooLarge() {
      String message = inputError("--start-block-id", "99999999999999999999999");

      assertThat(message)
          .isEqualTo(
              "start block 99999999999999999999999 is too large: expected at most 2147483647");
    }

    @Test
    void lettersAreNotWholeNumber() {
      String message = inputError("--start-block-id", "abc");

      assertThat(message)
          .isEqualTo(
              "start block 'abc' is not a whole number: expected digits only, such as 0 or 12");
    }

    @Test
    void negativeChunkIsInvalid() {
      String message = inputError("--start-chunk-id", "-1");

      assertThat(message).isEqualTo("start chunk -1 is invalid: expected a whole number >= 0");
    }

    @Test
    void attachedNegativeChunkIsInvalid() {
      String message = inputError("--start-chunk-id=-4");

      assertThat(message).isEqualTo("start chunk -4 is invalid: expected a whole number >= 0");
    }
  }

  @Nested
  class NumericValues {

    @Test
    void zeroBatchSizeGetsCoreMessage() {
      String message = inputError("--batch-size", "0");

      assertThat(message)
          .isEqualTo(
              "--batch-size 0 is out of range: expected a whole number of samples >= 1"
                  + " (batch_size in JSON). Fix: pass --batch-size 1 or more.");
    }

    @Test
    void batchSizeBeyondIntGetsCoreMessage() {
      String message = inputError("--batch-size", "99999999999");

      assertThat(message)
          .startsWith(
              "--batch-size 99999999999 is out of range: expected a whole number of samples from"
                  + " 1 to 2147483647");
    }

    @Test
    void lettersInWholeNumberAreParseError() {
      String message = parseError("--batch-size", "abc");

      assertThat(message)
          .isEqualTo(
              "Invalid value for option '--batch-size': 'abc' is not a whole number: expected"
                  + " digits only, such as 16");
    }

    @Test
    void wholeNumberBeyondLongIsParseError() {
      String message = parseError("--seed", "99999999999999999999");

      assertThat(message)
          .isEqualTo(
              "Invalid value for option '--seed': '99999999999999999999' is too large: expected"
                  + " a whole number from -9223372036854775808 to 9223372036854775807");
    }

    @Test
    void lettersInDecimalAreParseError() {
      String message = parseError("--lr", "fast");

      assertThat(message)
          .isEqualTo(
              "Invalid value for option '--lr': 'fast' is not a number: expected a decimal such"
                  + " as 0.001 or 1e-3");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
      "--lr, NaN, --lr NaN is out of range",
      "--lr, -1e-3, --lr -0.001 is out of range",
      "--min-lr-ratio, 2, --min-lr-ratio 2.0 is out of range",
      "--weight-decay, Infinity, --weight-decay Infinity is out of range",
      "--grad-clip-norm, 0, --grad-clip-norm 0.0 is out of range",
      "--mlp-expansion, 0, --mlp-expansion 0.0 is out of range",
      "--max-seq-len, 4, --max-seq-len 4 is out of range",
      "--warmup-steps, -1, --warmup-steps -1 is out of range",
      "--lr-decay-steps, 0, --lr-decay-steps 0 is out of range",
      "--epochs, 0, --epochs 0 is out of range",
      "--max-chunks, 0, --max-chunks 0 is out of range",
      "--checkpoint-every, 0, --checkpoint-every 0 is out of range",
      "--keep-checkpoints, 0, --keep-checkpoints 0 is out of range",
      "--workers, 257, --workers 257 is out of range",
      "--samples-per-block, 0, --samples-per-block 0 is out of range",
      "--dataset-chunk-size, 200000, --dataset-chunk-size 200000 is larger than",
      "--hidden-size, 0, --hidden-size 0 is out of range",
      "--num-heads, 3, --hidden-size 64 is not a multiple of --num-heads 3",
      "--h-layers, 0, --h-layers 0 is out of range",
      "--l-cycles, 5000000000, --l-cycles 5000000000 is out of range",
      "--device, tpu, --device 'tpu' is not a known device",
      "--model-preset, huge, --model-preset 'huge' is not a known preset",
      "--dataset-format, csv, --dataset-format 'csv' is not a known format",
    })
    void invalidValueGetsCoreMessage(String flag, String value, String expectedStart) {
      String message = inputError(flag + "=" + value);

      assertThat(message).startsWith(expectedStart);
    }
  }

  @Nested
  class Model {

    @Test
    void presetIsUsedWithoutOverrides() {
      TrainingConfig config = parseWith("--model-preset", "base");

      assertThat(config.modelPreset()).isEqualTo(ModelPreset.BASE);
      assertThat(config.model()).isEqualTo(ModelPreset.BASE.spec());
    }

    @Test
    void sizeFlagsOverrideSingleValues() {
      TrainingConfig config =
          parseWith("--model-preset", "small", "--hidden-size", "128", "--l-cycles", "3");

      assertThat(config.modelPreset()).isEqualTo(ModelPreset.SMALL);
      assertThat(config.model()).isEqualTo(new ModelSpec(128, 4, 2, 2, 2, 3, 4.0));
    }

    @Test
    void oddHeadWidthGetsCoreMessage() {
      String message = inputError("--hidden-size", "36");

      assertThat(message)
          .startsWith("--hidden-size 36 with --num-heads 4 gives an odd head width of 9");
    }
  }

  @Nested
  class Lists {

    @Test
    void textFieldsKeepOrder() {
      TrainingConfig config = parseWith("--text-field", "title", "--text-field", "body");

      assertThat(config.textFields()).containsExactly("title", "body");
    }

    @Test
    void cudaIdsSplitOnCommas() {
      TrainingConfig config = parseWith("--cuda-ids", "0,1,2");

      assertThat(config.cudaIds()).containsExactly(0, 1, 2);
    }

    @Test
    void repeatedCudaIdsFlagAppends() {
      TrainingConfig config = parseWith("--cuda-ids", "3", "--cuda-ids", "1");

      assertThat(config.cudaIds()).containsExactly(3, 1);
    }

    @Test
    void nonNumericCudaIdIsRejected() {
      String message = inputError("--cuda-ids", "0,x");

      assertThat(message)
          .isEqualTo(
              "--cuda-ids 'x' is not a whole number: expected comma-separated GPU ids such as"
                  + " 0,1,2");
    }

    @Test
    void negativeCudaIdGetsCoreMessage() {
      String message = inputError("--cuda-ids=-1");

      assertThat(message).startsWith("--cuda-ids -1 is out of range");
    }

    @Test
    void hugeCudaIdIsTooLarge() {
      String message = inputError("--cuda-ids", "99999999999999999999");

      assertThat(message)
          .isEqualTo(
              "--cuda-ids 99999999999999999999 is too large: expected GPU ids from 0 to"
                  + " 2147483647");
    }
  }

  @Nested
  class Flags {

    @Test
    void resumeFromImpliesResume() {
      TrainingConfig config = parseWith("--resume-from", "ckpt-000012");

      assertThat(config.isResume()).isTrue();
      assertThat(config.resumeFrom()).contains("ckpt-000012");
    }

    @Test
    void booleanFlagsAreSet() {
      TrainingConfig config = parseWith("--resume", "--force-train", "--parallel-independent");

      assertThat(config.isResume()).isTrue();
      assertThat(config.isForceTrain()).isTrue();
      assertThat(config.isParallelIndependent()).isTrue();
    }

    @Test
    void datasetFormatIgnoresCase() {
      TrainingConfig config = parseWith("--dataset-format", "JSONL");

      assertThat(config.datasetFormat()).isEqualTo(DatasetFormatOption.JSONL);
    }

    @Test
    void optionalPathsAreKeptAsGiven() {
      TrainingConfig config =
          parseWith("--log-file", "logs/my run.jsonl", "--stop-file", "../STOP");

      assertThat(config.logFile()).contains(Path.of("logs/my run.jsonl"));
      assertThat(config.stopFile()).contains(Path.of("../STOP"));
    }
  }

  @Nested
  class Help {

    /** The usage text with line breaks and indentation collapsed to single spaces. */
    private final String usage =
        new CommandLine(new TrainOptions.OptionsOnlyCommand())
            .getUsageMessage(CommandLine.Help.Ansi.OFF)
            .replaceAll("\\s+", " ");

    @Test
    void usageListsEveryFlagOfCliArgs() {
      TrainingConfig config =
          parseWith(
              "--resume-from", "c", "--force-train", "--max-chunks", "2", "--log-file", "l",
              "--stop-file", "s", "--parallel-independent", "--cuda-ids", "0");

      List<String> flags =
          config.toCliArgs().stream()
              .filter(arg -> arg.startsWith("--"))
              .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
              .toList();

      assertThat(flags).hasSizeGreaterThan(35);
      assertThat(flags).allSatisfy(flag -> assertThat(usage).contains(flag));
    }

    @Test
    void usageShowsDefaults() {
      assertThat(usage).contains("Samples per optimizer step. Default: 16.");
      assertThat(usage).contains("Default: 100000.");
      assertThat(usage).contains("Peak learning rate, reached at the end of warm-up.");
      assertThat(usage).contains("Default: 0.001.");
      assertThat(usage).contains("Default: tiny.");
      assertThat(usage).contains("Default: cpu.");
    }

    @Test
    void usageShowsParameterLabels() {
      assertThat(usage).contains("--max-seq-len=<tokens>");
      assertThat(usage).contains("--start-block-id=<block>");
      assertThat(usage).contains("--cuda-ids=<id>[,<id>...]");
    }
  }
}
