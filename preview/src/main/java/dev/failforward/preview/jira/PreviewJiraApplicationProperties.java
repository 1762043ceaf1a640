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

    public PreviewJiraApplicationProperties(Supplier<URI> previewBase) {
        this.previewBase = previewBase;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        if (urlMode == UrlMode.RELATIVE || urlMode == UrlMode.RELATIVE_CANONICAL) {
            return "";
        }
        String base = previewBase.get().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
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
