package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.jira.importing.ImportService;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.importing.ImportJobStore;
import dev.failforward.jira.importing.ImportJobs;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * {@code POST /rest/failforward/1.0/imports}: post-mortems a team already has, as Incident issues.
 * <pre>
 *   {"project": "OPS", "dryRun": true, "files": [{"name": "2024-03-05-checkout.md", "content": "# ..."}]}
 *   → {"project": "OPS", "dryRun": true, "counts": {"create": 1},
 *      "files": [{"name", "outcome": "create|update|unchanged|created|updated|failed", "sourceKey", "issueKey",
 *                 "found": [{"field", "value", "from"}], "problems": [{"field", "message", "line"}], "error"}]}
 * </pre>
 * {@code POST /imports/zip?project=OPS&dryRun=true} takes a {@code .zip} of such files as the body
 * ({@code Content-Type: application/zip}). A dry run writes nothing; {@code dryRun: false} imports, and each file's
 * result names the issue it created or updated. A bad file (binary, empty, too large, not Markdown, nothing an incident
 * can be made of) is a {@code failed} result with the reason, never a failed batch. 400 names {@code project},
 * {@code files}, {@code files[i].name} / {@code files[i].content}, {@code mapping} or {@code file} (an unreadable zip);
 * CSV / JSON exports of incident tools ({@code .csv}, {@code .tsv}, {@code .json}) give one incident per row, read
 * through {@code "mapping": {"title": "Name", "discoveredAt": "Created At", ...}} (field key to column; absent: the
 * project's saved mapping, else one suggested from the headers), which the answer's {@code tabular} shows per file and
 * an import saves for the project; 403 with field
 * {@code project} for a user who may not import there (a Jira or project administrator who may create issues may).
 * An import of more than {@value ImportJobs#BACKGROUND_ABOVE} files, or one with {@code "background": true}, runs as a
 * background job ({@link ImportJobs}): 202 with {@code {"jobId", "status": "/rest/failforward/1.0/imports/jobs/{id}",
 * "state": "queued", "filesTotal", ...}} and the status URL as {@code Location}; {@code "background": false} keeps a
 * large batch in the request.
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** The upload's largest total of unpacked bytes (a zip bomb stops here). */
    static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    private final ImportService imports;
    private final RecordPermissions permissions;
    private final ImportJobs jobs;
    private final UserManager users;

    @Inject
    public ImportResource(ImportService imports, RecordPermissions permissions, ImportJobs jobs,
                          @Named("salUserManager") UserManager users) {
        this.imports = imports;
        this.permissions = permissions;
        this.jobs = jobs;
        this.users = users;
    }

    /** A background import: where it stands and the results of the files done so far. */
    public record JobJson(String jobId, String project, String state, String startedBy, String startedAt,
                          String finishedAt, int filesDone, int filesTotal, String status, Map<String, Integer> counts,
                          List<FileJson> files) {
    }

    public record FoundJson(String field, String value, String from) {
    }

    public record ProblemJson(String field, String message, Integer line) {
    }

    /**
     * @param status     the imported incident's workflow status after the import ({@code reported}, {@code analysing},
     *                   {@code learning_review}, {@code closed}), absent when nothing was written
     * @param statusNote why it went no further (the refusing validator's message), absent when nothing refused
     */
    public record FileJson(String name, String outcome, String sourceKey, String issueKey, List<FoundJson> found,
                           List<ProblemJson> problems, String error, String status, String statusNote) {
    }

    /** A CSV / JSON file of the batch: its columns and the mapping it was read with (field key to column). */
    public record TabularJson(String name, List<String> headers, Map<String, String> mapping,
                              Map<String, Double> confidence, List<String> fields) {
    }

    /** Every field a column can feed, by its key, in the order a mapping form lists them. */
    static final List<String> MAPPABLE = java.util.Arrays.stream(
            dev.failforward.core.importing.tabular.MappedField.values()).map(f -> f.key()).toList();

    public record BatchJson(String project, boolean dryRun, Map<String, Integer> counts, List<FileJson> files,
                            List<TabularJson> tabular) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest json = JsonRequest.parse(body);
        String project = json.requiredString("project", 255);
        boolean dryRun = dryRun(json.field("dryRun"));
        Boolean background = flag(json.field("background"), "background");
        if (dryRun && Boolean.TRUE.equals(background)) {
            throw RequestProblem.invalid(List.of(FieldError.of("background", "invalid",
                    "failforward.import.error.background.dryrun")));
        }
        JsonNode files = json.field("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw RequestProblem.invalid(List.of(FieldError.of("files", "required",
                    "failforward.import.error.files.required")));
        }
        if (files.size() > ImportService.MAX_FILES) {
            throw RequestProblem.invalid(List.of(FieldError.of("files", "too-many",
                    "failforward.import.error.files.toomany", ImportService.MAX_FILES)));
        }
        List<ImportService.SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String where = "files[" + i + "]";
            if (file == null || !file.isObject() || !file.path("name").isTextual() || file.path("name").asText().isBlank()) {
                throw RequestProblem.invalid(List.of(FieldError.of(where + ".name", "required",
                        "failforward.import.error.file.name")));
            }
            if (!file.path("content").isTextual()) {
                throw RequestProblem.invalid(List.of(FieldError.of(where + ".content", "required",
                        "failforward.import.error.file.content")));
            }
            sources.add(new ImportService.SourceFile(file.path("name").asText().strip(),
                    file.path("content").asText().getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> mapping = mapping(json.field("mapping"));
        if (!dryRun && (Boolean.TRUE.equals(background)
                || background == null && sources.size() > ImportJobs.BACKGROUND_ABOVE)) {
            ImportJobStore.Job job = jobs.start(project, sources, ZoneId.systemDefault(), mapping);
            JobJson started = job(new ImportJobs.Status(job, List.of()));
            return Response.status(Response.Status.ACCEPTED).location(URI.create(started.status())).entity(started)
                    .build();
        }
        return Response.ok(json(imports.run(project, sources, dryRun, ZoneId.systemDefault(), mapping))).build();
    }

    /**
     * {@code GET /imports/jobs/{id}}: a background import's state, files done of the total, who started it, and the
     * per-file results so far (all of them once {@code state} is {@code done}). The user who started it or a Jira
     * administrator may read it (403 otherwise); 404 for an unknown id.
     */
    @GET
    @Path("/jobs/{id}")
    public JobJson job(@PathParam("id") String id) {
        Optional<String> user = permissions.currentUserKey();
        Access.requireLogin(user);
        ImportJobs.Status status = jobs.status(id == null ? "" : id.strip()).orElseThrow(() ->
                new FailureDbException.NotFound("failforward.import.error.job.unknown", String.valueOf(id)));
        boolean starter = user.get().equals(status.job().startedBy());
        if (!starter && !users.isAdmin(new UserKey(user.get()))) {
            throw RequestProblem.forbidden();
        }
        return job(status);
    }

    private static JobJson job(ImportJobs.Status status) {
        ImportJobStore.Job job = status.job();
        ImportService.BatchReport report = new ImportService.BatchReport(job.projectKey(), false, status.files(),
                List.of());
        BatchJson batch = json(report);
        return new JobJson(job.jobKey(), job.projectKey(), job.state().name().toLowerCase(Locale.ROOT),
                job.startedBy(), job.startedAt().toString(), job.finishedAt() == null ? null
                : job.finishedAt().toString(), job.filesDone(), job.filesTotal(),
                "/rest/failforward/1.0/imports/jobs/" + job.jobKey(), batch.counts(), batch.files());
    }

    /** An optional boolean field: absent or null is {@code null}. */
    private static Boolean flag(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw RequestProblem.invalid(List.of(FieldError.of(field, "invalid",
                    "failforward.similar.error.boolean", field)));
        }
        return value.booleanValue();
    }

    /** {@code mapping}: an object of field keys to column names, or absent. */
    private static Map<String, String> mapping(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw RequestProblem.invalid(List.of(FieldError.of("mapping", "invalid",
                    "failforward.import.error.mapping", "an object of field keys to column names")));
        }
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        var fields = value.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw RequestProblem.invalid(List.of(FieldError.of("mapping." + field.getKey(), "invalid",
                        "failforward.import.error.mapping", field.getKey() + " must name a column")));
            }
            mapping.put(field.getKey(), field.getValue().asText());
        }
        return mapping;
    }

    /**
     * A {@code .zip} of post-mortem files as the body ({@code application/zip}), or as a form's file
     * ({@code multipart/form-data}: the part named {@code file} or the first with a file name; {@code project} and
     * {@code dryRun} as query parameters or form fields), as {@code curl -F file=@postmortems.zip} sends it. The form
     * needs {@code X-Atlassian-Token: no-check} like Jira's own attachment upload (the XSRF rule,
     * {@code JsonContentTypeFilter}).
     */
    @POST
    @Path("/zip")
    @Consumes({"application/zip", "multipart/form-data"})
    public BatchJson zip(@QueryParam("project") String project, @QueryParam("dryRun") String dryRun,
                         @Context HttpHeaders headers, InputStream body) {
        Access.requireLogin(permissions.currentUserKey());
        MediaType type = headers == null ? null : headers.getMediaType();
        InputStream zip = body;
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            FormUpload upload = FormUpload.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body,
                    MAX_UNPACKED_BYTES);
            project = project != null && !project.isBlank() ? project : upload.fields().get("project");
            dryRun = dryRun != null && !dryRun.isBlank() ? dryRun : upload.fields().get("dryrun");
            zip = new java.io.ByteArrayInputStream(upload.file());
        }
        boolean dry = dryRun == null || dryRun.isBlank() || parseBoolean(dryRun.strip());
        return json(imports.run(project, unzip(zip), dry, ZoneId.systemDefault()));
    }

    /** The files of a zip: folders, macOS resource forks and hidden files left out; sizes and counts bounded. */
    static List<ImportService.SourceFile> unzip(InputStream body) {
        List<ImportService.SourceFile> files = new ArrayList<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty()) {
                    continue;
                }
                if (files.size() == ImportService.MAX_FILES) {
                    throw RequestProblem.invalid(List.of(FieldError.of("file", "too-many",
                            "failforward.import.error.files.toomany", ImportService.MAX_FILES)));
                }
                byte[] content = zip.readNBytes(ImportService.MAX_FILE_BYTES + 1);
                if (content.length > ImportService.MAX_FILE_BYTES) {
                    zip.skip(Long.MAX_VALUE);
                }
                unpacked += content.length;
                if (unpacked > MAX_UNPACKED_BYTES) {
                    throw RequestProblem.invalid(List.of(FieldError.of("file", "too-large",
                            "failforward.import.error.zip.toolarge", MAX_UNPACKED_BYTES / (1024 * 1024))));
                }
                files.add(new ImportService.SourceFile(name, content));
            }
        } catch (ZipException e) {
            throw RequestProblem.invalid(List.of(FieldError.of("file", "unreadable",
                    "failforward.import.error.zip.unreadable", String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            throw RequestProblem.invalid(List.of(FieldError.of("file", "unreadable",
                    "failforward.import.error.zip.unreadable", String.valueOf(e.getMessage()))));
        }
        if (files.isEmpty()) {
            throw RequestProblem.invalid(List.of(FieldError.of("file", "empty", "failforward.import.error.zip.empty")));
        }
        return files;
    }

    private static boolean dryRun(JsonNode value) {
        if (value == null || value.isNull()) {
            return true; // a dry run unless the caller says otherwise: nothing is written by mistake
        }
        if (!value.isBoolean()) {
            throw RequestProblem.invalid(List.of(FieldError.of("dryRun", "invalid",
                    "failforward.similar.error.boolean", "dryRun")));
        }
        return value.booleanValue();
    }

    private static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RequestProblem.invalid(List.of(FieldError.of("dryRun", "invalid",
                    "failforward.similar.error.boolean", "dryRun")));
        };
    }

    static BatchJson json(ImportService.BatchReport report) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        report.counts().forEach((outcome, n) -> counts.put(outcome.name().toLowerCase(Locale.ROOT), n));
        return new BatchJson(report.projectKey(), report.dryRun(), counts, report.files().stream()
                .map(f -> new FileJson(f.name(), f.outcome().name().toLowerCase(Locale.ROOT), f.sourceKey(),
                        f.issueKey(), f.found().stream().map(x -> new FoundJson(x.field(), x.value(), x.from())).toList(),
                        f.problems().stream().map(ImportResource::problem).toList(), f.error(),
                        f.workflow() == null || f.workflow().status() == null ? null
                                : f.workflow().status().name().toLowerCase(Locale.ROOT),
                        f.workflow() == null || f.workflow().stoppedBy() == null
                                || f.workflow().stoppedBy().isBlank() ? null : f.workflow().stoppedBy()))
                .toList(), report.tabular().stream().map(t -> new TabularJson(t.name(), t.headers(), t.mapping(),
                        t.confidence(), MAPPABLE)).toList());
    }

    private static ProblemJson problem(ImportProblem p) {
        return new ProblemJson(p.field() == null ? null : p.field().name().toLowerCase(Locale.ROOT), p.message(),
                p.line() > 0 ? p.line() : null);
    }
}
