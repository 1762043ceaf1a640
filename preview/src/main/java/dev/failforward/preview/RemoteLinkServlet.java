package dev.failforward.preview;

import com.atlassian.jira.issue.link.RemoteIssueLink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.preview.jira.PreviewIssue;
import dev.failforward.preview.jira.PreviewRemoteLinks;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Jira's REST API the Confluence plugin calls to link a page to an issue:
 * {@code GET|POST /rest/api/2/issue/{key}/remotelink}, in Jira's shapes (request: {@code globalId}, {@code application
 * {type, name}}, {@code relationship}, {@code object {url, title, icon}}; answer 201 {@code {id, self}}, or 200 when a
 * link with the global id was replaced; errors as {@code {errorMessages, errors}}). As the current preview user, who
 * must be able to browse the issue's project (404 otherwise, as Jira answers for a hidden issue).
 */
final class RemoteLinkServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("^/([A-Za-z][A-Za-z0-9_]*-[0-9]+)/remotelink/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient PreviewServices services;

    RemoteLinkServlet(PreviewServices services) {
        this.services = services;
    }

    /** The issue's id and project key, when the current user may browse it. */
    private record Target(long id, String key) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> target = target(request);
        if (target.isEmpty()) {
            error(response, 404, Map.of(), "Issue Does Not Exist");
            return;
        }
        ArrayNode links = JSON.createArrayNode();
        for (RemoteIssueLink link : services.remoteLinks.forIssue(target.get().id())) {
            ObjectNode node = links.addObject();
            node.put("id", link.getId());
            node.put("globalId", link.getGlobalId());
            node.putObject("application").put("type", link.getApplicationType()).put("name", link.getApplicationName());
            node.put("relationship", link.getRelationship());
            node.putObject("object").put("url", link.getUrl()).put("title", link.getTitle());
        }
        write(response, 200, links);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> target = target(request);
        if (target.isEmpty()) {
            error(response, 404, Map.of(), "Issue Does Not Exist");
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(response, 415, Map.of(), "Content-Type must be application/json");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            error(response, 400, Map.of(), "The request body is not JSON");
            return;
        }
        if (body == null || !body.isObject()) {
            error(response, 400, Map.of(), "The request body is not a JSON object");
            return;
        }
        String url = text(body.at("/object/url"));
        String title = text(body.at("/object/title"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (url == null || url.length() > 2_000 || !(url.startsWith("http://") || url.startsWith("https://"))) {
            errors.put("url", "object.url: an absolute http(s) URL is required");
        }
        if (title == null || title.length() > 255) {
            errors.put("title", "object.title: a title of at most 255 characters is required");
        }
        String globalId = text(body.get("globalId"));
        if (globalId != null && globalId.length() > 255) {
            errors.put("globalId", "globalId: at most 255 characters");
        }
        if (!errors.isEmpty()) {
            error(response, 400, errors, null);
            return;
        }
        PreviewRemoteLinks.Saved saved = services.remoteLinks.save(target.get().id(), globalId, title, url,
                text(body.get("relationship")), text(body.at("/application/type")), text(body.at("/application/name")));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", saved.id());
        answer.put("self", services.baseUri.get().resolve("rest/api/2/issue/" + target.get().key() + "/remotelink/"
                + saved.id()).toString());
        write(response, saved.created() ? 201 : 200, answer);
    }

    private Optional<Target> target(HttpServletRequest request) {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            return Optional.empty();
        }
        String key = path.group(1).toUpperCase(java.util.Locale.ROOT);
        Optional<PreviewIssue> issue = services.jira.issues().find(key);
        if (issue.isPresent()) {
            return services.permissions.canBrowse(issue.get().projectKey())
                    ? Optional.of(new Target(issue.get().getId(), key)) : Optional.empty();
        }
        Optional<FailureRecord> record = services.records.findByIssueKey(key);
        return record.filter(r -> services.permissions.canBrowse(r.projectKey()))
                .map(r -> new Target(r.issueId(), key));
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || !node.isValueNode() ? null
                : node.asText().strip();
    }

    private static void error(HttpServletResponse response, int status, Map<String, String> errors, String message)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode messages = body.putArray("errorMessages");
        if (message != null) {
            messages.add(message);
        }
        ObjectNode fields = body.putObject("errors");
        errors.forEach(fields::put);
        write(response, status, body);
    }

    private static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
