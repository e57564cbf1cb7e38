package io.hrmtrainer.trainergpu.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.config.TrainingConfig;
import io.hrmtrainer.core.config.TrainingConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices per worker, and the error for a GPU that the engine does not detect. */
class DeviceAssignmentTest {

  @TempDir Path temp;

  @Test
  void cudaIdsGiveOneWorkerPerVisibleGpu() {
    TrainingConfig config = base().optCudaIds(List.of(2, 0)).build();

    assertThat(DeviceAssignment.resolve(config, 4)).containsExactly(Device.gpu(2), Device.gpu(0));
  }

  @Test
  void cpuWorkersShareTheCpu() {
    TrainingConfig config = base().optDevice("cpu").optWorkers(3).build();

    assertThat(DeviceAssignment.resolve(config, 0))
        .containsExactly(Device.cpu(), Device.cpu(), Device.cpu());
  }

  @Test
  void missingCudaIdNamesVisibleGpus() {
    TrainingConfig config = base().optCudaIds(List.of(0, 3)).build();

    assertThatThrownBy(() -> DeviceAssignment.resolve(config, 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--cuda-ids names CUDA device 3")
        .hasMessageContaining("sees 2 GPUs (0-1)");
  }

  @Test
  void cudaIdWithoutCudaNativesFailsEarly() throws Exception {
    // given the CPU build of the natives (this machine) and a config that requests GPU 0
    TrainingConfig config = base().addCudaId(0).build();
    RunFixture fixture = RunFixture.create(temp, 60);
    TrainingConfig inFixture =
        config.toBuilder().setDatasetFile(fixture.dataset).setSaveDir(fixture.saveDir).build();

    // when the run executes, then a clear input error names the id and nothing is written
    assertThatThrownBy(() -> TrainingRun.builder(fixture.resolve(inFixture)).build().execute())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CUDA device 0")
        .hasMessageContaining("sees no GPU")
        .hasMessageContaining("docs/gpu.md");
    assertThat(Files.exists(fixture.saveDir)).isFalse();
  }

  private TrainingConfigBuilder base() {
    return TrainingConfig.builder()
        .setDatasetFile(temp.resolve("data.txt"))
        .setSaveDir(temp.resolve("brain"));
  }
}
