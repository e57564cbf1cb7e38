package io.hrmtrainer.trainergpu.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the CPU cores among the workers that train on the CPU: while several of them run, each
 * PyTorch operator uses {@code cores / cpuWorkers} intra-op threads (at least one), and the
 * previous count is restored when the run ends.
 *
 * <p>Without this every worker requests all cores from PyTorch, so the OpenMP thread teams of the
 * concurrent workers oversubscribe the machine. A chunk that takes 0.07 s alone was measured to
 * take several seconds on a loaded 2-core machine. PyTorch applies the count to the calling
 * thread and to every thread that runs its first operator afterwards, such as the worker threads
 * started after this call. Threads that already ran an operator keep their own count. A run that
 * changes the count keeps it until the run ends. Only the PyTorch engine is affected.
 */
final class CpuThreads implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(CpuThreads.class);

  private final int previous;

  private CpuThreads(int previous) {
    this.previous = previous;
  }

  /**
   * Limits the intra-op threads when more than one worker trains on the CPU.
   *
   * @return A handle that restores the previous count when closed; a no-op handle otherwise.
   */
  static CpuThreads share(List<Device> devices) {
    long cpuWorkers = devices.stream().filter(device -> !device.isGpu()).count();
    if (cpuWorkers < 2 || !"PyTorch".equals(Engine.getInstance().getEngineName())) {
      return new CpuThreads(-1);
    }
    int previous = JniUtils.getNumThreads();
    int cores = Runtime.getRuntime().availableProcessors();
    int perWorker = (int) Math.max(1, cores / cpuWorkers);
    if (perWorker >= previous) {
      return new CpuThreads(-1);
    }
    JniUtils.setNumThreads(perWorker);
    LOGGER.info(
        "{} CPU workers share {} cores: {} intra-op thread(s) each instead of {}",
        cpuWorkers, cores, perWorker, previous);
    return new CpuThreads(previous);
  }

  @Override
  public void close() {
    if (previous > 0) {
      JniUtils.setNumThreads(previous);
    }
  }
}
