package dev.failforward.jira.importing;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.importing.TimelineEntry;
import dev.failforward.core.importing.confluence.ConfluencePostMortemParser;
import dev.failforward.core.importing.markdown.MarkdownPostMortemParser;
import dev.failforward.core.importing.tabular.ColumnMapping;
import dev.failforward.core.importing.tabular.InvalidMappingException;
import dev.failforward.core.importing.tabular.MappedField;
import dev.failforward.core.importing.tabular.TabularData;
import dev.failforward.core.importing.tabular.TabularImporter;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import dev.failforward.jira.failuredb.InvalidCommandException;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.fields.FailForwardField;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Imports the post-mortems a team already has (Markdown files, one incident each) as Incident issues with their failure
 * records. A <b>dry run</b> parses every file and says, per file, what was found (each field with where in the file it
 * came from), what could not be parsed and whether the import would create, update or leave an issue; it writes
 * nothing. An <b>import</b> does the same and then, per file:
 * <ul>
 *   <li>a source seen before in this project (same stable source key, {@link ImportSourceStore}) updates the issue it
 *       became (fields written again; learnings and action items not there yet added, none removed), or is left alone
 *       when its content did not change; a source never seen creates an Incident issue through the host's issue service
 *       as the importing user;</li>
 *   <li>the issue's record is brought up to date ({@link IncidentRecords}), then the learnings and action items are
 *       added through the failure database's service (Edit Issues, validation, the change log the search index and the
 *       KPIs follow). An action item's owner is the Jira user the post-mortem names by user name, e-mail address or
 *       display name ({@link OwnerMatcher}; the dry run says who was matched and how); otherwise the importing
 *       user owns it and the description keeps the written owner. Without a due date, the item is due
 *       {@value #DEFAULT_DUE_DAYS} days after the import;</li>
 *   <li>a file that fails after its issue was created leaves nothing: the issue is deleted again and the file's result
 *       says why. One bad file never stops the batch. A node that dies mid-file leaves a claim the next import
 *       resolves ({@link PendingImports}): never a second issue.</li>
 * </ul>
 * Imports into one project run one at a time on the whole cluster (a cluster lock), so two people importing the same
 * files cannot create an issue twice.
 */
@Named
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    public static final int MAX_FILES = 1_000;
    /** Bytes per file: the Markdown parser reads at most {@link MarkdownPostMortemParser#MAX_CHARS} characters. */
    public static final int MAX_FILE_BYTES = 4 * MarkdownPostMortemParser.MAX_CHARS;
    static final int DEFAULT_DUE_DAYS = 30;
    static final long LOCK_WAIT_SECONDS = 30;
    private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mdown", "mkd", "txt");
    private static final Set<String> TABULAR = Set.of("csv", "tsv", "json");
    /** Confluence pages in storage format (a page saved from the editor's source view, or an HTML export). */
    private static final Set<String> CONFLUENCE = Set.of("xhtml", "html", "htm");
    /** A page id named near the top of a saved page: {@code <!-- pageId: 12345 -->}, {@code pageId=12345}. */
    private static final java.util.regex.Pattern PAGE_ID = java.util.regex.Pattern.compile(
            "(?i)page[-_ ]?id\\s*[:=]\\s*\"?(\\d{1,19})");

    public enum Outcome {
        /** Dry run: would create an issue. */
        CREATE,
        /** Dry run: would update the issue this source created before. */
        UPDATE,
        /** The source was imported before with the same content: nothing to do. */
        UNCHANGED,
        CREATED,
        UPDATED,
        /** Nothing was written for this file; {@code problems} / {@code error} say why. */
        FAILED
    }

    /**
     * A file of the batch: its name (with its path in a zip) and its bytes; {@code page} when it is a Confluence page
     * read through the application link (its content then is the page's storage format), else {@code null}.
     */
    public record SourceFile(String name, byte[] content, ConfluencePage page) {
        public SourceFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }

        public SourceFile(String name, byte[] content) {
            this(name, content, null);
        }
    }

    /**
     * A Confluence page: its id (the stable source key, {@code confluence-page-<id>}), title and address. With an
     * address, the page stays the incident's retro page: the source page of its learnings and a "Wiki Page" remote
     * link of the issue ({@link IncidentIssues#linkRetroPage}).
     */
    public record ConfluencePage(String id, String title, String url) {
        public ConfluencePage {
            Objects.requireNonNull(id, "id");
        }
    }

    /** One field found: the field, its value as it will be written, and where in the file it came from. */
    public record FoundField(String field, String value, String from) {
    }

    /**
     * What happened to one file.
     *
     * @param issueKey the issue it created or updated (or would update), else {@code null}
     * @param error    why nothing was written, or {@code null}
     * @param workflow where the imported incident's workflow walk ended (see {@link IncidentIssues#advance}), and
     *                 which validator stopped it; {@code null} when nothing was written
     */
    public record FileReport(String name, Outcome outcome, String sourceKey, String issueKey, List<FoundField> found,
                             List<ImportProblem> problems, String error, IncidentIssues.Advance workflow) {

        public FileReport(String name, Outcome outcome, String sourceKey, String issueKey, List<FoundField> found,
                          List<ImportProblem> problems, String error) {
            this(name, outcome, sourceKey, issueKey, found, problems, error, null);
        }
    }

    /** @param tabular the CSV / JSON files of the batch with the mapping they were read with */
    public record BatchReport(String projectKey, boolean dryRun, List<FileReport> files, List<TabularFile> tabular) {
        public Map<Outcome, Integer> counts() {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            files.forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
            return counts;
        }
    }

    private final IncidentIssues issues;
    private final IncidentRecords incidentRecords;
    private final ImportSourceStore sources;
    private final ImportPermissions permissions;
    private final FailureDbService failureDb;
    private final OwnerDirectory owners;
    private final ClusterLockService locks;
    private final Clock clock;
    private final I18nResolver i18n;
    private final ImportMappingStore mappingStore;
    private final PendingImports pendingImports;
    private final MarkdownPostMortemParser markdown = new MarkdownPostMortemParser();
    private final ConfluencePostMortemParser confluence = new ConfluencePostMortemParser();

    @Inject
    public ImportService(IncidentIssues issues, IncidentRecords incidentRecords, ImportSourceStore sources,
                         ImportPermissions permissions, FailureDbService failureDb, OwnerDirectory owners,
                         @ComponentImport ClusterLockService locks, @ComponentImport I18nResolver i18n,
                         ImportMappingStore mappingStore, ImportedIssueLookup importedIssues) {
        this(issues, incidentRecords, sources, permissions, failureDb, owners, locks, i18n, mappingStore,
                importedIssues, Clock.systemUTC());
    }

    public ImportService(IncidentIssues issues, IncidentRecords incidentRecords, ImportSourceStore sources,
                         ImportPermissions permissions, FailureDbService failureDb, OwnerDirectory owners,
                         ClusterLockService locks, I18nResolver i18n, ImportMappingStore mappingStore,
                         ImportedIssueLookup importedIssues, Clock clock) {
        this.pendingImports = new PendingImports(sources, importedIssues, i18n);
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.mappingStore = Objects.requireNonNull(mappingStore, "mappingStore");
        this.issues = Objects.requireNonNull(issues, "issues");
        this.incidentRecords = Objects.requireNonNull(incidentRecords, "incidentRecords");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.failureDb = Objects.requireNonNull(failureDb, "failureDb");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Parses (dry run) or imports a batch into a project.
     *
     * @param zone the time zone of times written without one (the importing user's)
     * @throws FailureDbException.BadField    {@code project} unknown or hidden; {@code files} empty or too many
     * @throws FailureDbException.FieldDenied {@code project}: the user may not import there
     */
    public BatchReport run(String projectKey, List<SourceFile> files, boolean dryRun, ZoneId zone) {
        return run(projectKey, files, dryRun, zone, null);
    }

    /**
     * @param mapping the column mapping of the batch's CSV / JSON files ({@code ColumnMapping#toMap}), or {@code null}
     *                for the project's saved one (else one suggested from the headers); an import saves the one used
     * @throws FailureDbException.BadField {@code mapping} that is not a valid mapping, as well as the above
     */
    public BatchReport run(String projectKey, List<SourceFile> files, boolean dryRun, ZoneId zone,
                           Map<String, String> mapping) {
        requireValidMapping(mapping);
        String project = mayImport(projectKey);
        requireFiles(files);
        Mappings mappings = new Mappings(mapping, new LinkedHashMap<>(), new OwnerMatcher(owners));
        if (dryRun) {
            List<FileReport> reports = new ArrayList<>();
            files.forEach(f -> reports.addAll(one(project, f, true, zone, mappings)));
            return new BatchReport(project, true, reports, List.copyOf(mappings.used().values()));
        }
        ClusterLock lock = locks.getLockForName("dev.failforward.jira:import:" + project);
        boolean locked;
        try {
            locked = lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw new FailureDbException.BadField("project", "busy", "failforward.import.error.busy", project);
        }
        try {
            List<FileReport> reports = new ArrayList<>();
            for (SourceFile file : files) {
                reports.addAll(one(project, file, false, zone, mappings));
            }
            if (mapping != null) {
                mappingStore.save(project, mapping); // what the user confirmed is the next import's default
            }
            return new BatchReport(project, false, reports, List.copyOf(mappings.used().values()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The project's key as imports use it, once the user may import into it (checked before anything is read, e.g.
     * before Confluence is asked for pages).
     *
     * @throws FailureDbException.BadField    {@code project} missing
     * @throws FailureDbException.FieldDenied {@code project}: the user may not import there
     */
    /** @throws FailureDbException.BadField {@code mapping} that is no valid column mapping ({@code null} is none) */
    static void requireValidMapping(Map<String, String> mapping) {
        if (mapping != null) {
            try {
                ColumnMapping.fromMap(mapping);
            } catch (InvalidMappingException e) {
                throw new FailureDbException.BadField("mapping", "invalid", "failforward.import.error.mapping",
                        String.join("; ", e.errors().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue())
                                .toList()));
            }
        }
    }

    /** @throws FailureDbException.BadField {@code files} empty or more than {@value #MAX_FILES} */
    static void requireFiles(List<SourceFile> files) {
        if (files == null || files.isEmpty()) {
            throw new FailureDbException.BadField("files", "required", "failforward.import.error.files.required");
        }
        if (files.size() > MAX_FILES) {
            throw new FailureDbException.BadField("files", "too-many", "failforward.import.error.files.toomany",
                    MAX_FILES);
        }
    }

    public String mayImport(String projectKey) {
        String project = projectKey == null ? null : projectKey.strip().toUpperCase(Locale.ROOT);
        if (project == null || project.isEmpty()) {
            throw new FailureDbException.BadField("project", "required", "failforward.import.error.project.required");
        }
        if (!permissions.mayImport(project)) {
            throw new FailureDbException.FieldDenied("project", "failforward.import.error.project.denied", project);
        }
        return project;
    }

    private List<FileReport> one(String project, SourceFile file, boolean dryRun, ZoneId zone, Mappings mappings) {
        String name = file.name();
        List<Parsed> parsedAll;
        try {
            parsedAll = parse(project, file, zone, mappings);
        } catch (RuntimeException e) {
            log.warn("Fail Forward could not read {} for an import", name, e);
            return List.of(new FileReport(name, Outcome.FAILED, null, null, List.of(), List.of(),
                    i18n.getText("failforward.import.error.unreadable")));
        }
        List<FileReport> reports = new ArrayList<>();
        for (Parsed parsed : parsedAll) {
            reports.add(incident(project, parsed, dryRun, mappings.owners()));
        }
        return reports;
    }

    private FileReport incident(String project, Parsed parsed, boolean dryRun, OwnerMatcher owners) {
        String name = parsed.name();
        if (parsed.result() == null || parsed.result().incident() == null) {
            List<ImportProblem> problems = parsed.result() == null ? List.of() : parsed.result().problems();
            return new FileReport(name, Outcome.FAILED, null, null, List.of(), problems,
                    parsed.error() != null ? parsed.error() : problems.isEmpty()
                            ? i18n.getText("failforward.import.error.nothing")
                            : problems.get(0).message());
        }
        ImportedIncident incident = parsed.result().incident().withEstimatedDiscovery();
        List<FoundField> found = new ArrayList<>(found(incident));
        found.addAll(owners(incident, owners));
        List<ImportProblem> problems = parsed.result().problems();
        if (incident.discoveredAt() == null) {
            // an incident says when it was noticed (the create step's validator asks for it): without any time at all
            // in the file there is nothing to estimate from, so the file is refused with what to add
            return new FileReport(name, Outcome.FAILED, incident.sourceKey(), null, found, problems,
                    i18n.getText("failforward.import.error.nodiscovery"));
        }
        // a claim an interrupted import left is resolved first (PendingImports): its issue is kept, never made twice
        Optional<ImportSourceStore.Source> before = pendingImports.settle(project, incident.sourceKey(), dryRun);
        Optional<String> beforeKey = before.flatMap(s -> issues.key(s.issueId()));
        if (before.isPresent() && beforeKey.isEmpty() && !dryRun) {
            sources.forget(project, incident.sourceKey()); // its issue was deleted: import it afresh
        }
        boolean existing = beforeKey.isPresent();
        boolean unchanged = existing && before.get().contentHash().equals(parsed.hash());
        if (dryRun) {
            Outcome outcome = unchanged ? Outcome.UNCHANGED : existing ? Outcome.UPDATE : Outcome.CREATE;
            return new FileReport(name, outcome, incident.sourceKey(), beforeKey.orElse(null), found, problems, null);
        }
        if (unchanged) {
            return new FileReport(name, Outcome.UNCHANGED, incident.sourceKey(), beforeKey.get(), found, problems, null);
        }
        IncidentIssues.IncidentDraft draft = pendingImports.marked(draft(incident, name), project,
                incident.sourceKey());
        IssueRef created = null;
        boolean claimed = false;
        try {
            long issueId;
            String key;
            if (existing) {
                issueId = before.get().issueId();
                issues.update(issueId, draft);
                key = issues.key(issueId).orElse(beforeKey.get());
            } else {
                // claimed before the issue exists: a crash from here on leaves a claim, not an unknown issue
                claimed = sources.claim(project, incident.sourceKey(), parsed.hash(), permissions.currentUserKey(),
                        clock.instant());
                if (!claimed) {
                    throw new IllegalStateException("the source " + incident.sourceKey() + " is claimed already");
                }
                created = issues.create(project, draft);
                issueId = created.id();
                key = created.key();
            }
            incidentRecords.refresh(issueId);
            addLearningsAndActions(key, incident, parsed.page(), owners);
            if (parsed.page() != null && parsed.page().url() != null) {
                issues.linkRetroPage(issueId, parsed.page().url(), pageTitle(parsed.page(), incident));
            }
            sources.save(new ImportSourceStore.Source(project, incident.sourceKey(), issueId, parsed.hash(),
                    permissions.currentUserKey(), clock.instant()));
            return new FileReport(name, existing ? Outcome.UPDATED : Outcome.CREATED, incident.sourceKey(), key, found,
                    problems, null, advance(issueId, incident));
        } catch (RuntimeException e) {
            boolean undone = created == null || undo(created);
            if (claimed && undone) {
                forgetClaim(project, incident.sourceKey()); // else the claim stays: the next import finds the issue
            }
            if (!(e instanceof FailureDbException || e instanceof InvalidCommandException)) {
                log.warn("Fail Forward could not import {}; nothing of it was kept", name, e);
            }
            return new FileReport(name, Outcome.FAILED, incident.sourceKey(), null, found, problems, describe(e));
        }
    }

    /**
     * The imported incident moved through its workflow as far as its content allows (after the source is saved: the
     * import stands whatever the workflow says; a validator's refusal is reported, not a failure).
     */
    private IncidentIssues.Advance advance(long issueId, ImportedIncident incident) {
        try {
            return issues.advance(issueId, incident.resolvedAt() != null);
        } catch (RuntimeException e) {
            log.warn("Fail Forward import: issue {} stays where it is in its workflow", issueId, e);
            return new IncidentIssues.Advance(null, describe(e));
        }
    }

    private boolean undo(IssueRef created) {
        // the record the refresh wrote, its learnings and actions go with the issue (the projection removes them)
        try {
            issues.delete(created.id());
        } catch (RuntimeException e) {
            log.warn("Fail Forward import could not delete the half-imported issue {}; the next import of its source"
                    + " completes it", created.key(), e);
            return false;
        }
        try {
            incidentRecords.refresh(created.id());
        } catch (RuntimeException e) {
            log.warn("Fail Forward import deleted {} but could not remove its record yet (the projection will)",
                    created.key(), e);
        }
        return true;
    }

    private void forgetClaim(String project, String sourceKey) {
        try {
            sources.forget(project, sourceKey);
        } catch (RuntimeException e) {
            log.warn("Fail Forward import could not drop the claim of {}; the next import resolves it", sourceKey, e);
        }
    }

    private String describe(RuntimeException e) {
        if (e instanceof FailureDbException db) {
            return i18n.getText(db.i18nKey(), db.arguments().toArray(java.io.Serializable[]::new));
        }
        if (e instanceof InvalidCommandException invalid) {
            return invalid.problems().stream().map(p -> p.field() + ": " + i18n.getText(p.i18nKey(),
                    p.arguments().toArray(java.io.Serializable[]::new))).reduce((a, b) -> a + "; " + b).orElse("");
        }
        return e.getMessage();
    }

    /** One incident read from a file (a Markdown file is one; a CSV or JSON export one per row). */
    private record Parsed(String name, ImportResult result, String hash, String error, ConfluencePage page) {
        Parsed(String name, ImportResult result, String hash, String error) {
            this(name, result, hash, error, null);
        }
    }

    /**
     * The column mappings of a batch (the one the caller gave, else the project's saved one, else suggested) and the
     * batch's owner matches (each written owner looked up once).
     */
    private record Mappings(Map<String, String> given, Map<String, TabularFile> used, OwnerMatcher owners) {
    }

    /** What a CSV / JSON file was read with: its columns and the mapping (field key to column), and how sure. */
    public record TabularFile(String name, List<String> headers, Map<String, String> mapping,
                              Map<String, Double> confidence) {
    }

    private List<Parsed> parse(String project, SourceFile file, ZoneId zone, Mappings mappings) {
        String hash = sha256(file.content());
        if (file.content().length > MAX_FILE_BYTES) {
            return List.of(new Parsed(file.name(), null, hash, i18n.getText("failforward.import.error.file.toolarge",
                    MAX_FILE_BYTES / 1024)));
        }
        String extension = extension(file.name());
        if (file.page() != null || CONFLUENCE.contains(extension)) {
            return List.of(confluencePage(file, zone));
        }
        if (TABULAR.contains(extension)) {
            return tabular(project, file, zone, mappings);
        }
        if (!MARKDOWN.contains(extension)) {
            return List.of(new Parsed(file.name(), null, hash, i18n.getText("failforward.import.error.file.type",
                    extension)));
        }
        String text = decode(file.content());
        return List.of(new Parsed(file.name(), markdown.parse(file.name(), text, zone, clock.instant()), hash, null));
    }

    /**
     * A Confluence page: one read through the link carries its id, title and address; a page uploaded as a file is
     * known by the page id it names near its top ({@code <!-- pageId: 12345 -->}) or in its name
     * ({@code 12345.xhtml}, {@code …pageId=12345…}), else by its name without folder and extension. Its hash
     * covers title and address too, so a renamed or moved page is updated.
     */
    private Parsed confluencePage(SourceFile file, ZoneId zone) {
        String text = decode(file.content());
        ConfluencePage page = file.page();
        if (page == null) {
            String base = file.name().substring(file.name().lastIndexOf('/') + 1);
            String stem = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
            java.util.regex.Matcher named = PAGE_ID.matcher(text.substring(0, Math.min(text.length(), 1_000)));
            java.util.regex.Matcher inName = PAGE_ID.matcher(base);
            // else the file's name without folder and extension ("12345.xhtml" is page 12345): the source key keeps
            // its confluence-page- prefix (a key made from a path would lose it to sourceKey's folder stripping)
            String id = named.find() ? named.group(1) : inName.find() ? inName.group(1) : stem;
            page = new ConfluencePage(id, null, null);
        }
        String hash = sha256((page.title() + "\n" + page.url() + "\n" + text).getBytes(StandardCharsets.UTF_8));
        return new Parsed(file.name(), confluence.parse(page.id(), page.title(), text, zone, clock.instant()), hash,
                null, page);
    }

    private static String pageTitle(ConfluencePage page, ImportedIncident incident) {
        return page.title() != null && !page.title().isBlank() ? page.title().strip() : incident.title();
    }

    private List<Parsed> tabular(String project, SourceFile file, ZoneId zone, Mappings mappings) {
        String text = decode(file.content());
        TabularData data = TabularImporter.parse(file.name(), text);
        ColumnMapping mapping;
        Map<String, Double> confidence = new LinkedHashMap<>();
        if (mappings.given() != null) {
            mapping = ColumnMapping.fromMap(mappings.given()); // InvalidMappingException: a 400 naming the mapping
        } else {
            Optional<Map<String, String>> saved = mappingStore.load(project);
            mapping = saved.isPresent() ? ColumnMapping.fromMap(saved.get()) : ColumnMapping.suggest(data.headers());
        }
        for (MappedField field : MappedField.values()) {
            if (mapping.mapped(field)) {
                confidence.put(field.key(), mapping.confidence(field));
            }
        }
        mappings.used().put(file.name(), new TabularFile(file.name(), data.headers(), mapping.toMap(), confidence));
        List<Parsed> parsed = new ArrayList<>();
        for (ImportResult result : TabularImporter.read(file.name(), text, mapping, zone, clock.instant())) {
            // a row's content is what was read from it: unchanged rows of an edited export stay unchanged
            String rowHash = result.incident() == null ? sha256(file.content())
                    : sha256(result.incident().toString().getBytes(StandardCharsets.UTF_8));
            parsed.add(new Parsed(result.sourceName(), result, rowHash, null));
        }
        return parsed;
    }

    /** UTF-8 (a byte-order mark dropped); bytes that are not UTF-8 are read as Windows-1252, as editors save them. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static String extension(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // ----- what is written -----

    /** The issue's fields from the incident; the text without a field of its own goes into the description. */
    IncidentIssues.IncidentDraft draft(ImportedIncident incident, String sourceName) {
        Map<FailForwardField, String> texts = new LinkedHashMap<>();
        put(texts, FailForwardField.IMPACT, incident.impact());
        if (!incident.whys().isEmpty()) {
            texts.put(FailForwardField.FIVE_WHYS, String.join("\n", incident.whys()));
        }
        String factors = joinSections(java.util.Arrays.asList(
                section("rootcause", incident.rootCause()), section("trigger", incident.trigger()),
                section("factors", incident.contributingFactors())));
        put(texts, FailForwardField.CONTRIBUTING_FACTORS, factors);
        Map<FailForwardField, Instant> times = new LinkedHashMap<>();
        putTime(times, FailForwardField.DISCOVERED_AT, incident.discoveredAt());
        putTime(times, FailForwardField.REPORTED_AT, incident.reportedAt());
        putTime(times, FailForwardField.RESOLVED_AT, incident.resolvedAt());
        Map<FailForwardField, String> options = new LinkedHashMap<>();
        if (incident.category() != null && incident.category().category() != null) {
            options.put(FailForwardField.FAILURE_CATEGORY, incident.category().category().name());
        }
        if (incident.failureMode() != null) {
            options.put(FailForwardField.FAILURE_MODE, incident.failureMode().name());
        }
        if (incident.failureType() != null) {
            options.put(FailForwardField.FAILURE_TYPE, incident.failureType().name());
        }
        String summary = incident.title().length() <= FailureRecord.SUMMARY_MAX_LENGTH ? incident.title()
                : incident.title().substring(0, FailureRecord.SUMMARY_MAX_LENGTH);
        return new IncidentIssues.IncidentDraft(summary, description(incident, sourceName), texts, times, options);
    }

    private String description(ImportedIncident incident, String sourceName) {
        List<String> parts = new ArrayList<>();
        parts.add(section(null, incident.summary()));
        parts.add(section("detection", incident.detection()));
        parts.add(section("resolution", incident.resolution()));
        if (incident.severity() != null) {
            parts.add(i18n.getText("failforward.import.description.severity", incident.severity()));
        }
        if (incident.startedAt() != null) {
            parts.add(i18n.getText("failforward.import.description.started", incident.startedAt().toString()));
        }
        if (!incident.timeline().isEmpty()) {
            StringBuilder timeline = new StringBuilder("h3. ")
                    .append(i18n.getText("failforward.import.description.timeline")).append('\n');
            for (TimelineEntry entry : incident.timeline()) {
                timeline.append("* ").append(entry.at() == null ? "" : entry.at() + " — ").append(entry.text())
                        .append('\n');
            }
            parts.add(timeline.toString().strip());
        }
        if (!incident.attendees().isEmpty()) {
            parts.add(i18n.getText("failforward.import.description.attendees", String.join(", ",
                    incident.attendees())));
        }
        if (incident.category() != null && incident.category().toConfirm()) {
            parts.add(i18n.getText("failforward.import.description.toconfirm", incident.category().reason()));
        }
        parts.add(i18n.getText("failforward.import.description.source", sourceName, incident.sourceKey()));
        String text = joinSections(parts);
        return text.length() <= 32_000 ? text : text.substring(0, 32_000);
    }

    /** A section of the description in Jira's wiki markup: its heading ({@code failforward.import.description.*}). */
    private String section(String heading, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return heading == null ? text.strip()
                : "h3. " + i18n.getText("failforward.import.description." + heading) + "\n" + text.strip();
    }

    private static String joinSections(List<String> parts) {
        return String.join("\n\n", parts.stream().filter(Objects::nonNull).toList());
    }

    private static void put(Map<FailForwardField, String> map, FailForwardField field, String value) {
        if (value != null && !value.isBlank()) {
            map.put(field, value.strip());
        }
    }

    private static void putTime(Map<FailForwardField, Instant> map, FailForwardField field, Instant value) {
        if (value != null) {
            map.put(field, value);
        }
    }

    /** Adds what the record does not have yet (same text): a re-import never duplicates nor removes an item. */
    private void addLearningsAndActions(String issueKey, ImportedIncident incident, ConfluencePage page,
                                        OwnerMatcher owners) {
        RecordDetails details = failureDb.details(issueKey);
        Set<String> learned = new LinkedHashSet<>();
        details.learnings().forEach((Learning l) -> learned.add(l.text().strip()));
        for (ImportedLearning learning : incident.learnings()) {
            if (learned.add(learning.text().strip())) {
                String kind = learning.kind().name().toLowerCase(Locale.ROOT);
                failureDb.addLearning(issueKey, page != null && page.url() != null
                        ? new LearningCommand(learning.text().strip(), kind, page.url(), pageTitle(page, incident))
                        : new LearningCommand(learning.text().strip(), kind));
            }
        }
        Set<String> planned = new LinkedHashSet<>();
        details.actionItems().forEach((ActionItem a) -> planned.add(a.description().strip()));
        String importer = permissions.currentUserKey();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (ImportedAction action : incident.actionItems()) {
            Optional<String> named = owners.match(action.owner()).userKey();
            String owner = named.orElse(importer);
            String description = action.description().strip();
            if (named.isEmpty() && action.owner() != null && !action.owner().isBlank()) {
                description = i18n.getText("failforward.import.action.owner", description, action.owner().strip());
            }
            if (description.length() > ActionItem.DESCRIPTION_MAX_LENGTH) {
                description = description.substring(0, ActionItem.DESCRIPTION_MAX_LENGTH);
            }
            if (planned.contains(action.description().strip()) || !planned.add(description)) {
                continue; // added by an earlier import of this source (or twice in the file)
            }
            LocalDate due = action.dueDate() != null ? action.dueDate() : today.plusDays(DEFAULT_DUE_DAYS);
            ActionItem added = failureDb.addAction(issueKey, new ActionItemCommand(description, owner,
                    due.format(DateTimeFormatter.ISO_LOCAL_DATE), "prevent", null, null, null, null));
            if (action.done()) {
                failureDb.editAction(issueKey, added.id(), added.version(), new ActionItemCommand(description, owner,
                        due.format(DateTimeFormatter.ISO_LOCAL_DATE), "prevent", "done", null, null, null));
            }
        }
    }

    // ----- the dry run's table -----

    private static List<FoundField> found(ImportedIncident incident) {
        List<FoundField> found = new ArrayList<>();
        Map<ImportField, String> from = incident.provenance();
        add(found, from, ImportField.TITLE, incident.title());
        add(found, from, ImportField.SUMMARY, incident.summary());
        add(found, from, ImportField.IMPACT, incident.impact());
        add(found, from, ImportField.STARTED_AT, incident.startedAt());
        add(found, from, ImportField.DISCOVERED_AT, incident.discoveredAt());
        add(found, from, ImportField.REPORTED_AT, incident.reportedAt());
        add(found, from, ImportField.RESOLVED_AT, incident.resolvedAt());
        add(found, from, ImportField.SEVERITY, incident.severity());
        if (incident.category() != null && incident.category().category() != null) {
            add(found, from, ImportField.CATEGORY, incident.category().category().name().toLowerCase(Locale.ROOT)
                    + (incident.category().toConfirm() ? " (to confirm)" : ""));
        }
        add(found, from, ImportField.FAILURE_TYPE, incident.failureType());
        add(found, from, ImportField.FAILURE_MODE, incident.failureMode());
        add(found, from, ImportField.ROOT_CAUSE, incident.rootCause());
        add(found, from, ImportField.CONTRIBUTING_FACTORS, incident.contributingFactors());
        if (!incident.whys().isEmpty()) {
            add(found, from, ImportField.WHYS, incident.whys().size() + " whys");
        }
        if (!incident.learnings().isEmpty()) {
            add(found, from, ImportField.LEARNINGS, incident.learnings().size() + ": " + incident.learnings().stream()
                    .map(l -> l.text()).limit(3).reduce((a, b) -> a + " · " + b).orElse(""));
        }
        if (!incident.actionItems().isEmpty()) {
            add(found, from, ImportField.ACTION_ITEMS, incident.actionItems().size() + ": " + incident.actionItems()
                    .stream().map(a -> a.description()).limit(3).reduce((a, b) -> a + " · " + b).orElse(""));
        }
        add(found, from, ImportField.TIMELINE, incident.timeline().isEmpty() ? null : incident.timeline().size()
                + " entries");
        return found;
    }

    /** Per written owner of the action items: the user it was matched to and how, or why it stays text. */
    private List<FoundField> owners(ImportedIncident incident, OwnerMatcher owners) {
        List<FoundField> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ImportedAction action : incident.actionItems()) {
            if (action.owner() == null || action.owner().isBlank() || !seen.add(action.owner().strip())) {
                continue;
            }
            OwnerMatcher.Match match = owners.match(action.owner());
            String how = i18n.getText("failforward.import.owner.how." + match.how().name().toLowerCase(Locale.ROOT));
            String value = match.user() != null
                    ? i18n.getText("failforward.import.owner.matched", match.written(), match.user().displayName(),
                            match.user().key(), how)
                    : i18n.getText("failforward.import.owner.text", match.written(), how);
            found.add(new FoundField("owner", value, i18n.getText("failforward.import.owner.from")));
        }
        return found;
    }

    private static void add(List<FoundField> found, Map<ImportField, String> from, ImportField field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        String text = value.toString().strip();
        if (text.length() > 300) {
            text = text.substring(0, 299) + "…";
        }
        found.add(new FoundField(field.name().toLowerCase(Locale.ROOT), text, from.get(field)));
    }
}
