package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.position.ChunkPosition;
import io.hrmtrainer.trainergpu.model.TinyModels;
import io.hrmtrainer.trainergpu.model.internal.NoGradScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Averaging of replicas with known values, and identical starting replicas. */
@ExtendWith(OneIntraOpThread.class)
class ReplicaAveragingTest {

  @TempDir Path temp;

  @Test
  void averagingGivesExactMean() throws Exception {
    // given three replicas whose parameters are 1, 2 and 6 times a ramp, and whose moments and
    // counts differ in the same way
    TrainingConfig config = RunFixture.create(temp, 60).config().build();
    List<ModelReplica> replicas = new ArrayList<>();
    float[] scale = {1f, 2f, 6f};
    long[] steps = {4, 9, 7};
    try {
      for (int r = 0; r < 3; r++) {
        ModelReplica replica =
            ModelReplica.newInitialized(Device.cpu(), config, TinyModels.UNIT, 5);
        setParameters(replica, scale[r]);
        replica.loadState(
            replica.model().parametersToBytes(),
            optimizerState(replica, scale[r], steps[r]));
        replicas.add(replica);
      }

      // when they are averaged
      ReplicaAveraging.averageInto(replicas);

      // then every replica contains exactly 3 times the ramp (the mean of 1, 2 and 6), moments
      // exactly 3 and 30 times theirs, and the largest counts
      for (ModelReplica replica : replicas) {
        for (Pair<String, Parameter> named : replica.model().getParameters()) {
          assertThat(named.getValue().getArray().toFloatArray())
              .as(named.getKey())
              .containsExactly(ramp(named.getValue().getArray().size(), 3f));
        }
        SavedState state = SavedState.parse(replica.optimizerToBytes());
        assertThat(state.stepCount).isEqualTo(9);
        for (Map.Entry<String, float[][]> entry : state.moments.entrySet()) {
          int size = entry.getValue()[0].length;
          assertThat(entry.getValue()[0]).as(entry.getKey()).containsExactly(ramp(size, 3f));
          assertThat(entry.getValue()[1]).as(entry.getKey()).containsExactly(absRamp(size, 30f));
          assertThat(state.updates.get(entry.getKey())).isEqualTo(9 * 10L);
        }
      }
    } finally {
      replicas.forEach(ModelReplica::close);
    }
  }

  @Test
  void replicasStartFromCheckpointState() throws Exception {
    // given a checkpoint of one trained chunk, whose weights differ from a fresh initialisation
    RunFixture fixture = RunFixture.create(temp, 100);
    RunOutcome first = fixture.train(fixture.config().optMaxChunks(1).build());
    assertThat(first.trainedChunks()).containsExactly(new ChunkPosition(0, 0));
    TrainingConfig resume = fixture.config().optResume(true).build();
    var resolved = fixture.resolve(resume);

    // when three replicas are created for a resume
    List<ModelReplica> replicas =
        Replicas.create(
            List.of(Device.cpu(), Device.cpu(), Device.cpu()),
            resume,
            resume.model(),
            resume.seed(),
            resolved.checkpoint());
    try {
      // then each contains the checkpoint's weights and optimizer state, byte for byte
      byte[] weights = fixture.checkpointFile(1, CheckpointCommitter.MODEL_FILE);
      byte[] moments = fixture.checkpointFile(1, CheckpointCommitter.OPTIMIZER_FILE);
      for (ModelReplica replica : replicas) {
        assertThat(replica.model().parametersToBytes()).isEqualTo(weights);
        assertThat(replica.optimizerToBytes()).isEqualTo(moments);
      }
      ModelReplica fresh =
          ModelReplica.newInitialized(Device.cpu(), resume, resume.model(), resume.seed());
      try (fresh) {
        assertThat(fresh.model().parametersToBytes()).isNotEqualTo(weights);
      }
    } finally {
      replicas.forEach(ModelReplica::close);
    }
  }

  private static void setParameters(ModelReplica replica, float scale) {
    try (NoGradScope scope = NoGradScope.open(replica.model().parameterManager())) {
      for (Pair<String, Parameter> named : replica.model().getParameters()) {
        NDArray array = named.getValue().getArray();
        array.set(ramp(array.size(), scale));
      }
    }
  }

  /** Returns {@code scale * (i % 7 - 3) / 4} for each index: exact in float and in the mean. */
  private static float[] ramp(long size, float scale) {
    float[] values = new float[Math.toIntExact(size)];
    for (int i = 0; i < values.length; i++) {
      values[i] = scale * ((i % 7) - 3) / 4f;
    }
    return values;
  }

  /** Returns the absolute values of {@link #ramp}, valid second moments. */
  private static float[] absRamp(long size, float scale) {
    float[] values = ramp(size, scale);
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.abs(values[i]);
    }
    return values;
  }

  /** Writes an optimizer state in AdamW's documented format with moments scale and 10*scale. */
  private static byte[] optimizerState(ModelReplica replica, float scale, long steps)
      throws IOException {

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write("HRMADAMW".getBytes(StandardCharsets.US_ASCII));
      out.writeInt(1);
      out.writeLong(steps);
      List<Pair<String, Parameter>> parameters = replica.model().getParameters().stream().toList();
      out.writeInt(parameters.size());
      for (Pair<String, Parameter> named : parameters) {
        out.writeUTF(named.getKey());
        out.writeLong(steps * 10);
        long[] dims = named.getValue().getArray().getShape().getShape();
        out.writeInt(dims.length);
        for (long dim : dims) {
          out.writeLong(dim);
        }
        long size = named.getValue().getArray().size();
        for (float value : ramp(size, scale)) {
          out.writeFloat(value);
        }
        for (float value : absRamp(size, 10 * scale)) {
          out.writeFloat(value);
        }
      }
    }
    return bytes.toByteArray();
  }

  /** An optimizer state read back in the documented format. */
  private static final class SavedState {
    long stepCount;
    final Map<String, float[][]> moments = new LinkedHashMap<>();
    final Map<String, Long> updates = new LinkedHashMap<>();

    static SavedState parse(byte[] bytes) throws IOException {
      SavedState state = new SavedState();
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        in.readFully(new byte[8]);
        in.readInt();
        state.stepCount = in.readLong();
        int count = in.readInt();
        for (int p = 0; p < count; p++) {
          String name = in.readUTF();
          state.updates.put(name, in.readLong());
          int rank = in.readInt();
          long size = 1;
          for (int d = 0; d < rank; d++) {
            size *= in.readLong();
          }
          float[] first = new float[Math.toIntExact(size)];
          float[] second = new float[first.length];
          for (int i = 0; i < first.length; i++) {
            first[i] = in.readFloat();
          }
          for (int i = 0; i < second.length; i++) {
            second[i] = in.readFloat();
          }
          state.moments.put(name, new float[][] {first, second});
        }
      }
      return state;
    }
  }
}
