package dev.failforward.jira.search.node;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.SourcePage;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.SimilarMatch;
import dev.failforward.jira.search.SimilarQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * A small {@link FailureSearchIndex} for tests that honours the port's contract the way a disk index does: every
 * {@link #apply}/{@link #rebuild} is one commit, all or nothing, that writes the records and the cursor together.
 *
 * <p>"The disk": the directory holds {@value #COMMIT_FILE} (the committed generation and cursor, replaced atomically)
 * and the generations' records live in {@link #DISK} keyed by directory and generation (they survive the index object,
 * as files survive a process). A missing commit file is a new, empty index; an unreadable one is corrupt (open
 * throws); a deleted directory makes the next commit fail. {@link #kill} makes the object unusable without closing it,
 * as a killed process leaves its index.
 *
 * <p>Searches: the archive as {@code AoLearningArchive} answers it (filters, newest first, facets over all matches,
 * retro pages), with the free text matched against the learning's text, the record's key and summary.
 */
final class CommitFileIndex implements FailureSearchIndex {

    static final String COMMIT_FILE = "commit.txt";
    private static final Map<String, Map<Long, SearchableRecord>> DISK = new ConcurrentHashMap<>();

    private final Path directory;
    private volatile Map<Long, SearchableRecord> records;
    private volatile String cursor;
    private volatile long generation;
    private volatile IndexStatus status;
    private volatile boolean killed;
    private volatile boolean closed;
    /** Searches that were answered here (to tell the routes apart). */
    final java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();

    CommitFileIndex(Path directory) throws IOException {
        this.directory = directory;
        Path commit = directory.resolve(COMMIT_FILE);
        if (!Files.exists(commit)) {
            records = Map.of();
            cursor = null;
            generation = 0;
        } else {
            String[] lines = Files.readString(commit, StandardCharsets.UTF_8).split("\n", -1);
            Map<Long, SearchableRecord> stored = lines.length == 3 && lines[0].equals("commit-v1")
                    ? DISK.get(directory + "#" + lines[1]) : null;
            if (stored == null) {
                throw new IOException("corrupt index in " + directory + ": unreadable commit");
            }
            generation = Long.parseLong(lines[1]);
            cursor = lines[2].isEmpty() ? null : lines[2];
            records = stored;
        }
        status = new IndexStatus(IndexStatus.State.READY, 100, null);
    }

    /** Overwrites the commit file with garbage, as a disk fault would. */
    static void corrupt(Path directory) throws IOException {
        Files.writeString(directory.resolve(COMMIT_FILE), "\u0000\u0013garbage");
    }

    int size() {
        return records.size();
    }

    boolean holds(long issueId) {
        return records.containsKey(issueId);
    }

    SearchableRecord record(long issueId) {
        return records.get(issueId);
    }

    /** The process died: every later call fails, nothing is released. */
    void kill() {
        killed = true;
    }

    private void usable() throws IOException {
        if (killed) {
            throw new IOException("the process was killed");
        }
        if (closed) {
            throw new IOException("closed");
        }
    }

    private void commit(Map<Long, SearchableRecord> next, String nextCursor) throws IOException {
        usable();
        long nextGeneration = generation + 1;
        DISK.put(directory + "#" + nextGeneration, Map.copyOf(next));
        Path temp = directory.resolve(COMMIT_FILE + ".tmp");
        Files.writeString(temp, "commit-v1\n" + nextGeneration + "\n" + (nextCursor == null ? "" : nextCursor));
        Files.move(temp, directory.resolve(COMMIT_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        records = Map.copyOf(next);
        cursor = nextCursor;
        generation = nextGeneration;
    }

    @Override
    public IndexStatus status() {
        return closed ? new IndexStatus(IndexStatus.State.CLOSED, 0, "closed") : status;
    }

    @Override
    public synchronized void rebuild(Iterator<SearchableRecord> source, int expected, String newCursor,
                                     IntConsumer progress) throws IOException {
        usable();
        status = new IndexStatus(IndexStatus.State.BUILDING, 0, null);
        try {
            Map<Long, SearchableRecord> next = new HashMap<>();
            int count = 0;
            while (source.hasNext()) {
                SearchableRecord record = source.next();
                next.put(record.issueId(), record);
                count++;
                progress.accept(count);
                status = new IndexStatus(IndexStatus.State.BUILDING,
                        (int) Math.min(99, count * 100L / Math.max(1, expected)), null);
            }
            commit(next, newCursor);
        } finally {
            status = new IndexStatus(IndexStatus.State.READY, 100, null);
        }
    }

    @Override
    public synchronized void apply(List<SearchableRecord> current, Collection<Long> removedIssueIds, String newCursor)
            throws IOException {
        usable();
        Map<Long, SearchableRecord> next = new HashMap<>(records);
        current.forEach(record -> next.put(record.issueId(), record));
        removedIssueIds.forEach(next::remove);
        commit(next, newCursor);
    }

    @Override
    public String cursor() {
        return cursor;
    }

    private void searchable() {
        try {
            usable();
            if (!Files.exists(directory.resolve(COMMIT_FILE)) && generation > 0) {
                throw new IOException("index files are gone");
            }
            if (generation > 0 && !Files.readString(directory.resolve(COMMIT_FILE)).startsWith("commit-v1")) {
                throw new IOException("corrupt commit file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searches.incrementAndGet();
    }

    @Override
    public LearningArchivePage searchLearnings(LearningQuery query) {
        searchable();
        String text = query.normalizedText();
        List<ArchivedLearning> matches = new ArrayList<>();
        Map<String, Map<String, Integer>> facets = new HashMap<>();
        for (SearchableRecord searchable : records.values()) {
            FailureRecord record = searchable.details().record();
            if (!query.projectKeys().contains(record.projectKey())
                    || (query.recordKind() != null && query.recordKind() != record.kind())
                    || (query.failureType() != null && query.failureType() != record.failureType())
                    || (query.category() != null && query.category() != record.failureCategory())) {
                continue;
            }
            SourcePage recordPage = searchable.details().learnings().stream()
                    .filter(l -> l.source() != null)
                    .max(Comparator.comparing(Learning::createdAt).thenComparing(Learning::id))
                    .map(Learning::source).orElse(null);
            for (Learning learning : searchable.details().learnings()) {
                if ((query.learningKind() != null && query.learningKind() != learning.kind())
                        || (query.createdFrom() != null && learning.createdAt().isBefore(query.createdFrom()))
                        || (query.createdBefore() != null && !learning.createdAt().isBefore(query.createdBefore()))
                        || (text != null && !contains(text, learning.text(), record.issueKey(), record.summary()))) {
                    continue;
                }
                matches.add(new ArchivedLearning(learning.id(), learning.text(), learning.kind(), learning.createdAt(),
                        new ArchivedLearning.RecordSummary(record.issueKey(), record.projectKey(), record.summary(),
                                record.kind(), record.status(), record.failureType(), record.failureCategory()),
                        learning.source() != null ? learning.source() : recordPage));
                count(facets, "project", record.projectKey());
                count(facets, "recordKind", name(record.kind()));
                count(facets, "learningKind", name(learning.kind()));
                count(facets, "failureType", name(record.failureType()));
                count(facets, "category", name(record.failureCategory()));
                count(facets, "period", LearningArchivePage.Facets.period(learning.createdAt()));
            }
        }
        matches.sort(Comparator.comparing(ArchivedLearning::createdAt).thenComparing(ArchivedLearning::id).reversed());
        int from = Math.min(matches.size(), query.page().offset());
        int to = Math.min(matches.size(), from + query.page().limit());
        return new LearningArchivePage(matches.subList(from, to), matches.size(), query.page(),
                new LearningArchivePage.Facets(facets.getOrDefault("project", Map.of()),
                        facets.getOrDefault("recordKind", Map.of()), facets.getOrDefault("learningKind", Map.of()),
                        facets.getOrDefault("failureType", Map.of()), facets.getOrDefault("category", Map.of()),
                        facets.getOrDefault("period", Map.of())));
    }

    private static boolean contains(String text, String... fields) {
        for (String field : fields) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static void count(Map<String, Map<String, Integer>> facets, String facet, String value) {
        if (value != null) {
            facets.computeIfAbsent(facet, f -> new TreeMap<>()).merge(value, 1, Integer::sum);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public RecordPage searchRecords(RecordQuery query) {
        searchable();
        String text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        List<FailureRecord> found = records.values().stream()
                .filter(r -> query.projectKeys().contains(r.details().record().projectKey()))
                .filter(r -> text == null || contains(text, r.details().record().issueKey(),
                        r.details().record().summary(), r.description(), r.contributingFactors()))
                .map(r -> r.details().record())
                .sorted(Comparator.comparing(FailureRecord::issueId)).toList();
        int from = Math.min(found.size(), query.page().offset());
        int to = Math.min(found.size(), from + query.page().limit());
        return new RecordPage(found.subList(from, to), found.size(), query.page());
    }

    @Override
    public List<SimilarMatch> similar(SimilarQuery query) {
        searchable();
        return List.of();
    }

    @Override
    public void close() {
        if (!killed) {
            closed = true;
        }
    }
}
