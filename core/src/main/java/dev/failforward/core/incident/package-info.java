/**
 * Incidents: failures of any kind, reported fast, classified without blame, analysed to their causes with the 5 whys
 * and turned into learnings and next steps. {@link dev.failforward.core.incident.IncidentRules} holds the workflow's
 * requirements, {@link dev.failforward.core.incident.TwentyFourHourRule} the rule that learning starts within a day.
 */
package dev.failforward.core.incident;
