/** Tests of the chunk ledger and distributor, and layouts and clocks shared by the tracker tests. */
package io.hrmtrainer.tracker;
