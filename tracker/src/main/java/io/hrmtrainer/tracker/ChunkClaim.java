package io.hrmtrainer.tracker;

import io.hrmtrainer.core.position.ChunkPosition;
import java.util.Objects;

/**
 * A worker's claim on one chunk, handed out by {@link ChunkTracker#claim}.
 *
 * <p>The claim is a handle: its lease lives in the tracker and is extended with {@link
 * ChunkTracker#renew}. When the lease expires and another worker takes the chunk, the new owner
 * gets a claim with a new {@code claimId}, and this one stops working: renewing returns {@code
 * false} and completing returns {@link CompletionOutcome#REJECTED}.
 *
 * @param claimId A number unique within the tracker that issued the claim.
 * @param workerId The worker that owns the claim.
 * @param position The claimed chunk.
 * @param epoch The epoch the claim belongs to.
 */
public record ChunkClaim(long claimId, int workerId, ChunkPosition position, int epoch) {

  /** Creates a claim handle. */
  public ChunkClaim {
    Objects.requireNonNull(position, "position");
  }
}
