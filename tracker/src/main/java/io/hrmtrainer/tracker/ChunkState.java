package io.hrmtrainer.tracker;

/** The state of one chunk in the current epoch, as shown on a chunk map. */
public enum ChunkState {

  /** Not trained in the current epoch and not claimed. */
  PENDING,

  /** Held by a worker under a lease (which may have expired but not yet been taken over). */
  CLAIMED,

  /** Trained in the current epoch, not yet included in a durable checkpoint. */
  TRAINED,

  /** Trained in the current epoch and included in a durable checkpoint. */
  COMMITTED
}
