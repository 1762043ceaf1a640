package dev.failforward.preview.jira;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SAL's application properties of the preview's Jira: it runs at the preview's root, so a relative base URL is empty
 * and {@code /browse/KEY} reaches the preview's issue view (its {@code /browse/*} redirect).
 */
public final class PreviewJiraApplicationProperties implements ApplicationProperties {

    private final Supplier<URI> previewBase;
    private final Path localHome;

    /** Without a local home (no node-local caches: the search index is then unavailable). */
    public PreviewJiraApplicationProperties(Supplier<URI> previewBase) {
        this(previewBase, null);
    }

    /** @param localHome this preview node's local home ({@code DATA/local/NODE-ID}), or null */
    public PreviewJiraApplicationProperties(Supplier<URI> previewBase, Path localHome) {
        this.previewBase = previewBase;
        this.localHome = localHome;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        if (urlMode == UrlMode.RELATIVE || urlMode == UrlMode.RELATIVE_CANONICAL) {
            return "";
        }
        String base = previewBase.get().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** This node's own directory: the search index lives in its {@code caches/failforward/search-index}. */
    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return Optional.ofNullable(localHome);
    }

    /** The preview's Jira keeps its secrets in {@code DATA/secrets} (its own secret store), not in a shared home. */
    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return Optional.empty();
    }

    @Override
    public String getDisplayName() {
        return "Fail Forward preview Jira";
    }
}
