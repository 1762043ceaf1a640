package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.jira.importing.ConfluenceImport;
import dev.failforward.jira.importing.ConfluencePageSource;
import dev.failforward.jira.importing.ConfluencePageSource.ConfluenceUnavailableException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.ZoneId;
import java.util.List;

/**
 * {@code POST /rest/failforward/1.0/imports/confluence}: post-mortem pages straight from Confluence, through the
 * primary Confluence application link as the current user.
 * <pre>
 *   {"project": "OPS", "dryRun": true, "space": "OPS", "label": "postmortem", "parent": "12345", "max": 200}
 *   → the same answer as {@code POST /imports}, one file per page ("Title (pageId)"), source key confluence-page-&lt;id&gt;
 * </pre>
 * {@code label}, {@code parent} (a page id: the pages below it) and {@code max} (1–1000, default 200) are optional; a
 * dry run unless {@code dryRun} is {@code false}. 400 names {@code project}, {@code space} (missing, not a space key,
 * or no page matched), {@code label}, {@code parent} or {@code max}; 403 names {@code project} for a user who may not
 * import there — checked before Confluence is asked. When Confluence cannot give the pages the answer says why, in the
 * shared error body with the field {@code confluence} and a code: 409 {@code no-link} (no application link),
 * 409 {@code authorization-required} with {@code authorizeUrl} (the user authorises Jira to read Confluence there, as
 * Atlassian's own apps ask), 409 {@code forbidden} / {@code not-found} (Confluence's 403 / 404), 400 {@code bad-query}
 * (Confluence's 400, its message kept), 504 {@code timeout}, 502 {@code unavailable}. Never a 500 for Confluence's sake.
 */
@Path("/imports/confluence")
@Produces(MediaType.APPLICATION_JSON)
public class ConfluenceImportResource {

    private final ConfluenceImport imports;
    private final RecordPermissions permissions;
    private final I18nResolver i18n;

    @Inject
    public ConfluenceImportResource(ConfluenceImport imports, RecordPermissions permissions,
                                    @ComponentImport I18nResolver i18n) {
        this.imports = imports;
        this.permissions = permissions;
        this.i18n = i18n;
    }

    /** The shared error body ({@code status, message, errors}) and, when the user must authorise, where. */
    public record ConfluenceErrorJson(int status, String message, List<ErrorItem> errors, String authorizeUrl) {
    }

    public record ErrorItem(String field, String code, String message) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest json = JsonRequest.parse(body);
        String project = json.requiredString("project", 255);
        JsonNode dryRunValue = json.field("dryRun");
        if (dryRunValue != null && !dryRunValue.isNull() && !dryRunValue.isBoolean()) {
            throw RequestProblem.invalid("dryRun", "invalid", "failforward.similar.error.boolean", "dryRun");
        }
        boolean dryRun = dryRunValue == null || dryRunValue.isNull() || dryRunValue.booleanValue();
        String space = json.optionalString("space", 255).map(String::strip).orElse("");
        if (space.isEmpty()) {
            throw RequestProblem.invalid("space", "required", "failforward.import.confluence.space.required");
        }
        if (!space.matches("~?[^\\s\"\\\\]+")) {
            throw RequestProblem.invalid("space", "invalid", "failforward.import.confluence.space.invalid");
        }
        String label = json.optionalString("label", 255).map(String::strip).filter(l -> !l.isEmpty()).orElse(null);
        if (label != null && !label.matches("[^\\s\"\\\\]+")) {
            throw RequestProblem.invalid("label", "invalid", "failforward.import.confluence.label.invalid");
        }
        String parent = parent(json.field("parent"));
        int max = json.optionalInteger("max", 1, ConfluenceImport.MAX_PAGES).orElse(ConfluenceImport.DEFAULT_PAGES);
        try {
            return Response.ok(ImportResource.json(imports.run(project,
                    new ConfluencePageSource.PageQuery(space, label, parent, max), dryRun, ZoneId.systemDefault())))
                    .build();
        } catch (ConfluenceUnavailableException e) {
            return confluenceProblem(e);
        }
    }

    /** A page id: digits, sent as a number or a string; absent or blank for none. */
    private static String parent(JsonNode value) {
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        String id = value.isIntegralNumber() ? value.asText() : value.isTextual() ? value.asText().strip() : "";
        if (!id.matches("\\d{1,19}")) {
            throw RequestProblem.invalid("parent", "invalid", "failforward.import.confluence.parent.invalid");
        }
        return id;
    }

    private Response confluenceProblem(ConfluenceUnavailableException e) {
        String detail = e.detail();
        record Mapped(int status, String code, String key) {
        }
        Mapped m = switch (e.problem()) {
            case NO_LINK -> new Mapped(409, "no-link", "failforward.import.confluence.nolink");
            case AUTHORIZATION_REQUIRED -> new Mapped(409, "authorization-required",
                    "failforward.import.confluence.authorize");
            case FORBIDDEN -> new Mapped(409, "forbidden", "failforward.import.confluence.forbidden");
            case NOT_FOUND -> new Mapped(409, "not-found", "failforward.import.confluence.notfound");
            case BAD_QUERY -> new Mapped(400, "bad-query", "failforward.import.confluence.badquery");
            case TIMEOUT -> new Mapped(504, "timeout", "failforward.import.confluence.timeout");
            case UNAVAILABLE -> new Mapped(502, "unavailable", "failforward.import.confluence.unavailable");
        };
        String message = i18n.getText(m.key(), detail);
        String authorize = e.authorizeUri() == null ? null : e.authorizeUri().toString();
        return Response.status(m.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ConfluenceErrorJson(m.status(), message,
                        List.of(new ErrorItem("confluence", m.code(), message)), authorize))
                .build();
    }
}
