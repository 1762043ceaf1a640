/**
 * Experiments: a plan (hypothesis, success and stop criteria, learning goals, a phase with a small budget and a
 * time-box), a run watched against its stop criteria, and a decision to persevere, pivot, stop or scale up.
 *
 * <p>{@link dev.failforward.core.experiment.ExperimentRules} holds every rule the Jira workflow validators, the
 * "Start" condition and the daily stop-criteria job apply; they pass an
 * {@link dev.failforward.core.experiment.ExperimentSnapshot} of the fields.
 */
package dev.failforward.core.experiment;
