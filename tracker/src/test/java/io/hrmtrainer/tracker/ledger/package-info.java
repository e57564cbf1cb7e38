/** Tests of the persisted ledger and its file format. */
package io.hrmtrainer.tracker.ledger;
