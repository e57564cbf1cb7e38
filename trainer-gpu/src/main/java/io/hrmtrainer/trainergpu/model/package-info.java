/** The Hierarchical Reasoning Model as a DJL block, its building blocks and its loss. */
package io.hrmtrainer.trainergpu.model;
