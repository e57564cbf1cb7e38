/**
 * Types shared by every hrm-trainer module: the input error that front ends turn into exit code 2.
 *
 * <p>This module knows nothing about DJL, picocli or JavaFX.
 */
package io.hrmtrainer.core;
