package dev.failforward.preview.confluence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The preview Confluence's demo space {@value #SPACE}: a "Post-mortems" page with post-mortems below it (one made with
 * Confluence's incident post-mortem blueprint and its page-properties table, one with a team's own headings and a
 * timeline table, one written in info / expand / panel macros) and a page that is no post-mortem, as storage format
 * ({@code preview/confluence-space/<id>.xhtml}, listed with title, labels and parent in {@code pages.properties}).
 * Read-only; what Jira's import reads through the application link from the content search.
 */
public final class PreviewConfluenceSpace {

    public static final String SPACE = "OPS";
    public static final String SPACE_NAME = "Operations";
    private static final String DIR = "/preview/confluence-space/";

    /** A page: id, title, labels, parent page id (null at the root), body in storage format. */
    public record Page(long id, String title, Set<String> labels, Long parent, String storage) {
    }

    private final List<Page> pages;

    public PreviewConfluenceSpace() {
        Properties index = new Properties();
        try (InputStream in = PreviewConfluenceSpace.class.getResourceAsStream(DIR + "pages.properties")) {
            index.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            List<Page> read = new ArrayList<>();
            for (String id : index.stringPropertyNames()) {
                String[] parts = index.getProperty(id).split("\\|", -1);
                try (InputStream body = PreviewConfluenceSpace.class.getResourceAsStream(DIR + id + ".xhtml")) {
                    read.add(new Page(Long.parseLong(id), parts[0].strip(),
                            Set.copyOf(Arrays.stream(parts[1].split(",")).map(String::strip).filter(s -> !s.isEmpty())
                                    .toList()),
                            parts[2].isBlank() ? null : Long.parseLong(parts[2].strip()),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            read.sort(Comparator.comparingLong(Page::id));
            this.pages = List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException("the preview's demo Confluence space could not be read", e);
        }
    }

    public List<Page> pages() {
        return pages;
    }

    public Optional<Page> find(long id) {
        return pages.stream().filter(p -> p.id() == id).findFirst();
    }

    /** The pages of a space, with a label (or any), below an ancestor (or anywhere), oldest (lowest id) first. */
    public List<Page> search(String space, String label, Long ancestor) {
        if (!SPACE.equalsIgnoreCase(space)) {
            return List.of();
        }
        return pages.stream().filter(p -> label == null || p.labels().contains(label))
                .filter(p -> ancestor == null || below(p, ancestor)).toList();
    }

    private boolean below(Page page, long ancestor) {
        Long parent = page.parent();
        for (int depth = 0; parent != null && depth < 50; depth++) {
            if (parent == ancestor) {
                return true;
            }
            parent = find(parent).map(Page::parent).orElse(null);
        }
        return false;
    }
}
