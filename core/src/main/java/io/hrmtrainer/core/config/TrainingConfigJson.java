package io.hrmtrainer.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.position.StartPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a {@link TrainingConfig}: one object with snake_case keys, a {@code
 * schema_version}, and the model size in a nested {@code model} object. Empty optional values are
 * written as {@code null}. Reading ignores unknown keys, gives missing optional keys their
 * defaults, and checks values with the same messages as the command line.
 */
final class TrainingConfigJson {

  /** The schema version this code writes and the newest it reads. */
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TrainingConfigJson() {}

  static String write(TrainingConfig config) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(config));
    } catch (JsonProcessingException e) {
      // A tree of strings, numbers and booleans always serializes.
      throw new IllegalStateException("failed to write a training config as JSON", e);
    }
  }

  static TrainingConfig read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          String.format(
              "the training config is not valid JSON: %s. Fix the text or write the config again.",
              e.getOriginalMessage()),
          e);
    }
    return fromNode(root);
  }

  static ObjectNode toNode(TrainingConfig config) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("dataset_file", config.datasetFile().toString());
    root.put("dataset_format", config.datasetFormat().cliName());
    ArrayNode textFields = root.putArray("text_fields");
    config.textFields().forEach(textFields::add);
    root.put("save_dir", config.saveDir().toString());
    root.put("samples_per_block", config.samplesPerBlock());
    root.put("dataset_chunk_size", config.datasetChunkSize());
    root.put("start_block_id", config.startBlockId());
    root.put("start_chunk_id", config.startChunkId());
    root.put("resume", config.isResume());
    root.put("resume_from", config.resumeFrom().orElse(null));
    root.put("force_train", config.isForceTrain());
    root.put("model_preset", config.modelPreset().cliName());
    root.set("model", modelNode(config.model()));
    root.put("batch_size", config.batchSize());
    root.put("max_seq_len", config.maxSeqLen());
    root.put("learning_rate", config.learningRate());
    root.put("warmup_steps", config.warmupSteps());
    root.put("lr_decay_steps", config.lrDecaySteps());
    root.put("min_lr_ratio", config.minLrRatio());
    root.put("weight_decay", config.weightDecay());
    root.put("grad_clip_norm", config.gradClipNorm());
    root.put("seed", config.seed());
    root.put("epochs", config.epochs());
    root.put("max_chunks", config.maxChunks().isPresent() ? config.maxChunks().getAsInt() : null);
    root.put("checkpoint_interval_chunks", config.checkpointIntervalChunks());
    root.put("keep_checkpoints", config.keepCheckpoints());
    root.put("log_file", config.logFile().map(Path::toString).orElse(null));
    root.put("stop_file", config.stopFile().map(Path::toString).orElse(null));
    root.put("device", config.device());
    root.put("parallel_independent", config.isParallelIndependent());
    ArrayNode cudaIds = root.putArray("cuda_ids");
    config.cudaIds().forEach(cudaIds::add);
    root.put("workers", config.workers());
    return root;
  }

  static TrainingConfig fromNode(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(
          "the training config is not a JSON object: expected {\"dataset_file\": ..., ...}."
              + " Fix the text or write the config again.");
    }

    JsonFields fields = new JsonFields(root, "");
    checkSchemaVersion(fields);
    TrainingConfigBuilder builder = TrainingConfig.builder();
    readDataset(fields, builder);
    readModel(fields, builder);
    readOptimizer(fields, builder);
    readRun(fields, builder);
    return builder.build();
  }

  private static ObjectNode modelNode(ModelSpec model) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("hidden_size", model.hiddenSize());
    node.put("num_heads", model.numHeads());
    node.put("h_layers", model.hLayers());
    node.put("l_layers", model.lLayers());
    node.put("h_cycles", model.hCycles());
    node.put("l_cycles", model.lCycles());
    node.put("mlp_expansion", model.expansion());
    return node;
  }

  private static void checkSchemaVersion(JsonFields fields) {
    long version = fields.wholeNumber("schema_version").orElse((long) SCHEMA_VERSION);
    if (version < 1 || version > SCHEMA_VERSION) {
      throw new InvalidInputException(
          String.format(
              "training config schema_version %d is not supported: this version of hrm-trainer"
                  + " reads schema_version 1 to %d. Fix: use a newer hrm-trainer, or write the"
                  + " config again with this one.",
              version, SCHEMA_VERSION));
    }
  }

  private static void readDataset(JsonFields fields, TrainingConfigBuilder builder) {
    fields.text("dataset_file").map(Path::of).ifPresent(builder::setDatasetFile);
    fields.text("dataset_format").map(DatasetFormatOption::parse).ifPresent(builder::optDatasetFormat);
    fields.textList("text_fields").ifPresent(builder::optTextFields);
    fields.text("save_dir").map(Path::of).ifPresent(builder::setSaveDir);
    fields.setting(IntSetting.SAMPLES_PER_BLOCK).ifPresent(builder::optSamplesPerBlock);
    fields.setting(IntSetting.DATASET_CHUNK_SIZE).ifPresent(builder::optDatasetChunkSize);
    long startBlock = fields.wholeNumber("start_block_id").orElse(0L);
    long startChunk = fields.wholeNumber("start_chunk_id").orElse(0L);
    builder.optStartPosition(StartPosition.of(startBlock, startChunk));
    fields.bool("resume").ifPresent(builder::optResume);
    fields.text("resume_from").ifPresent(builder::optResumeFrom);
    fields.bool("force_train").ifPresent(builder::optForceTrain);
  }

  private static void readModel(JsonFields fields, TrainingConfigBuilder builder) {
    ModelPreset preset =
        fields.text("model_preset").map(ModelPreset::parse).orElse(builder.modelPreset);
    builder.optModelPreset(preset);
    Optional<JsonFields> model = fields.object("model");
    if (model.isEmpty()) {
      return;
    }

    ModelSpec base = preset.spec();
    JsonFields values = model.get();
    builder.optModel(
        new ModelSpec(
            values.setting(IntSetting.HIDDEN_SIZE).orElse(base.hiddenSize()),
            values.setting(IntSetting.NUM_HEADS).orElse(base.numHeads()),
            values.setting(IntSetting.H_LAYERS).orElse(base.hLayers()),
            values.setting(IntSetting.L_LAYERS).orElse(base.lLayers()),
            values.setting(IntSetting.H_CYCLES).orElse(base.hCycles()),
            values.setting(IntSetting.L_CYCLES).orElse(base.lCycles()),
            values.decimal("mlp_expansion").orElse(base.expansion())));
  }

  private static void readOptimizer(JsonFields fields, TrainingConfigBuilder builder) {
    fields.setting(IntSetting.BATCH_SIZE).ifPresent(builder::optBatchSize);
    fields.setting(IntSetting.MAX_SEQ_LEN).ifPresent(builder::optMaxSeqLen);
    fields.decimal("learning_rate").ifPresent(builder::optLearningRate);
    fields.setting(IntSetting.WARMUP_STEPS).ifPresent(builder::optWarmupSteps);
    fields.setting(IntSetting.LR_DECAY_STEPS).ifPresent(builder::optLrDecaySteps);
    fields.decimal("min_lr_ratio").ifPresent(builder::optMinLrRatio);
    fields.decimal("weight_decay").ifPresent(builder::optWeightDecay);
    fields.decimal("grad_clip_norm").ifPresent(builder::optGradClipNorm);
    fields.wholeNumber("seed").ifPresent(builder::optSeed);
  }

  private static void readRun(JsonFields fields, TrainingConfigBuilder builder) {
    fields.setting(IntSetting.EPOCHS).ifPresent(builder::optEpochs);
    fields.setting(IntSetting.MAX_CHUNKS).ifPresent(builder::optMaxChunks);
    fields.setting(IntSetting.CHECKPOINT_INTERVAL_CHUNKS)
        .ifPresent(builder::optCheckpointIntervalChunks);
    fields.setting(IntSetting.KEEP_CHECKPOINTS).ifPresent(builder::optKeepCheckpoints);
    fields.text("log_file").map(Path::of).ifPresent(builder::optLogFile);
    fields.text("stop_file").map(Path::of).ifPresent(builder::optStopFile);
    fields.text("device").ifPresent(builder::optDevice);
    fields.bool("parallel_independent").ifPresent(builder::optParallelIndependent);
    fields
        .wholeNumberList("cuda_ids")
        .ifPresent(ids -> ids.forEach(id -> builder.addCudaId(IntSetting.CUDA_ID.check(id))));
    fields.setting(IntSetting.WORKERS).ifPresent(builder::optWorkers);
  }

  /** Typed, optional access to the keys of one JSON object; {@code null} counts as absent. */
  private static final class JsonFields {

    private final JsonNode node;
    private final String prefix;

    JsonFields(JsonNode node, String prefix) {
      this.node = node;
      this.prefix = prefix;
    }

    Optional<String> text(String key) {
      return value(key).map(value -> {
        if (!value.isTextual()) {
          throw wrongType(key, value, "a string");
        }
        return value.textValue();
      });
    }

    Optional<Boolean> bool(String key) {
      return value(key).map(value -> {
        if (!value.isBoolean()) {
          throw wrongType(key, value, "true or false");
        }
        return value.booleanValue();
      });
    }

    Optional<Long> wholeNumber(String key) {
      return value(key).map(value -> wholeNumber(key, value));
    }

    /** Reads the value of {@code setting}, whose JSON key may carry the {@code model.} prefix. */
    Optional<Integer> setting(IntSetting setting) {
      String key = setting.jsonKey().substring(setting.jsonKey().lastIndexOf('.') + 1);
      return wholeNumber(key).map(setting::check);
    }

    Optional<Double> decimal(String key) {
      return value(key).map(value -> {
        if (!value.isNumber()) {
          throw wrongType(key, value, "a number");
        }
        return value.doubleValue();
      });
    }

    Optional<List<String>> textList(String key) {
      return array(key).map(values -> {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
          if (!value.isTextual()) {
            throw wrongType(key, value, "a list of strings");
          }
          texts.add(value.textValue());
        }
        return texts;
      });
    }

    Optional<List<Long>> wholeNumberList(String key) {
      return array(key).map(values -> {
        List<Long> numbers = new ArrayList<>();
        for (JsonNode value : values) {
          numbers.add(wholeNumber(key, value));
        }
        return numbers;
      });
    }

    Optional<JsonFields> object(String key) {
      return value(key).map(value -> {
        if (!value.isObject()) {
          throw wrongType(key, value, "a JSON object");
        }
        return new JsonFields(value, prefix + key + ".");
      });
    }

    private Optional<JsonNode> array(String key) {
      return value(key).map(value -> {
        if (!value.isArray()) {
          throw wrongType(key, value, "a JSON array");
        }
        return value;
      });
    }

    private long wholeNumber(String key, JsonNode value) {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw wrongType(key, value, "a whole number");
      }
      return value.longValue();
    }

    private Optional<JsonNode> value(String key) {
      JsonNode value = node.get(key);
      return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private InvalidInputException wrongType(String key, JsonNode value, String expected) {
      return new InvalidInputException(
          String.format(
              "training config key %s%s has the value %s: expected %s. Fix the value or remove"
                  + " the key to use the default.",
              prefix, key, value, expected));
    }
  }
}
