/** Dataset readers, the block and chunk layout, manifests and direct seeking to a chunk. */
package io.hrmtrainer.core.dataset;
