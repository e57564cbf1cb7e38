/** Engine-specific autograd switches that the model and the optimizer share; not public API. */
package io.hrmtrainer.trainergpu.model.internal;
