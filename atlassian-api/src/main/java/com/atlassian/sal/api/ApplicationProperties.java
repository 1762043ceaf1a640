package com.atlassian.sal.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Stand-in for {@code com.atlassian.sal.api.ApplicationProperties} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8; reference atlassian-api.md §2.3, signatures from sal-api 5.1.4); only the members Fail Forward calls.
 */
public interface ApplicationProperties {

    /** The product's base URL in the given form, without a trailing slash (real: {@code @Nonnull}). */
    String getBaseUrl(UrlMode urlMode);

    /**
     * This node's local home, the directory no other node sees (real: {@code @Nonnull}, sal-api 7.x as in 5.1.4); Fail
     * Forward keeps its per-node search index under {@code caches/} there.
     */
    Optional<Path> getLocalHomeDirectory();

    /**
     * The product's shared home, the directory every node of a Data Center cluster sees (real: {@code @Nonnull};
     * what a product returns on a single node is not checked here).
     */
    Optional<Path> getSharedHomeDirectory();

    /**
     * The product's display name (real: {@code @Nonnull}); Fail Forward names the Confluence of a remote link with it.
     * [U] whether Confluence answers its site title or the product name ("Confluence").
     */
    String getDisplayName();
}
