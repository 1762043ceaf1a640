package dev.failforward.jira.importing;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Confluence pages to import, read from the primary Confluence application link as the current user (the host's side:
 * {@link ApplinksConfluencePages}). Pages the user may not see are not returned by Confluence, so they are never
 * imported.
 */
public interface ConfluencePageSource {

    /**
     * The pages of a space, optionally only those with a label and / or below a parent page, at most {@code max}.
     *
     * @throws ConfluenceUnavailableException when Confluence cannot be asked or does not answer with pages
     */
    List<Page> pages(PageQuery query);

    /**
     * What to import: a space key, optionally a label and a parent page id, and how many pages at most.
     */
    record PageQuery(String space, String label, String parent, int max) {
        public PageQuery {
            Objects.requireNonNull(space, "space");
            if (parent != null && !parent.matches("\\d{1,19}")) {
                throw new IllegalArgumentException("a parent page is a page id, not " + parent);
            }
        }

        /**
         * The CQL that selects the pages: {@code type=page and space="OPS" and label="x" and ancestor=12345}, values in
         * double quotes with {@code \} and {@code "} escaped by a backslash (so a value cannot end the string early and
         * add a clause of its own); the parent as the page id it is (digits); oldest first, so paging is stable while
         * pages are added.
         */
        public String cql() {
            StringBuilder cql = new StringBuilder("type=page and space=").append(quoted(space));
            if (label != null) {
                cql.append(" and label=").append(quoted(label));
            }
            if (parent != null) {
                cql.append(" and ancestor=").append(parent); // a page id: digits only (checked by the caller)
            }
            return cql.append(" order by created asc").toString();
        }

        static String quoted(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** A page: its id, title, address (absolute, where people open it; may be null) and body in storage format. */
    record Page(String id, String title, String url, String storage) {
        public Page {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Why no pages could be read. */
    enum Problem {
        /** No primary Confluence application link. */
        NO_LINK,
        /** The user has to authorise Jira to read Confluence first ({@code authorizeUri}). */
        AUTHORIZATION_REQUIRED,
        /** Confluence refused the request (403). */
        FORBIDDEN,
        /** Confluence has no such REST resource or space (404). */
        NOT_FOUND,
        /** Confluence could not run the query (400). */
        BAD_QUERY,
        /** Confluence did not answer in time. */
        TIMEOUT,
        /** Confluence could not be reached, answered 5xx or something unreadable. */
        UNAVAILABLE
    }

    /** Confluence could not give the pages: why, the authorisation address when that is why, and a detail. */
    final class ConfluenceUnavailableException extends RuntimeException {
        private final Problem problem;
        private final transient URI authorizeUri;
        private final String detail;

        public ConfluenceUnavailableException(Problem problem, URI authorizeUri, String detail) {
            super(problem + (detail == null ? "" : ": " + detail), null, false, false);
            this.problem = Objects.requireNonNull(problem, "problem");
            this.authorizeUri = authorizeUri;
            this.detail = detail == null ? "" : detail;
        }

        public Problem problem() {
            return problem;
        }

        public URI authorizeUri() {
            return authorizeUri;
        }

        public String detail() {
            return detail;
        }
    }
}
