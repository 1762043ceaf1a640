/**
 * The culture KPIs as pure calculators: {@link dev.failforward.core.kpi.Periods} cuts a range into months or quarters
 * in the user's time zone (empty periods included, the current one partial), {@link dev.failforward.core.kpi.KpiEngine}
 * turns small immutable facts ({@link dev.failforward.core.kpi.IncidentFact},
 * {@link dev.failforward.core.kpi.ExperimentFact}, {@link dev.failforward.core.kpi.ActionFact},
 * {@link dev.failforward.core.kpi.PulseAnswer}) or per-period aggregates a database computed (counts,
 * {@link dev.failforward.core.kpi.Share}s, duration samples) into {@link dev.failforward.core.kpi.KpiSeries}.
 */
package dev.failforward.core.kpi;
