package dev.failforward.preview.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.ApplicationType;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The preview Jira's Application Links: one primary Confluence link, to the preview's own Confluence
 * ({@link PreviewApplicationProperties#CONTEXT_PATH} under the preview's base URL). The Jira plugin opens pages there
 * ("Write the retro") and reads pages to import through it: requests go over real HTTP to the preview Confluence
 * (as {@link PreviewApplicationLinks} does the other way), as the one preview user, so no authorisation is asked.
 */
public final class PreviewConfluenceLinks implements ApplicationLinkService {

    /** The preview Confluence's application id: what Jira's link to it is called by ({@code appId} of global ids). */
    public static final String CONFLUENCE_APPLICATION_ID = "8835b6ac-0000-4f00-9a11-ff0000c0ffee";

    private final Supplier<URI> previewBase;

    public PreviewConfluenceLinks(Supplier<URI> previewBase) {
        this.previewBase = previewBase;
    }

    @Override
    public ApplicationLink getPrimaryApplicationLink(Class<? extends ApplicationType> type) {
        return type == ConfluenceApplicationType.class ? new Link() : null;
    }

    private final class Link implements ApplicationLink {
        @Override
        public URI getDisplayUrl() {
            String base = previewBase.get().toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                    + PreviewApplicationProperties.CONTEXT_PATH);
        }

        @Override
        public ApplicationLinkRequestFactory createAuthenticatedRequestFactory() {
            URI confluence = URI.create(getDisplayUrl() + "/");
            return new PreviewApplicationLinks(() -> confluence).getPrimaryApplicationLink(null)
                    .createAuthenticatedRequestFactory();
        }
    }
}
