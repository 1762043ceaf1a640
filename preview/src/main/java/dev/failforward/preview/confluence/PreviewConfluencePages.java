package dev.failforward.preview.confluence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pages made from the retro blueprints in the preview's Confluence, in memory (gone after a restart; the demo's
 * own retro pages are made from the failure database and always there). Ids start far above the demo's issue ids, so a
 * created page and a demo record's retro page never share a {@code pageId}.
 */
public final class PreviewConfluencePages {

    /** The first id of a created page. */
    public static final long FIRST_ID = 900_000_001L;

    /** A created page: its title, the issue and retro template of its macro, and its intro (storage XHTML we built). */
    public record CreatedPage(long id, String title, String issueKey, String templateId, String introXhtml) {
    }

    private final Map<Long, CreatedPage> pages = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong(FIRST_ID - 1);

    public CreatedPage create(String title, String issueKey, String templateId, String introXhtml) {
        CreatedPage page = new CreatedPage(ids.incrementAndGet(), title, issueKey, templateId, introXhtml);
        pages.put(page.id(), page);
        return page;
    }

    public Optional<CreatedPage> find(long id) {
        return Optional.ofNullable(pages.get(id));
    }

    public List<CreatedPage> all() {
        return List.copyOf(pages.values());
    }
}
