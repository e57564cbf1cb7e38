package io.hrmtrainer.trainergpu.run;

import io.hrmtrainer.core.brain.CheckpointInfo;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.core.telemetry.EventNames;
import io.hrmtrainer.core.telemetry.TelemetryEvent;
import io.hrmtrainer.core.telemetry.TelemetrySink;
import io.hrmtrainer.tracker.plan.RunPlan;
import io.hrmtrainer.tracker.resolve.ResolvedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and emits a run's telemetry events with the field names of the telemetry contract.
 *
 * <p>Thread-safe when the sink is: workers emit concurrently.
 */
final class RunTelemetry {

  private final TelemetrySink sink;
  private final String runId;

  RunTelemetry(TelemetrySink sink, String runId) {
    this.sink = sink;
    this.runId = runId;
  }

  String runId() {
    return runId;
  }

  void emit(String name, Map<String, ?> fields) {
    sink.emit(TelemetryEvent.of(name, runId).withFields(fields));
  }

  void emitForWorker(String name, int workerId, String device, Map<String, ?> fields) {
    sink.emit(TelemetryEvent.of(name, runId).withWorker(workerId, device).withFields(fields));
  }

  void checkpointSkipped(CheckpointInfo checkpoint) {
    emit(
        EventNames.CHECKPOINT_SKIPPED,
        fields(
            "path", checkpoint.directory().toString(),
            "checkpoint", checkpoint.name(),
            "reason", checkpoint.reason().orElse("invalid")));
  }

  void resumeDisabled(String reason, ResolvedRun run) {
    emit(
        EventNames.RESUME_DISABLED,
        fields("reason", reason, "save_dir", run.brain().root().toString()));
  }

  void startPositionSelected(ResolvedRun run, List<String> devices, String lineageId) {
    RunPlan plan = run.plan();
    ChunkPosition start = plan.start();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("start_block_id", start.blockId());
    fields.put("start_chunk_id", start.chunkId());
    fields.put("override_active", !start.equals(ChunkPosition.ORIGIN));
    fields.put("force_train", plan.force());
    fields.put("resume", run.isResume());
    fields.put("checkpoint", run.checkpoint().map(CheckpointInfo::name).orElse(null));
    fields.put("checkpoint_path", run.checkpoint().map(c -> c.directory().toString()).orElse(null));
    fields.put("lineage_id", lineageId);
    fields.put("dataset", run.manifest().dataset().toString());
    fields.put("dataset_key", run.datasetKey());
    fields.put("epoch", plan.epoch());
    fields.put("total_blocks", plan.totalBlocks());
    fields.put("total_chunks", plan.totalChunks());
    fields.put("chunks_below_start", plan.chunksBelowStart());
    fields.put("chunks_already_trained", plan.chunksAlreadyTrained());
    fields.put("chunks_to_train", plan.chunksToTrain());
    fields.put("first_chunk", plan.firstChunk().map(RunTelemetry::position).orElse(null));
    fields.put("workers", workers(plan, devices));
    fields.put("seek", seek(run, plan));
    emit(EventNames.TRAINING_START_POSITION_SELECTED, fields);
  }

  void nothingToTrain(RunPlan plan) {
    String hint =
        String.format(
            "every chunk at or after %s is already trained in epoch %d; pass --force-train to"
                + " train them again, choose an earlier start position, or raise --epochs",
            plan.start(), plan.epoch());
    emit(
        EventNames.NOTHING_TO_TRAIN,
        fields(
            "start_block_id", plan.start().blockId(),
            "start_chunk_id", plan.start().chunkId(),
            "chunks_below_start", plan.chunksBelowStart(),
            "chunks_already_trained", plan.chunksAlreadyTrained(),
            "chunks_to_train", plan.chunksToTrain(),
            "hint", hint));
  }

  static Map<String, Object> position(ChunkPosition position) {
    return fields("block_id", position.blockId(), "chunk_id", position.chunkId());
  }

  /** Returns an ordered map from alternating keys and values. */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<Map<String, Object>> workers(RunPlan plan, List<String> devices) {
    List<Map<String, Object>> workers = new ArrayList<>();
    for (int id = 0; id < devices.size(); id++) {
      Object first =
          id < plan.firstChunkPerWorker().size()
              ? position(plan.firstChunkPerWorker().get(id))
              : null;
      workers.add(fields("worker_id", id, "device", devices.get(id), "first_chunk", first));
    }
    return workers;
  }

  private static Map<String, Object> seek(ResolvedRun run, RunPlan plan) {
    Map<String, Object> seek = new LinkedHashMap<>();
    seek.put("method", "byte_offset");
    seek.put("manifest_from_cache", run.manifestFromCache());
    seek.put(
        "first_chunk_byte_offset",
        plan.firstChunk().map(first -> run.manifest().chunkOffset(first)).orElse(null));
    seek.put(
        "samples_before_first_chunk",
        plan.firstChunk().map(first -> run.manifest().layout().firstSampleOf(first)).orElse(null));
    return seek;
  }
}
