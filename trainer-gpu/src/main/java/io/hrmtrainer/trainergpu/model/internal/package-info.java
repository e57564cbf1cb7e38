/**
 * Engine-specific autograd switches and graph-safe helpers that the model and the optimizer
 * share; not public API.
 */
package io.hrmtrainer.trainergpu.model.internal;
