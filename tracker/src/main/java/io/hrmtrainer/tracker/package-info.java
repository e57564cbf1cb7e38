/**
 * The chunk ledger and distributor: {@link io.hrmtrainer.tracker.ChunkTracker} hands chunks to
 * workers under a lower bound and a lease, records trained and committed chunks per epoch, and
 * takes the snapshots that checkpoints persist.
 *
 * <p>Sub-packages contain the persisted ledger ({@code ledger}) and the run planner ({@code plan}).
 * Nothing here depends on DJL or on a user interface.
 */
package io.hrmtrainer.tracker;
