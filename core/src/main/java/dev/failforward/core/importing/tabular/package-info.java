/**
 * Importing incident-tool exports (CSV or JSON, one incident per row).
 *
 * <p>The flow the host offers: {@link dev.failforward.core.importing.tabular.TabularImporter#parse(String, String)}
 * gives the headers; {@link dev.failforward.core.importing.tabular.ColumnMapping#suggest(java.util.List)} proposes
 * which column feeds which field, with a confidence per field for the UI to show; the user confirms or fixes it; the
 * host saves {@link dev.failforward.core.importing.tabular.ColumnMapping#toMap()} for the next import and calls
 * {@link dev.failforward.core.importing.tabular.TabularImporter#read} for the dry run and the import.
 *
 * <p>Why a mapping and not per-tool parsers: tools rename and add columns between versions and teams add custom
 * fields, so knowing each tool's exact format would break quietly; suggesting from header names and letting a person
 * confirm keeps working for shapes nobody wrote a parser for. Why a hand-written JSON reader: core has no
 * dependencies, and reading an array of flat-ish objects strictly (with line numbers for the report) is small.
 */
package dev.failforward.core.importing.tabular;
