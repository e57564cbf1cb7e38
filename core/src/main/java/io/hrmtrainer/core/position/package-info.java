/** Chunk positions and the user's start position, the lower bound of every claim in a run. */
package io.hrmtrainer.core.position;
