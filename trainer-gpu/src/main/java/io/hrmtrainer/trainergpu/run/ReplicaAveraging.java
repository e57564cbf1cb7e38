package io.hrmtrainer.trainergpu.run;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.hrmtrainer.trainergpu.model.internal.NoGradScope;
import io.hrmtrainer.trainergpu.optim.AdamW;
import io.hrmtrainer.trainergpu.optim.ElementwiseMean;
import java.util.List;

/**
 * Merges parallel-independent replicas into one state by averaging their parameters and their
 * optimizer moments element-wise, then gives every replica that state.
 *
 * <p>Means are computed in double precision and rounded once to float, so replicas that already
 * agree stay bit-identical. Call only while no replica trains.
 */
public final class ReplicaAveraging {

  private ReplicaAveraging() {}

  /**
   * Averages {@code replicas} in place: afterwards all of them contain the same weights and
   * optimizer state.
   *
   * @return The first replica, which contains the merged state like the others.
   * @throws IllegalArgumentException if the list is empty or the replicas' layouts differ.
   */
  public static ModelReplica averageInto(List<ModelReplica> replicas) {
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("no replica to average: expected at least one");
    }
    ModelReplica first = replicas.get(0);
    if (replicas.size() == 1) {
      return first;
    }
    for (Pair<String, Parameter> named : first.model().getParameters()) {
      String name = named.getKey();
      List<NDArray> arrays =
          replicas.stream()
              .map(replica -> replica.model().getParameters().get(name).getArray())
              .toList();
      float[] mean = ElementwiseMean.of(arrays);
      for (ModelReplica replica : replicas) {
        try (NoGradScope scope = NoGradScope.open(replica.model().parameterManager())) {
          replica.model().getParameters().get(name).getArray().set(mean);
        }
      }
    }
    AdamW.average(replicas.stream().map(ModelReplica::optimizer).toList());
    return first;
  }

}
