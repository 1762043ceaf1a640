package dev.failforward.preview.confluence;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** SAL's application properties of the preview's Confluence: its base URL is the preview's, plus {@code confluence}. */
public final class PreviewApplicationProperties implements ApplicationProperties {

    public static final String CONTEXT_PATH = "/confluence";

    private final Supplier<URI> previewBase;

    public PreviewApplicationProperties(Supplier<URI> previewBase) {
        this.previewBase = previewBase;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        if (urlMode == UrlMode.RELATIVE || urlMode == UrlMode.RELATIVE_CANONICAL) {
            return CONTEXT_PATH;
        }
        String base = previewBase.get().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CONTEXT_PATH;
    }

    /** The preview's Confluence keeps nothing in a shared home (the Jira pulse's secrets: {@code DATA/secrets}). */
    @Override
    public Optional<Path> getLocalHomeDirectory() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> getSharedHomeDirectory() {
        return Optional.empty();
    }

    @Override
    public String getDisplayName() {
        return "Fail Forward preview Confluence";
    }
}
