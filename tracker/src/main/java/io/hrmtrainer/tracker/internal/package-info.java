/**
 * Implementation helpers of the tracker module. They are not part of its supported API and may
 * change between releases.
 */
package io.hrmtrainer.tracker.internal;
