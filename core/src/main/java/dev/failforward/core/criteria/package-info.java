/**
 * Success and stop criteria, read from the text people write, one criterion per line:
 * {@link dev.failforward.core.criteria.CriteriaParser} turns "p95 latency &lt; 300 ms", "budget 5,000 EUR" and
 * "by 31 Dec 2026" into metric, budget and deadline criteria, and reports every line it cannot read instead of
 * guessing. Only the parser, the result types and {@link dev.failforward.core.criteria.Comparator} are public.
 */
package dev.failforward.core.criteria;
