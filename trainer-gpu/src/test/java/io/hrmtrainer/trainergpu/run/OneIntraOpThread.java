package io.hrmtrainer.trainergpu.run;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with one PyTorch intra-op thread and restores the count afterwards.
 *
 * <p>Bit-exact repeats of training need it, because a multi-threaded reduction may split
 * differently from one call to the next. Also, on a loaded 2-core machine OpenMP teams of two
 * threads wait at every barrier for a descheduled thread, which made a 0.07 s chunk take seconds.
 */
public final class OneIntraOpThread implements BeforeAllCallback, AfterAllCallback {

  private static final String PREVIOUS = "previous-intra-op-threads";

  @Override
  public void beforeAll(ExtensionContext context) {
    Engine.getInstance();
    store(context).put(PREVIOUS, JniUtils.getNumThreads());
    JniUtils.setNumThreads(1);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Integer previous = store(context).get(PREVIOUS, Integer.class);
    if (previous != null) {
      JniUtils.setNumThreads(previous);
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(OneIntraOpThread.class));
  }
}
