package dev.failforward.confluence.jira;

import com.atlassian.applinks.api.ApplicationId;
import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.applinks.host.spi.HostApplication;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.net.Request.MethodType;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.confluence.retro.IssueKeys;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Links a Confluence page to a Jira issue the way Confluence's own Jira integration does: a remote issue link created
 * through the primary Jira application link, as the current user, with {@code POST /rest/api/2/issue/{key}/remotelink}.
 *
 * <p>The body has the shape of Confluence's {@code JiraRemoteLinkCreator} (confluence-jira-plugin) and of Jira's own
 * {@code ConfluenceRemoteIssueLinkBuilder}: global id {@code appId=<this Confluence's application id>&pageId=<id>} (so
 * Jira finds the page through its application link to us, and posting again updates the link instead of adding a
 * second one), application {@code {type: "com.atlassian.confluence", name}}, relationship {@code "Wiki Page"} (Jira's
 * own "link a Confluence page"; Confluence's page-mentions use "mentioned in"), object {@code {url, title, icon}} with
 * the page's id-based URL ({@code /pages/viewpage.action?pageId=}).
 *
 * <p>Never throws and never blocks long (2 s to connect, 4 s to answer): a page is made whether Jira is linked, up,
 * or lets the user link; the outcome is logged and returned.
 */
@Named
public class JiraRemoteLinks {

    /** Jira's application type of Confluence links ({@code RemoteIssueLink.APPLICATION_TYPE_CONFLUENCE}). */
    public static final String APPLICATION_TYPE = "com.atlassian.confluence";
    /** The relationship Jira's own Confluence page links have ({@code ConfluenceRemoteIssueLinkBuilder}). */
    public static final String RELATIONSHIP = "Wiki Page";
    /** Where Confluence shows a page by id, relative to its base URL. */
    public static final String PAGE_PATH = "/pages/viewpage.action?pageId=";
    /** The link's icon: the plugin's own (a download resource of the plugin, so it always exists). */
    static final String ICON_PATH = "/download/resources/dev.failforward.confluence/images/pluginIcon.png";
    static final int CONNECTION_TIMEOUT_MILLIS = 2_000;
    static final int SOCKET_TIMEOUT_MILLIS = 4_000;

    private static final Logger LOG = LoggerFactory.getLogger(JiraRemoteLinks.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What became of one link. */
    public enum Outcome {
        /** Jira made (or updated) the link. */
        LINKED,
        /** The key is not an issue key; nothing was sent. */
        INVALID_KEY,
        /** Confluence has no primary Jira application link. */
        NO_LINK,
        /** The user has not authorised the application link (or Jira answered 401/403). */
        NOT_AUTHORISED,
        /** Jira is down, slow, answered an error, or something unexpected failed. */
        FAILED
    }

    private final ApplicationLinkService links;
    private final HostApplication host;
    private final ApplicationProperties application;

    @Inject
    public JiraRemoteLinks(@ComponentImport ApplicationLinkService links, @ComponentImport HostApplication host,
                           @ComponentImport ApplicationProperties application) {
        this.links = Objects.requireNonNull(links, "links");
        this.host = Objects.requireNonNull(host, "host");
        this.application = Objects.requireNonNull(application, "application");
    }

    /**
     * Links the page to the issue as the current user. Never throws.
     *
     * @param issueKey the Jira issue key (parsed again: only a valid key is sent)
     * @param pageId   the Confluence page's id
     * @param title    the page's title (Jira's Confluence link renderer shows the live title; other readers use this)
     */
    public Outcome linkPage(String issueKey, long pageId, String title) {
        Optional<String> key = IssueKeys.parse(issueKey);
        if (key.isEmpty()) {
            LOG.debug("Fail Forward: no remote link for page {}: {} is not an issue key", pageId, issueKey);
            return Outcome.INVALID_KEY;
        }
        String path = "/rest/api/2/issue/" + URLEncoder.encode(key.get(), StandardCharsets.UTF_8) + "/remotelink";
        try {
            ApplicationLink link = links.getPrimaryApplicationLink(JiraApplicationType.class);
            if (link == null) {
                LOG.info("Fail Forward: page {} is not linked to {}: Confluence has no Jira application link",
                        pageId, key.get());
                return Outcome.NO_LINK;
            }
            String body = body(host.getId(), baseUrl(), application.getDisplayName(), pageId, title);
            ApplicationLinkRequestFactory factory = link.createAuthenticatedRequestFactory();
            ApplicationLinkRequest request = factory.createRequest(MethodType.POST, path);
            request.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
            request.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            request.setHeader("Accept", "application/json");
            request.setRequestBody(body, "application/json");
            Outcome outcome = request.execute(new Handler());
            if (outcome != Outcome.LINKED) {
                LOG.warn("Fail Forward: Jira did not link page {} to {}: {}", pageId, key.get(), outcome);
            }
            return outcome;
        } catch (CredentialsRequiredException e) {
            LOG.info("Fail Forward: page {} is not linked to {}: the user has not authorised the Jira link",
                    pageId, key.get());
            return Outcome.NOT_AUTHORISED;
        } catch (ResponseException e) {
            LOG.warn("Fail Forward: page {} is not linked to {}: Jira could not be reached ({})", pageId, key.get(),
                    e.getMessage());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward: page {} is not linked to {}: unexpected error", pageId, key.get(), e);
            return Outcome.FAILED;
        }
    }

    private String baseUrl() {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The remote link's JSON body (see the class comment); {@code confluenceBase} without a trailing slash. */
    static String body(ApplicationId confluenceId, String confluenceBase, String siteName, long pageId, String title) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("globalId", "appId=" + confluenceId.get() + "&pageId=" + pageId);
        ObjectNode app = body.putObject("application");
        app.put("type", APPLICATION_TYPE);
        app.put("name", siteName);
        body.put("relationship", RELATIONSHIP);
        ObjectNode object = body.putObject("object");
        object.put("url", confluenceBase + PAGE_PATH + pageId);
        object.put("title", title == null || title.isBlank() ? "Page" : title);
        ObjectNode icon = object.putObject("icon");
        icon.put("url16x16", confluenceBase + ICON_PATH);
        icon.put("title", siteName);
        return body.toString();
    }

    private static final class Handler implements ApplicationLinkResponseHandler<Outcome> {
        @Override
        public Outcome credentialsRequired(Response response) {
            return Outcome.NOT_AUTHORISED;
        }

        @Override
        public Outcome handle(Response response) {
            int status = response.getStatusCode();
            if (status >= 200 && status < 300) {
                return Outcome.LINKED;
            }
            return status == 401 || status == 403 ? Outcome.NOT_AUTHORISED : Outcome.FAILED;
        }
    }
}
