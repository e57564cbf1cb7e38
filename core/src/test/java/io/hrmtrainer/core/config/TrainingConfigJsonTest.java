package io.hrmtrainer.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hrmtrainer.core.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingConfigJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static TrainingConfigBuilder minimal() {
    return TrainingConfig.builder()
        .setDatasetFile(Path.of("data/train.txt"))
        .setSaveDir(Path.of("brains/tiny"));
  }

  private static TrainingConfig everyFieldSet() {
    return TrainingConfig.builder()
        .setDatasetFile(Path.of("/data/my corpus/records.jsonl"))
        .optDatasetFormat(DatasetFormatOption.JSONL)
        .addTextField("title")
        .addTextField("body")
        .setSaveDir(Path.of("brains/run 1"))
        .optSamplesPerBlock(5000)
        .optDatasetChunkSize(250)
        .optStartBlockId(3)
        .optStartChunkId(7)
        .optResumeFrom("ckpt-000012")
        .optForceTrain(true)
        .optModelPreset(ModelPreset.SMALL)
        .optModel(new ModelSpec(192, 6, 3, 2, 1, 4, 2.5))
        .optBatchSize(8)
        .optMaxSeqLen(128)
        .optLearningRate(3e-4)
        .optWarmupSteps(0)
        .optLrDecaySteps(500)
        .optMinLrRatio(0.0)
        .optWeightDecay(0.05)
        .optGradClipNorm(0.5)
        .optSeed(-9_000_000_000L)
        .optEpochs(4)
        .optMaxChunks(12)
        .optCheckpointIntervalChunks(2)
        .optKeepCheckpoints(5)
        .optLogFile(Path.of("logs/run.jsonl"))
        .optStopFile(Path.of("/tmp/STOP"))
        .optDevice("cuda:1")
        .optParallelIndependent(true)
        .optCudaIds(List.of(1, 0, 3))
        .optWorkers(3)
        .build();
  }

  @Test
  void everyFieldSurvivesRoundTrip() {
    TrainingConfig config = everyFieldSet();

    TrainingConfig read = TrainingConfig.fromJson(config.toJson());

    assertThat(read).isEqualTo(config);
  }

  @Test
  void defaultsSurviveRoundTrip() {
    TrainingConfig config = minimal().build();

    TrainingConfig read = TrainingConfig.fromJson(config.toJson());

    assertThat(read).isEqualTo(config);
  }

  @Test
  void jsonNodeSurvivesRoundTrip() {
    TrainingConfig config = everyFieldSet();

    TrainingConfig read = TrainingConfig.fromJsonNode(config.toJsonNode());

    assertThat(read).isEqualTo(config);
  }

  @Test
  void keysAreSnakeCaseWithSchemaVersion() throws Exception {
    JsonNode json = MAPPER.readTree(everyFieldSet().toJson());

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);

    assertThat(keys)
        .containsExactly(
            "schema_version", "dataset_file", "dataset_format", "text_fields", "save_dir",
            "samples_per_block", "dataset_chunk_size", "start_block_id", "start_chunk_id",
            "resume", "resume_from", "force_train", "model_preset", "model", "batch_size",
            "max_seq_len", "learning_rate", "warmup_steps", "lr_decay_steps", "min_lr_ratio",
            "weight_decay", "grad_clip_norm", "seed", "epochs", "max_chunks",
            "checkpoint_interval_chunks", "keep_checkpoints", "log_file", "stop_file", "device",
            "parallel_independent", "cuda_ids", "workers");
    assertThat(json.get("schema_version").intValue()).isEqualTo(1);
  }

  @Test
  void valuesAreWrittenInCliForm() throws Exception {
    JsonNode json = MAPPER.readTree(everyFieldSet().toJson());

    assertThat(json.get("dataset_file").textValue()).isEqualTo("/data/my corpus/records.jsonl");
    assertThat(json.get("dataset_format").textValue()).isEqualTo("jsonl");
    assertThat(json.get("model_preset").textValue()).isEqualTo("small");
    assertThat(json.get("model").get("hidden_size").intValue()).isEqualTo(192);
    assertThat(json.get("model").get("mlp_expansion").doubleValue()).isEqualTo(2.5);
    assertThat(json.get("text_fields").toString()).isEqualTo("[\"title\",\"body\"]");
    assertThat(json.get("cuda_ids").toString()).isEqualTo("[1,0,3]");
    assertThat(json.get("seed").longValue()).isEqualTo(-9_000_000_000L);
  }

  @Test
  void emptyOptionalsAreWrittenAsNull() throws Exception {
    JsonNode json = MAPPER.readTree(minimal().build().toJson());

    assertThat(json.get("resume_from").isNull()).isTrue();
    assertThat(json.get("max_chunks").isNull()).isTrue();
    assertThat(json.get("log_file").isNull()).isTrue();
    assertThat(json.get("stop_file").isNull()).isTrue();
  }

  @Test
  void unknownKeysAreIgnored() {
    String json =
        "{\"dataset_file\": \"a.txt\", \"save_dir\": \"brain\", \"future_option\": [1, 2],"
            + " \"model\": {\"hidden_size\": 64, \"attention\": \"flash\"}}";

    TrainingConfig config = TrainingConfig.fromJson(json);

    TrainingConfig expected =
        minimal().setDatasetFile(Path.of("a.txt")).setSaveDir(Path.of("brain")).build();
    assertThat(config).isEqualTo(expected);
  }

  @Test
  void missingModelKeysComeFromPreset() {
    String json =
        "{\"dataset_file\": \"a.txt\", \"save_dir\": \"b\", \"model_preset\": \"base\","
            + " \"model\": {\"h_layers\": 2}}";

    TrainingConfig config = TrainingConfig.fromJson(json);

    assertThat(config.model()).isEqualTo(new ModelSpec(512, 8, 2, 4, 2, 2, 4.0));
  }

  @Test
  void newerSchemaVersionIsRejected() {
    String json = "{\"schema_version\": 2, \"dataset_file\": \"a.txt\", \"save_dir\": \"b\"}";

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson(json));

    assertThat(error)
        .hasMessage(
            "training config schema_version 2 is not supported: this version of hrm-trainer"
                + " reads schema_version 1 to 1. Fix: use a newer hrm-trainer, or write the"
                + " config again with this one.");
  }

  @Test
  void malformedJsonIsRejected() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson("{\"seed\": "));

    assertThat(error).hasMessageStartingWith("the training config is not valid JSON: ");
  }

  @Test
  void nonObjectIsRejected() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson("[1, 2]"));

    assertThat(error).hasMessageStartingWith("the training config is not a JSON object");
  }

  @Test
  void wrongValueTypeIsRejected() {
    String json = "{\"dataset_file\": \"a.txt\", \"save_dir\": \"b\", \"batch_size\": \"16\"}";

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson(json));

    assertThat(error)
        .hasMessage(
            "training config key batch_size has the value \"16\": expected a whole number."
                + " Fix the value or remove the key to use the default.");
  }

  @Test
  void wrongNestedTypeNamesNestedKey() {
    String json =
        "{\"dataset_file\": \"a.txt\", \"save_dir\": \"b\", \"model\": {\"num_heads\": 2.5}}";

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson(json));

    assertThat(error)
        .hasMessageStartingWith("training config key model.num_heads has the value 2.5");
  }

  @Test
  void outOfRangeValueGetsFlagMessage() {
    String json = "{\"dataset_file\": \"a.txt\", \"save_dir\": \"b\", \"workers\": 10000000000}";

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson(json));

    assertThat(error).hasMessageStartingWith("--workers 10000000000 is out of range");
  }

  @Test
  void startIdBeyondIntIsRejected() {
    String json =
        "{\"dataset_file\": \"a.txt\", \"save_dir\": \"b\", \"start_chunk_id\": 3000000000}";

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> TrainingConfig.fromJson(json));

    assertThat(error)
        .hasMessage("start chunk 3000000000 is too large: expected at most 2147483647");
  }

  @Test
  void missingRequiredKeyIsRejected() {
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> TrainingConfig.fromJson("{\"save_dir\": \"b\"}"));

    assertThat(error).hasMessageStartingWith("--dataset-file is missing (dataset_file in JSON)");
  }

  @Test
  void resumeFromWithoutResumeKeyImpliesResume() {
    ObjectNode json = (ObjectNode) minimal().build().toJsonNode();
    json.put("resume", false);
    json.put("resume_from", "checkpoints/ckpt-000003");

    TrainingConfig config = TrainingConfig.fromJsonNode(json);

    assertThat(config.isResume()).isTrue();
  }
}
