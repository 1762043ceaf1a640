/**
 * What the experiment and incident lifecycles share: a {@link dev.failforward.core.lifecycle.FieldProblem} says why a
 * transition or save is refused and names the {@link dev.failforward.core.lifecycle.FieldKeys field} to fix. Rules
 * return problems instead of throwing, so a workflow validator can show all of them at once.
 */
package dev.failforward.core.lifecycle;
