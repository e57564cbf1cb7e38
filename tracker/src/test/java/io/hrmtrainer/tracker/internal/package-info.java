/** Tests of the tracker's internal helpers. */
package io.hrmtrainer.tracker.internal;
