package io.hrmtrainer.trainergpu.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.hrmtrainer.core.InvalidInputException;
import io.hrmtrainer.core.config.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a configuration to one device per worker and checks that DJL detects each of them.
 *
 * <p>{@code --cuda-ids 0,1} gives one worker per listed GPU. Otherwise {@code --device} (cpu, cuda,
 * cuda:N) is used by every one of the {@code --workers} workers.
 */
public final class DeviceAssignment {

  private DeviceAssignment() {}

  /**
   * Returns the device of each worker, in worker id order.
   *
   * @param visibleGpus The number of GPUs the engine detects, {@code
   *     Engine.getInstance().getGpuCount()}.
   * @throws InvalidInputException if a requested GPU does not exist; the message names the id and
   *     the GPUs that do exist.
   */
  public static List<Device> resolve(TrainingConfig config, int visibleGpus) {
    List<Device> devices = new ArrayList<>();
    if (!config.cudaIds().isEmpty()) {
      for (int id : config.cudaIds()) {
        devices.add(gpu(id, visibleGpus, "--cuda-ids"));
      }
      return List.copyOf(devices);
    }
    Device device = parseDevice(config.device(), visibleGpus);
    for (int worker = 0; worker < config.workers(); worker++) {
      devices.add(device);
    }
    return List.copyOf(devices);
  }

  /** Returns the devices for {@code config} on the GPUs that the default engine detects. */
  public static List<Device> resolve(TrainingConfig config) {
    return resolve(config, Engine.getInstance().getGpuCount());
  }

  /** Returns the name used in telemetry and messages, such as {@code cpu} or {@code cuda:1}. */
  public static String nameOf(Device device) {
    return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
  }

  private static Device parseDevice(String text, int visibleGpus) {
    String device = text.trim().toLowerCase(Locale.ROOT);
    if (device.equals("cpu")) {
      return Device.cpu();
    }
    if (device.equals("cuda") || device.equals("gpu")) {
      return gpu(0, visibleGpus, "--device");
    }
    if (device.startsWith("cuda:")) {
      String id = device.substring("cuda:".length());
      try {
        return gpu(Integer.parseInt(id), visibleGpus, "--device");
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            String.format(
                "--device '%s' is invalid: expected cpu, cuda or cuda:N with N a GPU index", text),
            e);
      }
    }
    throw new InvalidInputException(
        String.format("--device '%s' is invalid: expected cpu, cuda or cuda:N", text));
  }

  private static Device gpu(int id, int visibleGpus, String flag) {
    if (id < 0 || id >= visibleGpus) {
      String visible =
          visibleGpus == 0
              ? "the PyTorch engine sees no GPU (the CPU build of its native library is loaded;"
                  + " docs/gpu.md explains how to install the CUDA build)"
              : String.format("the PyTorch engine sees %d GPUs (0-%d)", visibleGpus, visibleGpus - 1);
      throw new InvalidInputException(
          String.format("%s names CUDA device %d, which is not available: %s", flag, id, visible));
    }
    return Device.gpu(id);
  }
}
