package io.hrmtrainer.trainergpu.run;

import ai.djl.engine.Engine;
import io.hrmtrainer.core.config.ModelSpec;
import io.hrmtrainer.tracker.ledger.LedgerState;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates the {@link TrainerState} of each checkpoint of one run. */
final class TrainerStateFactory {

  private final ResolvedRun run;
  private final String runId;
  private final long seed;
  private final ModelSpec model;
  private final String lineageId;
  private final Map<String, String> provenance;

  TrainerStateFactory(
      ResolvedRun run, String runId, long seed, ModelSpec model, String lineageId) {
    this.run = run;
    this.runId = runId;
    this.seed = seed;
    this.model = model;
    this.lineageId = lineageId;
    this.provenance = provenance();
  }

  TrainerState create(long globalStep, LedgerState ledger, Instant now) {
    return new TrainerState(
        TrainerState.FORMAT_VERSION,
        globalStep,
        ledger.totalSamples(),
        ledger.currentEpoch(),
        ledger.completedChunks().size(),
        now,
        runId,
        seed,
        model,
        run.manifest().fingerprint(),
        run.datasetKey(),
        run.config().toJsonNode(),
        provenance,
        lineageId);
  }

  /** Returns the run seed in effect. */
  long seed() {
    return seed;
  }

  /** Returns the lineage every checkpoint of this run carries. */
  String lineageId() {
    return lineageId;
  }

  private static Map<String, String> provenance() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("java_version", System.getProperty("java.version"));
    values.put("java_vendor", System.getProperty("java.vendor"));
    values.put("os_name", System.getProperty("os.name"));
    values.put("os_arch", System.getProperty("os.arch"));
    values.put("engine", Engine.getInstance().getEngineName());
    values.put("engine_version", Engine.getInstance().getVersion());
    values.put("djl_version", Engine.getDjlVersion());
    String ownVersion = TrainerStateFactory.class.getPackage().getImplementationVersion();
    values.put("hrm_trainer_version", ownVersion == null ? "development" : ownVersion);
    return values;
  }
}
