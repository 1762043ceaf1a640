/**
 * The most valuable failure award: per {@link dev.failforward.core.award.AwardScope} (the instance or a project
 * group) and {@link dev.failforward.core.award.AwardPeriod} (a quarter by default), records are nominated with a
 * reason, then voted on by secret ballot (one vote per person, detected by a keyed
 * {@link dev.failforward.core.award.BallotGuard}, never tied to the choice), then tallied
 * ({@link dev.failforward.core.award.AwardTally}, ties to the earliest nomination). Design: {@code docs/awards-design.md}.
 */
package dev.failforward.core.award;
