/**
 * Importing the post-mortems teams already keep elsewhere (Markdown files, Confluence pages, incident-tool exports).
 * Each importer turns one source into an {@link dev.failforward.core.importing.ImportResult}: an
 * {@link dev.failforward.core.importing.ImportedIncident} that says for every field where in the source it came from
 * (its provenance, shown in the dry run), plus the {@link dev.failforward.core.importing.ImportProblem}s met on the
 * way.
 * Nothing here writes anything: the host maps an imported incident onto an Incident issue and the failure database.
 */
package dev.failforward.core.importing;
