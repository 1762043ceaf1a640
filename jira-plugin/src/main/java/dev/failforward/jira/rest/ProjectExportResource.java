package dev.failforward.jira.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.FailureDbService.ProjectExport;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A project's failure database as a file, streamed page by page (the whole project is never held in memory):
 * <pre>
 *   GET /rest/failforward/1.0/projects/{projectKey}/export.csv    one row per record, header row first
 *   GET /rest/failforward/1.0/projects/{projectKey}/export.json   {"projectKey":…,"records":[{record,learnings,actionItems,whys}]}
 * </pre>
 * Needs Browse Projects on the project, checked before the first byte is written; a project the user cannot browse is
 * a 404 exactly like one that does not exist. Anonymous: 401.
 *
 * <p>CSV: RFC 4180 with formula-injection protection ({@link CsvWriter}); learnings and action items are one cell
 * each, one line per item ({@code kind: text}; {@code status | type | due date | owner | description}).
 */
@Path("/projects/{projectKey}")
public class ProjectExportResource {

    static final List<String> CSV_HEADER = List.of("issueKey", "kind", "summary", "status", "phase", "failureType",
            "failureCategory", "failureMode", "outcome", "decision", "hypothesis", "team", "component", "labels",
            "createdAt", "updatedAt", "learnings", "actionItems");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FailureDbService service;
    private final RecordPermissions permissions;

    @Inject
    public ProjectExportResource(FailureDbService service, RecordPermissions permissions) {
        this.service = service;
        this.permissions = permissions;
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("projectKey") String projectKey) {
        Access.requireLogin(permissions.currentUserKey());
        ProjectExport export = service.exportProject(projectKey);
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            CsvWriter csv = new CsvWriter(writer);
            csv.row(CSV_HEADER);
            try {
                export.forEach(details -> {
                    try {
                        csv.row(csvRow(details));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return file(body, "text/csv; charset=UTF-8", export.projectKey() + "-failure-database.csv");
    }

    @GET
    @Path("/export.json")
    @Produces("application/json")
    public Response json(@PathParam("projectKey") String projectKey) {
        Access.requireLogin(permissions.currentUserKey());
        ProjectExport export = service.exportProject(projectKey);
        StreamingOutput body = output -> {
            try (JsonGenerator json = JSON.getFactory().createGenerator(output, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("projectKey", export.projectKey());
                json.writeArrayFieldStart("records");
                try {
                    export.forEach(details -> {
                        try {
                            JSON.writeValue(json, FailureRecordJson.details(details));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        };
        return file(body, "application/json; charset=UTF-8", export.projectKey() + "-failure-database.json");
    }

    static List<String> csvRow(RecordDetails details) {
        FailureRecord r = details.record();
        return List.of(r.issueKey(), orEmpty(FailureRecordJson.name(r.kind())), r.summary(), r.status(),
                orEmpty(FailureRecordJson.name(r.phase())), orEmpty(FailureRecordJson.name(r.failureType())),
                orEmpty(FailureRecordJson.name(r.failureCategory())), orEmpty(FailureRecordJson.name(r.failureMode())),
                orEmpty(FailureRecordJson.name(r.outcome())), orEmpty(FailureRecordJson.name(r.decision())),
                orEmpty(r.hypothesis()), orEmpty(r.team()), orEmpty(r.component()), String.join(" ", r.labels()),
                r.createdAt().toString(), r.updatedAt().toString(),
                details.learnings().stream().map(ProjectExportResource::learningLine).collect(Collectors.joining("\n")),
                details.actionItems().stream().map(ProjectExportResource::actionLine).collect(Collectors.joining("\n")));
    }

    private static String learningLine(Learning learning) {
        return FailureRecordJson.name(learning.kind()) + ": " + learning.text();
    }

    private static String actionLine(ActionItem action) {
        return String.join(" | ", FailureRecordJson.name(action.status()), FailureRecordJson.name(action.type()),
                action.dueDate().toString(), action.ownerKey(), action.description());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Response file(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
