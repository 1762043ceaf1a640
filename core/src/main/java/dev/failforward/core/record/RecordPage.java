package dev.failforward.core.record;

import java.util.List;
import java.util.Objects;

/**
 * One page of a {@link RecordQuery}'s result.
 *
 * @param records the records of the page, in the query's order; copied
 * @param total   how many records match the query in all pages
 * @param page    the window this page is
 */
public record RecordPage(List<FailureRecord> records, int total, PageRequest page) {

    public RecordPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(page, "page");
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        if (records.size() > page.limit()) {
            throw new IllegalArgumentException("a page holds at most " + page.limit() + " records, not " + records.size());
        }
    }

    /** Whether records follow this page. */
    public boolean hasNext() {
        return (long) page.offset() + records.size() < total;
    }
}
