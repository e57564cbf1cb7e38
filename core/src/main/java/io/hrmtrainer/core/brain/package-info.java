/** The brain directory: its layout, lock, atomic writes and checkpoint manifests at JSON level. */
package io.hrmtrainer.core.brain;
