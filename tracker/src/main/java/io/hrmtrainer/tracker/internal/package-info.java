/**
 * Implementation helpers of the tracker module; not part of its supported API and free to change
 * between releases.
 */
package io.hrmtrainer.tracker.internal;
