package io.hrmtrainer.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.hrmtrainer.core.config.ModelPreset;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.core.config.TrainingDefaults;
import io.hrmtrainer.trainergpu.data.BatchIterator;
import io.hrmtrainer.trainergpu.data.ByteTokenizer;
import io.hrmtrainer.trainergpu.data.ShuffleSeeds;
import io.hrmtrainer.trainergpu.data.TokenBatch;
import io.hrmtrainer.trainergpu.model.GradientMode;
import io.hrmtrainer.trainergpu.model.HrmModel;
import io.hrmtrainer.trainergpu.model.LanguageModelLoss;
import io.hrmtrainer.trainergpu.model.internal.GradientScope;
import io.hrmtrainer.trainergpu.model.internal.NoGradScope;
import io.hrmtrainer.trainergpu.optim.AdamW;
import io.hrmtrainer.trainergpu.optim.AdamWSettings;
import io.hrmtrainer.trainergpu.optim.GradientClipping;
import io.hrmtrainer.trainergpu.optim.LearningRateSchedule;
import io.hrmtrainer.trainergpu.optim.StepResult;
import io.hrmtrainer.trainergpu.optim.TrainingStep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures training throughput of one model replica on the CPU: the optimizer steps a worker
 * runs, on batches cut from a text file's samples the way a worker cuts a chunk.
 *
 * <p>Usage: {@code TrainingBench [--preset tiny] [--threads 2] [--batch-size 16] [--seq-len 64]
 * [--warmup-steps 30] [--steps 50] [--repeats 7] [--dataset samples/tinyshakespeare.txt]
 * [--profile true]}. The model, optimizer and step are built as {@code ModelReplica} builds them
 * with the default hyper-parameters. Each step runs {@link TrainingStep#run(TokenBatch)} on a
 * batch from {@link BatchIterator}, whose samples are shuffled per chunk of 1000 samples as in
 * training. After the warm-up steps, each repeat times {@code --steps} steps and reports tokens
 * per second ({@code batch * seqLen} tokens per step, padding included) and samples per second.
 *
 * <p>With {@code --profile true} a second pass runs the same step split into phases: batch
 * preparation, copy to native memory, forward with loss, backward, clipping and AdamW. It reports
 * the median time per phase, so the slow part shows. {@code scripts/bench-training.sh} runs this
 * class next to the PyTorch reference in {@code bench/pytorch/hrm_reference.py}.
 */
public final class TrainingBench {

  private static final int CHUNK_SAMPLES = 1000;

  /**
   * The benchmark settings.
   *
   * @param preset The model size.
   * @param threads PyTorch intra-op threads.
   * @param batchSize Rows per batch.
   * @param seqLen Tokens per row.
   * @param warmupSteps Untimed steps before the first repeat.
   * @param steps Timed steps per repeat.
   * @param repeats Timed repeats.
   * @param dataset The text file whose non-blank lines are the samples.
   * @param profile Whether to time the phases of a step as well.
   */
  public record Options(
      ModelPreset preset,
      int threads,
      int batchSize,
      int seqLen,
      int warmupSteps,
      int steps,
      int repeats,
      Path dataset,
      boolean profile) {

    /** Returns the defaults: tiny, 2 threads, 16 x 64, 30 warm-up steps, 7 repeats of 50. */
    public static Options defaults() {
      return new Options(
          ModelPreset.TINY, 2, 16, 64, 30, 50, 7, Path.of("samples/tinyshakespeare.txt"), false);
    }

    /**
     * Reads {@code --name value} pairs over the defaults.
     *
     * @throws IllegalArgumentException for an unknown flag or a missing value.
     */
    public static Options parse(String... args) {
      Options parsed = defaults();
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "flag " + args[i] + " is missing its value: expected " + args[i] + " <value>");
        }
        parsed = parsed.with(args[i], args[i + 1]);
      }
      return parsed;
    }

    private Options with(String flag, String value) {
      switch (flag) {
        case "--preset":
          return new Options(ModelPreset.parse(value), threads, batchSize, seqLen, warmupSteps,
              steps, repeats, dataset, profile);
        case "--threads":
          return new Options(preset, Integer.parseInt(value), batchSize, seqLen, warmupSteps,
              steps, repeats, dataset, profile);
        case "--batch-size":
          return new Options(preset, threads, Integer.parseInt(value), seqLen, warmupSteps,
              steps, repeats, dataset, profile);
        case "--seq-len":
          return new Options(preset, threads, batchSize, Integer.parseInt(value), warmupSteps,
              steps, repeats, dataset, profile);
        case "--warmup-steps":
          return new Options(preset, threads, batchSize, seqLen, Integer.parseInt(value),
              steps, repeats, dataset, profile);
        case "--steps":
          return new Options(preset, threads, batchSize, seqLen, warmupSteps,
              Integer.parseInt(value), repeats, dataset, profile);
        case "--repeats":
          return new Options(preset, threads, batchSize, seqLen, warmupSteps, steps,
              Integer.parseInt(value), dataset, profile);
        case "--dataset":
          return new Options(preset, threads, batchSize, seqLen, warmupSteps, steps, repeats,
              Path.of(value), profile);
        case "--profile":
          return new Options(preset, threads, batchSize, seqLen, warmupSteps, steps, repeats,
              dataset, Boolean.parseBoolean(value));
        default:
          throw new IllegalArgumentException(
              "unknown flag " + flag + ": expected --preset, --threads, --batch-size, --seq-len,"
                  + " --warmup-steps, --steps, --repeats, --dataset or --profile");
      }
    }
  }

  private TrainingBench() {}

  /** Runs the benchmark with the flags described in the class comment and prints the results. */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    // The intra-op thread count must be set before the engine loads.
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.threads()));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    run(options, System.out);
  }

  /** Runs the benchmark and prints one line per repeat and a summary to {@code out}. */
  public static void run(Options options, PrintStream out) throws IOException {
    List<String> samples = readSamples(options.dataset());
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(options.threads());
    ModelSpec spec = options.preset().spec();
    out.printf(Locale.ROOT, "engine: %s %s, intra-op threads %d, java %s%n",
        engine.getEngineName(), engine.getVersion(), JniUtils.getNumThreads(),
        System.getProperty("java.version"));
    out.printf(Locale.ROOT, "preset %s: %s%n", options.preset().cliName(), spec);

    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      HrmModel model = new HrmModel(spec, ByteTokenizer.VOCAB_SIZE, GradientMode.ONE_STEP);
      model.initializeSeeded(manager, TrainingDefaults.SEED);
      out.printf(Locale.ROOT, "parameters: %d%n", model.parameterCount());
      try (AdamW optimizer = AdamW.newInstance(model, manager,
          AdamWSettings.defaults().withWeightDecay(TrainingDefaults.WEIGHT_DECAY))) {
        LearningRateSchedule schedule = new LearningRateSchedule(TrainingDefaults.LEARNING_RATE,
            TrainingDefaults.WARMUP_STEPS, TrainingDefaults.LR_DECAY_STEPS,
            TrainingDefaults.MIN_LR_RATIO);
        TrainingStep step =
            new TrainingStep(model, optimizer, schedule, TrainingDefaults.GRAD_CLIP_NORM);
        Batches batches = new Batches(samples, new ByteTokenizer(options.seqLen()),
            options.batchSize());
        int arraysBefore = manager.getManagedArrays().size();
        long rssBefore = residentKilobytes();
        Timings timings = measure(options, step, batches, out);
        printSummary(options, timings, out);
        out.printf(Locale.ROOT, "leak check over the timed steps: NDArrays in the model's manager"
                + " %d -> %d, resident memory %d -> %d MB%n", arraysBefore,
            manager.getManagedArrays().size(), rssBefore / 1024, residentKilobytes() / 1024);
        if (options.profile()) {
          profile(options, model, optimizer, schedule, batches, out);
          traceNative(step, batches, out);
        }
      }
    }
  }

  private static Timings measure(Options options, TrainingStep step, Batches batches,
      PrintStream out) {

    float loss = Float.NaN;
    for (int i = 0; i < options.warmupSteps(); i++) {
      loss = step.run(batches.next()).loss();
    }
    out.printf(Locale.ROOT, "warm-up: %d steps, loss %.4f%n", options.warmupSteps(), loss);
    Timings timings = new Timings();
    long tokensPerStep = (long) options.batchSize() * options.seqLen();
    for (int repeat = 0; repeat < options.repeats(); repeat++) {
      long start = System.nanoTime();
      StepResult last = null;
      for (int i = 0; i < options.steps(); i++) {
        last = step.run(batches.next());
      }
      long elapsed = System.nanoTime() - start;
      timings.add(elapsed);
      double seconds = elapsed / 1e9;
      out.printf(Locale.ROOT, "repeat %d: %d steps in %.3f s: %.0f tokens/s, %.1f samples/s,"
              + " %.2f ms/step, loss %.4f, resident %d MB%n",
          repeat + 1, options.steps(), seconds, tokensPerStep * options.steps() / seconds,
          (double) options.batchSize() * options.steps() / seconds,
          elapsed / 1e6 / options.steps(), last.loss(), residentKilobytes() / 1024);
    }
    return timings;
  }

  private static void printSummary(Options options, Timings timings, PrintStream out) {
    double tokensPerRepeat = (double) options.batchSize() * options.seqLen() * options.steps();
    double samplesPerRepeat = (double) options.batchSize() * options.steps();
    out.printf(Locale.ROOT,
        "RESULT java preset=%s threads=%d batch=%d seq=%d: tokens/s median %.0f min %.0f max %.0f;"
            + " samples/s median %.1f min %.1f max %.1f; ms/step median %.2f (n=%d)%n",
        options.preset().cliName(), options.threads(), options.batchSize(), options.seqLen(),
        tokensPerRepeat / (timings.medianNanos() / 1e9),
        tokensPerRepeat / (timings.maxNanos() / 1e9),
        tokensPerRepeat / (timings.minNanos() / 1e9),
        samplesPerRepeat / (timings.medianNanos() / 1e9),
        samplesPerRepeat / (timings.maxNanos() / 1e9),
        samplesPerRepeat / (timings.minNanos() / 1e9),
        timings.medianNanos() / 1e6 / options.steps(), timings.count());
  }

  /**
   * Runs the steps of {@link TrainingStep} one phase at a time and prints the median per phase.
   * The phases follow {@code TrainingStep.run(TokenBatch)}; the total is a little higher than a
   * plain step because reading the loss and the norm synchronises after each phase.
   */
  private static void profile(Options options, HrmModel model, AdamW optimizer,
      LearningRateSchedule schedule, Batches batches, PrintStream out) {

    String[] names = {"batch (tokenize)", "to native", "forward + loss", "backward",
        "clip", "adamw + zero grad"};
    List<Timings> phases = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      phases.add(new Timings());
    }
    int total = options.steps() * Math.max(1, options.repeats() / 2);
    for (int s = 0; s < total; s++) {
      long t0 = System.nanoTime();
      TokenBatch batch = batches.next();
      long t1 = System.nanoTime();
      try (NDManager step = model.parameterManager().newSubManager()) {
        NDArray ids = batch.toNDArray(step);
        long t2 = System.nanoTime();
        List<NDArray> parameters = model.parameterArrays();
        step.tempAttachAll(parameters.toArray(new NDArray[0]));
        GradientScope.zeroGradients(parameters);
        long t3;
        long t4;
        try (GradientScope scope = GradientScope.open(step)) {
          NDList outputs = model.forward(new ParameterStore(step, false), new NDList(ids), true);
          NDArray loss = LanguageModelLoss.nextToken(outputs.head(), ids);
          loss.getFloat();
          t3 = System.nanoTime();
          scope.backward(loss);
          parameters.get(0).getGradient().getFloat(0, 0);
          t4 = System.nanoTime();
        }
        List<NDArray> gradients = new ArrayList<>();
        try (NoGradScope scope = NoGradScope.open(step)) {
          for (NDArray parameter : parameters) {
            NDArray gradient = parameter.getGradient();
            gradient.attach(step);
            gradients.add(gradient);
          }
          GradientClipping.clipByGlobalNorm(gradients, TrainingDefaults.GRAD_CLIP_NORM);
        }
        long t5 = System.nanoTime();
        optimizer.update(step, schedule.learningRate(optimizer.stepCount()));
        GradientScope.zeroGradients(parameters);
        long t6 = System.nanoTime();
        long[] marks = {t0, t1, t2, t3, t4, t5, t6};
        for (int p = 0; p < names.length; p++) {
          phases.get(p).add(marks[p + 1] - marks[p]);
        }
      }
    }
    out.printf(Locale.ROOT, "profile over %d steps (median per step):%n", total);
    double sum = 0;
    for (int p = 0; p < names.length; p++) {
      sum += phases.get(p).medianNanos();
    }
    for (int p = 0; p < names.length; p++) {
      double median = phases.get(p).medianNanos();
      out.printf(Locale.ROOT, "  %-18s %8.3f ms  %5.1f%%%n", names[p], median / 1e6,
          100 * median / sum);
    }
  }

  /**
   * Records PyTorch's own profiler over ten steps into {@code bench-data/djl-trace.json} (Chrome
   * trace format), which {@code bench/pytorch/trace_summary.py} sums per operator.
   */
  private static void traceNative(TrainingStep step, Batches batches, PrintStream out) {
    Path trace = Path.of("bench-data", "djl-trace.json").toAbsolutePath();
    JniUtils.startProfile(false, false, false);
    for (int i = 0; i < 10; i++) {
      step.run(batches.next());
    }
    JniUtils.stopProfile(trace.toString());
    out.printf(Locale.ROOT, "native trace of 10 steps: %s%n", trace);
  }

  /** Returns VmRSS of this process from {@code /proc/self/status}, or -1 where unavailable. */
  private static long residentKilobytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static List<String> readSamples(Path dataset) throws IOException {
    List<String> samples = new ArrayList<>();
    for (String line : Files.readAllLines(dataset, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        samples.add(line);
      }
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(
          "the dataset " + dataset + " has no non-blank line: pass a text file with samples");
    }
    return samples;
  }

  /** Endless batches: the samples cut into chunks, each shuffled and batched as in training. */
  private static final class Batches {
    private final List<String> samples;
    private final ByteTokenizer tokenizer;
    private final int batchSize;
    private int chunk;
    private BatchIterator current;

    Batches(List<String> samples, ByteTokenizer tokenizer, int batchSize) {
      this.samples = samples;
      this.tokenizer = tokenizer;
      this.batchSize = batchSize;
    }

    TokenBatch next() {
      while (current == null || !current.hasNext()) {
        int chunks = (samples.size() + CHUNK_SAMPLES - 1) / CHUNK_SAMPLES;
        int from = (chunk % chunks) * CHUNK_SAMPLES;
        List<String> chunkSamples =
            samples.subList(from, Math.min(samples.size(), from + CHUNK_SAMPLES));
        long seed = ShuffleSeeds.forChunk(TrainingDefaults.SEED, 0, 0, chunk % chunks);
        current = BatchIterator.forChunk(chunkSamples, tokenizer, batchSize, seed);
        chunk++;
      }
      TokenBatch batch = current.next();
      // A short last batch of a chunk would make steps unequal; skip it.
      return batch.size() == batchSize ? batch : next();
    }
  }
}
