package dev.failforward.jira.importing;

import dev.failforward.jira.failuredb.FailureDbException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports post-mortem pages straight from Confluence: the pages of a space (optionally with a label, optionally below a
 * parent page) read through the primary Confluence application link as the importing user, each then handled exactly
 * like an uploaded page ({@link ImportService}: the same report, the same dry run, idempotent by page id, the page kept
 * as the incident's retro page). Who may import is checked before Confluence is asked anything.
 */
@Named
public class ConfluenceImport {

    /** Pages one request reads at most (a dry run reads them all, an import as well: the batch limit). */
    public static final int MAX_PAGES = ImportService.MAX_FILES;
    public static final int DEFAULT_PAGES = 200;

    private final ImportService imports;
    private final ConfluencePageSource pages;

    @Inject
    public ConfluenceImport(ImportService imports, ConfluencePageSource pages) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /**
     * @throws FailureDbException.BadField    {@code project} missing or unknown; {@code space} when no page matched
     * @throws FailureDbException.FieldDenied {@code project}: the user may not import there
     * @throws ConfluencePageSource.ConfluenceUnavailableException Confluence could not be asked (no link, authorisation
     *                                        needed, refused, down, too slow)
     */
    public ImportService.BatchReport run(String projectKey, ConfluencePageSource.PageQuery query, boolean dryRun,
                                         ZoneId zone) {
        String project = imports.mayImport(projectKey);
        List<ConfluencePageSource.Page> found = pages.pages(query);
        if (found.isEmpty()) {
            throw new FailureDbException.BadField("space", "no-pages", query.label() == null && query.parent() == null
                    ? "failforward.import.confluence.nopages" : "failforward.import.confluence.nopages.filtered",
                    query.space());
        }
        List<ImportService.SourceFile> files = new ArrayList<>();
        for (ConfluencePageSource.Page page : found) {
            String title = page.title() == null || page.title().isBlank() ? null : page.title().strip();
            String name = (title == null ? "Confluence page" : title) + " (" + page.id() + ")";
            files.add(new ImportService.SourceFile(name,
                    (page.storage() == null ? "" : page.storage()).getBytes(StandardCharsets.UTF_8),
                    new ImportService.ConfluencePage(page.id(), title, page.url())));
        }
        return imports.run(project, files, dryRun, zone);
    }
}
