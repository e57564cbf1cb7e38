package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.InvalidInputException;

/**
 * Signals that a dataset file changed after its manifest was built, so the manifest's byte offsets
 * no longer point at its chunks.
 *
 * <p>The way out is to rebuild the manifest (a new run of the front end does that through {@link
 * ManifestCache}); the message names the file and what changed.
 */
public class StaleManifestException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a complete, user-facing message. */
  public StaleManifestException(String message) {
    super(message);
  }
}
