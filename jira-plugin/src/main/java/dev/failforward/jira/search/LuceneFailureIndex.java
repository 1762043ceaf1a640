package dev.failforward.jira.search;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.SourcePage;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The failure database's search index on Apache Lucene, in a directory of the node's local home that it owns (a
 * rebuild deletes every file in it). One {@link IndexWriter} and one NRT {@link SearcherManager}: searches run
 * concurrently and see each commit as soon as {@link #apply} or {@link #rebuild} returns; writes are serialized.
 *
 * <p><b>Never fails to open.</b> A missing, empty, unreadable or corrupt index (checksums of every file are verified
 * on open), or one written with another {@link #FORMAT}, leaves the index {@link IndexStatus.State#NEEDS_REBUILD} with
 * the reason; {@link #rebuild} replaces it. Each commit carries {@link #FORMAT} and the caller's cursor in its user
 * data.
 *
 * <p><b>Layout and queries:</b> {@link IndexSchema} (a block per record: learnings, then the record),
 * {@link QueryLanguage} (the search syntax, the join of learnings to their record's text), {@link SimilarRecords}.
 * Every search filters by the given projects inside the Lucene query, so a project not given never reaches items,
 * totals or facets. A search asked while not ready throws {@link IllegalStateException}; one that meets a broken file
 * marks the index for a rebuild and throws {@link UncheckedIOException}; callers use SQL in both cases.
 */
public final class LuceneFailureIndex implements FailureSearchIndex {

    /**
     * The version of the index's fields and analysis ({@link IndexSchema}, {@link FailureAnalyzer},
     * {@link StoredValues}): bump it with any change there, and every node rebuilds its index on start.
     */
    public static final int FORMAT = 2;
    static final String FORMAT_KEY = "index.format";
    static final String CURSOR_KEY = "index.cursor";
    /** Indexing buffer: large enough that a rebuild flushes rarely. */
    static final double RAM_BUFFER_MB = 64;
    /** Threads that index during a rebuild (the node's cores, at most 4: a rebuild should not starve the node). */
    static final int INDEXING_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final int BATCH = 256;
    static final int PROGRESS_STEP = 1_000;
    /** Most values counted per facet (months over 80 years; projects are at most LearningQuery.MAX_PROJECTS). */
    static final int FACET_VALUES = 1_000;
    /** Learnings kept per cached archive landing page ({@link FacetedSearcher}): pages up to here are served from it. */
    static final int CACHED_NEWEST = 1_000;
    /** Project sets whose landing page one searcher keeps (one set per group of users who see the same projects). */
    static final int CACHED_PROJECT_SETS = 64;

    /** The newest learnings of a set of projects (doc ids newest first), their total and facets, in one searcher. */
    private record Landing(int[] newest, int total, LearningArchivePage.Facets facets) {
    }

    private static final Sort NEWEST_LEARNINGS = new Sort(new SortField(IndexSchema.CREATED_DV, SortField.Type.LONG,
            true), new SortField(IndexSchema.LEARNING_ID_DV, SortField.Type.LONG, true));

    private final Path path;
    private final Analyzer analyzer = new FailureAnalyzer();
    private final QueryLanguage language = new QueryLanguage(analyzer);
    private final SimilarRecords similar = new SimilarRecords(analyzer);
    private final ReentrantLock writeLock = new ReentrantLock();

    private Directory directory;
    private volatile IndexStatus status;
    private volatile Open open;
    private volatile String cursor;

    /** The writer and its searchers while ready. */
    private record Open(IndexWriter writer, SearcherManager searchers) {
    }

    /**
     * A searcher with the facet state of its reader (built once per commit, {@code null} without learnings), and the
     * archive's landing page per project set: the newest {@value #CACHED_NEWEST} learnings, the total and every facet
     * of an archive search with no text and no filter. That search matches every learning of the projects, so
     * counting its facets is the archive's most expensive search and its most frequent (the page as it opens);
     * caching it per searcher means per commit, so an answer is never staler than the searcher's own.
     */
    static final class FacetedSearcher extends IndexSearcher {
        final SortedSetDocValuesReaderState facets;
        final Map<Set<String>, Landing> landing = new ConcurrentHashMap<>();

        FacetedSearcher(IndexReader reader) throws IOException {
            super(reader);
            this.facets = facetState(reader);
        }

        private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
            for (LeafReaderContext leaf : reader.leaves()) {
                if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfigs.FIELD) != null) {
                    return new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.FACETS);
                }
            }
            return null;
        }
    }

    private static final class FacetsConfigs {
        static final String FIELD = org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME;
    }

    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new FacetedSearcher(reader);
        }
    };

    private LuceneFailureIndex(Path path) {
        this.path = Objects.requireNonNull(path, "path");
        this.status = new IndexStatus(IndexStatus.State.NEEDS_REBUILD, 0, "not opened");
    }

    /**
     * The index in {@code dir} (created when missing). Never throws for what is in the directory: the answer's
     * {@link #status()} says whether it is ready or needs a rebuild, and why.
     */
    public static LuceneFailureIndex open(Path dir) {
        LuceneFailureIndex index = new LuceneFailureIndex(dir);
        index.writeLock.lock();
        try {
            index.openExisting();
        } finally {
            index.writeLock.unlock();
        }
        return index;
    }

    private void openExisting() {
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
        } catch (IOException | RuntimeException e) {
            needsRebuild("cannot open the index directory " + path + ": " + describe(e));
            return;
        }
        IndexWriter writer = null;
        try {
            if (!DirectoryReader.indexExists(directory)) {
                needsRebuild(directory.listAll().length == 0 ? "no index yet" : "no index commit in " + path);
                return;
            }
            Map<String, String> userData;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                userData = reader.getIndexCommit().getUserData();
                String format = userData.get(FORMAT_KEY);
                if (!String.valueOf(FORMAT).equals(format)) {
                    needsRebuild("index format " + (format == null ? "unknown" : format) + ", this version needs "
                            + FORMAT);
                    return;
                }
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            }
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
            SearcherManager searchers = new SearcherManager(writer, SEARCHERS);
            open = new Open(writer, searchers);
            cursor = userData.get(CURSOR_KEY);
            status = new IndexStatus(IndexStatus.State.READY, 100, null);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            needsRebuild(problem(e));
        }
    }

    private static String problem(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchFileException || cause instanceof java.io.FileNotFoundException) {
                return "index files missing: " + describe(cause);
            }
        }
        if (e instanceof CorruptIndexException) {
            return "corrupt index: " + describe(e);
        }
        if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return "index written by another Lucene version: " + describe(e);
        }
        return "unreadable index: " + describe(e);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void needsRebuild(String reason) {
        status = new IndexStatus(IndexStatus.State.NEEDS_REBUILD, 0, reason);
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                // a rebuild or an apply becomes visible only by its commit, all or nothing
                .setCommitOnClose(false);
    }

    @Override
    public IndexStatus status() {
        return status;
    }

    @Override
    public String cursor() {
        return cursor;
    }

    // ----- writing -----

    @Override
    public void rebuild(Iterator<SearchableRecord> records, int expected, String newCursor, IntConsumer progress)
            throws IOException {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(progress, "progress");
        writeLock.lock();
        try {
            requireNotClosed();
            status = new IndexStatus(IndexStatus.State.BUILDING, 0, null);
            closeOpen();
            IndexWriter writer = null;
            try {
                if (directory == null) {
                    Files.createDirectories(path);
                    directory = FSDirectory.open(path);
                }
                for (String file : directory.listAll()) {
                    // the directory is the index's own: whatever is there (a broken index, stray files) goes
                    directory.deleteFile(file);
                }
                writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
                addAll(writer, records, expected, progress);
                writer.setLiveCommitData(userData(newCursor).entrySet());
                writer.commit();
                open = new Open(writer, new SearcherManager(writer, SEARCHERS));
                cursor = newCursor;
                status = new IndexStatus(IndexStatus.State.READY, 100, null);
            } catch (IOException | RuntimeException e) {
                rollbackQuietly(writer);
                needsRebuild("rebuild failed: " + describe(e));
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Indexes the records on {@link #INDEXING_THREADS} threads (IndexWriter is thread-safe; analysis is most of the
     * work), reading them on the calling thread in batches, at most a few batches ahead of the indexing.
     */
    private void addAll(IndexWriter writer, Iterator<SearchableRecord> records, int expected, IntConsumer progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(INDEXING_THREADS, task -> {
            Thread thread = new Thread(task, "failforward-index-build");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore ahead = new Semaphore(INDEXING_THREADS * 2);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int reported = 0;
        try {
            List<SearchableRecord> batch = new ArrayList<>(BATCH);
            while (records.hasNext() && failure.get() == null) {
                batch.add(records.next());
                if (batch.size() == BATCH || !records.hasNext()) {
                    List<SearchableRecord> mine = batch;
                    batch = new ArrayList<>(BATCH);
                    ahead.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            for (SearchableRecord record : mine) {
                                if (failure.get() != null) {
                                    return;
                                }
                                writer.addDocuments(IndexSchema.block(record, analyzer));
                                done.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException | Error e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            ahead.release();
                        }
                    });
                    int now = done.get();
                    if (now - reported >= PROGRESS_STEP) {
                        reported = now;
                        progress.accept(now);
                        int percent = expected <= 0 ? 0 : (int) Math.min(99, 100L * now / expected);
                        status = new IndexStatus(IndexStatus.State.BUILDING, percent, null);
                    }
                }
            }
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                    failure.compareAndSet(null, new IOException("indexing did not finish within an hour"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new java.io.InterruptedIOException("rebuild interrupted"));
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        progress.accept(done.get());
    }

    @Override
    public void apply(List<SearchableRecord> current, Collection<Long> removedIssueIds, String newCursor)
            throws IOException {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(removedIssueIds, "removedIssueIds");
        writeLock.lock();
        try {
            Open o = open;
            if (!status.ready() || o == null) {
                throw new IllegalStateException("the search index is not ready: " + status);
            }
            try {
                for (SearchableRecord record : current) {
                    o.writer().updateDocuments(IndexSchema.idTerm(record.issueId()), IndexSchema.block(record, analyzer));
                }
                for (Long id : removedIssueIds) {
                    o.writer().deleteDocuments(IndexSchema.idTerm(id));
                }
                o.writer().setLiveCommitData(userData(newCursor).entrySet());
                o.writer().commit();
            } catch (IOException | RuntimeException e) {
                // all or nothing: drop this call's changes and go on from the last commit
                reopenAfterFailure(o, e);
                throw e;
            }
            cursor = newCursor;
            o.searchers().maybeRefreshBlocking();
        } finally {
            writeLock.unlock();
        }
    }

    private void reopenAfterFailure(Open failed, Exception cause) {
        open = null;
        closeQuietly(failed.searchers());
        rollbackQuietly(failed.writer());
        try {
            IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
            open = new Open(writer, new SearcherManager(writer, SEARCHERS));
        } catch (IOException | RuntimeException e) {
            needsRebuild("apply failed (" + describe(cause) + ") and the index cannot be reopened: " + describe(e));
        }
    }

    private static Map<String, String> userData(String cursor) {
        Map<String, String> data = new HashMap<>();
        data.put(FORMAT_KEY, String.valueOf(FORMAT));
        if (cursor != null) {
            data.put(CURSOR_KEY, cursor);
        }
        return data;
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            status = new IndexStatus(IndexStatus.State.CLOSED, 0, "closed");
            closeOpen();
            if (directory != null) {
                directory.close();
                directory = null;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void requireNotClosed() {
        if (status.state() == IndexStatus.State.CLOSED) {
            throw new IllegalStateException("the search index is closed");
        }
    }

    private void closeOpen() {
        Open o = open;
        open = null;
        if (o != null) {
            closeQuietly(o.searchers());
            // uncommitted changes are dropped (commitOnClose false)
            closeQuietly(o.writer());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the first failure is the one reported
        }
    }

    private static void rollbackQuietly(IndexWriter writer) {
        if (writer == null) {
            return;
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException ignored) {
            // as closeQuietly
        }
    }

    // ----- searching -----

    private interface Search<T> {
        T run(FacetedSearcher searcher) throws IOException;
    }

    private <T> T search(Search<T> search) {
        Open o = open;
        if (!status.ready() || o == null) {
            throw new IllegalStateException("the search index is not ready: " + status);
        }
        IndexSearcher searcher;
        try {
            searcher = o.searchers().acquire();
        } catch (AlreadyClosedException e) {
            throw new IllegalStateException("the search index is being rebuilt or closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return search.run((FacetedSearcher) searcher);
        } catch (CorruptIndexException e) {
            needsRebuild("corrupt index found by a search: " + describe(e));
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                o.searchers().release(searcher);
            } catch (IOException | AlreadyClosedException ignored) {
                // released on close anyway
            }
        }
    }

    @Override
    public LearningArchivePage searchLearnings(LearningQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty()) {
            return LearningArchivePage.empty(query.page());
        }
        Query text = query.text() == null ? null : language.parseForLearnings(query.text());
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(term(IndexSchema.TYPE, IndexSchema.LEARNING), BooleanClause.Occur.FILTER)
                .add(inSet(IndexSchema.PROJECT, query.projectKeys()), BooleanClause.Occur.FILTER);
        filter(q, IndexSchema.RECORD_KIND, query.recordKind());
        filter(q, IndexSchema.LEARNING_KIND, query.learningKind());
        filter(q, IndexSchema.FAILURE_TYPE, query.failureType());
        filter(q, IndexSchema.CATEGORY, query.category());
        created(q, query.createdFrom(), query.createdBefore());
        if (text != null) {
            q.add(QueryLanguage.forLearnings(text), BooleanClause.Occur.FILTER);
        }
        Query built = q.build();
        PageRequest page = query.page();
        QueryLanguage.Matches highlight = text == null ? null : QueryLanguage.matches(text, IndexSchema.LEARNING_TEXT);
        boolean landingPage = text == null && query.recordKind() == null && query.learningKind() == null
                && query.failureType() == null && query.category() == null && query.createdFrom() == null
                && query.createdBefore() == null && page.offset() + page.limit() <= CACHED_NEWEST;
        return search(searcher -> {
            if (landingPage) {
                Landing landing = landing(searcher, query.projectKeys(), built);
                StoredFields stored = searcher.storedFields();
                List<ArchivedLearning> items = new ArrayList<>();
                for (int i = page.offset(); i < landing.newest().length && items.size() < page.limit(); i++) {
                    items.add(learning(stored.document(landing.newest()[i]), null));
                }
                return new LearningArchivePage(items, landing.total(), page, landing.facets());
            }
            int wanted = Math.max(1, Math.min(page.offset() + page.limit(), Math.max(1, searcher.getIndexReader()
                    .maxDoc())));
            Object[] results = searcher.search(built, new MultiCollectorManager(
                    new TopFieldCollectorManager(NEWEST_LEARNINGS, wanted, null, Integer.MAX_VALUE),
                    new FacetsCollectorManager(false)));
            TopDocs top = (TopDocs) results[0];
            FacetsCollector matches = (FacetsCollector) results[1];
            StoredFields stored = searcher.storedFields();
            List<ArchivedLearning> items = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = page.offset(); i < docs.length && items.size() < page.limit(); i++) {
                items.add(learning(stored.document(docs[i].doc), highlight));
            }
            return new LearningArchivePage(items, Math.toIntExact(top.totalHits.value), page,
                    facets(searcher.facets, matches));
        });
    }

    /** The searcher's landing page of these projects, computed on first use (two threads may both compute it). */
    private static Landing landing(FacetedSearcher searcher, Set<String> projects, Query query) throws IOException {
        Landing cached = searcher.landing.get(projects);
        if (cached != null) {
            return cached;
        }
        Object[] results = searcher.search(query, new MultiCollectorManager(
                new TopFieldCollectorManager(NEWEST_LEARNINGS, CACHED_NEWEST, null, Integer.MAX_VALUE),
                new FacetsCollectorManager(false)));
        TopDocs top = (TopDocs) results[0];
        int[] newest = new int[top.scoreDocs.length];
        for (int i = 0; i < newest.length; i++) {
            newest[i] = top.scoreDocs[i].doc;
        }
        Landing landing = new Landing(newest, Math.toIntExact(top.totalHits.value),
                facets(searcher.facets, (FacetsCollector) results[1]));
        if (searcher.landing.size() < CACHED_PROJECT_SETS) {
            searcher.landing.put(Set.copyOf(projects), landing);
        }
        return landing;
    }

    private ArchivedLearning learning(Document d, QueryLanguage.Matches highlight) {
        BytesRef blob = d.getBinaryValue(IndexSchema.LEARNING_BLOB);
        StoredValues.LearningContext context = StoredValues.learning(blob.bytes, blob.offset, blob.length);
        String text = d.get(IndexSchema.LEARNING_TEXT);
        String url = d.get(IndexSchema.LEARNING_SOURCE_URL);
        SourcePage page = url != null ? SourcePage.ofNullable(url, d.get(IndexSchema.LEARNING_SOURCE_TITLE))
                : context.retroPage();
        return new ArchivedLearning(d.getField(IndexSchema.LEARNING_ID).numericValue().longValue(), text,
                learningKind(d), createdAt(d), context.record(), page,
                highlight == null ? null : Highlights.segments(analyzer, IndexSchema.LEARNING_TEXT, text, highlight));
    }

    private static LearningKind learningKind(Document d) {
        return LearningKind.valueOf(d.get(IndexSchema.STORED_LEARNING_KIND));
    }

    private static Instant createdAt(Document d) {
        return Instant.ofEpochMilli(d.getField(IndexSchema.STORED_CREATED).numericValue().longValue());
    }

    private static LearningArchivePage.Facets facets(SortedSetDocValuesReaderState state, FacetsCollector matches)
            throws IOException {
        if (state == null) {
            return LearningArchivePage.Facets.NONE;
        }
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (FacetResult result : new SortedSetDocValuesFacetCounts(state, matches).getAllDims(FACET_VALUES)) {
            Map<String, Integer> values = new HashMap<>();
            for (LabelAndValue value : result.labelValues) {
                values.put(value.label, value.value.intValue());
            }
            counts.put(result.dim, values);
        }
        return new LearningArchivePage.Facets(
                counts.getOrDefault(IndexSchema.FACET_PROJECT, Map.of()),
                counts.getOrDefault(IndexSchema.FACET_RECORD_KIND, Map.of()),
                counts.getOrDefault(IndexSchema.FACET_LEARNING_KIND, Map.of()),
                counts.getOrDefault(IndexSchema.FACET_FAILURE_TYPE, Map.of()),
                counts.getOrDefault(IndexSchema.FACET_CATEGORY, Map.of()),
                counts.getOrDefault(IndexSchema.FACET_PERIOD, Map.of()));
    }

    @Override
    public RecordPage searchRecords(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty()) {
            return new RecordPage(List.of(), 0, query.page());
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(term(IndexSchema.TYPE, IndexSchema.RECORD), BooleanClause.Occur.FILTER)
                .add(inSet(IndexSchema.PROJECT, query.projectKeys()), BooleanClause.Occur.FILTER);
        filter(q, IndexSchema.RECORD_KIND, query.kind());
        if (!query.statuses().isEmpty()) {
            q.add(inSet(IndexSchema.STATUS, query.statuses()), BooleanClause.Occur.FILTER);
        }
        filter(q, IndexSchema.PHASE, query.phase());
        filter(q, IndexSchema.FAILURE_TYPE, query.failureType());
        filter(q, IndexSchema.CATEGORY, query.failureCategory());
        created(q, query.createdFrom(), query.createdBefore());
        if (query.text() != null) {
            q.add(language.parseForRecords(query.text()), BooleanClause.Occur.FILTER);
        }
        Query built = q.build();
        boolean reverse = !query.ascending();
        SortField issueId = new SortField(IndexSchema.ISSUE_ID_DV, SortField.Type.LONG, reverse);
        Sort sort = switch (query.sort()) {
            case CREATED -> new Sort(new SortField(IndexSchema.CREATED_DV, SortField.Type.LONG, reverse), issueId);
            case UPDATED -> new Sort(new SortField(IndexSchema.UPDATED_DV, SortField.Type.LONG, reverse), issueId);
            case KEY -> new Sort(new SortField(IndexSchema.PROJECT_DV, SortField.Type.STRING, reverse),
                    new SortField(IndexSchema.ISSUE_NUM_DV, SortField.Type.LONG, reverse), issueId);
        };
        PageRequest page = query.page();
        return search(searcher -> {
            int wanted = Math.max(1, Math.min(page.offset() + page.limit(), Math.max(1, searcher.getIndexReader()
                    .maxDoc())));
            TopDocs top = searcher.search(built, new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE));
            StoredFields stored = searcher.storedFields();
            List<FailureRecord> records = new ArrayList<>();
            for (int i = page.offset(); i < top.scoreDocs.length && records.size() < page.limit(); i++) {
                records.add(record(stored.document(top.scoreDocs[i].doc, java.util.Set.of(IndexSchema.RECORD_BLOB))));
            }
            return new RecordPage(records, Math.toIntExact(top.totalHits.value), page);
        });
    }

    static FailureRecord record(Document d) {
        BytesRef blob = d.getBinaryValue(IndexSchema.RECORD_BLOB);
        return StoredValues.record(blob.bytes, blob.offset, blob.length);
    }

    @Override
    public List<SimilarMatch> similar(SimilarQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty() || query.text().isBlank()) {
            return List.of();
        }
        return search(searcher -> similar.find(searcher, query));
    }

    /** {@link #similar} with every record that shares a word ranked by the weighted query (the benchmark's yardstick). */
    List<SimilarMatch> similarExhaustive(SimilarQuery query) {
        return search(searcher -> similar.find(searcher, query, Math.max(1, searcher.getIndexReader().maxDoc())));
    }

    // ----- query parts -----

    static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    static Query inSet(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static void filter(BooleanQuery.Builder q, String field, Enum<?> value) {
        if (value != null) {
            q.add(term(field, value.name()), BooleanClause.Occur.FILTER);
        }
    }

    /** {@code [from, before)} to the millisecond, as the SQL path compares {@code java.util.Date}s. */
    private static void created(BooleanQuery.Builder q, Instant from, Instant before) {
        if (from == null && before == null) {
            return;
        }
        long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long upper = before == null ? Long.MAX_VALUE : before.toEpochMilli() - 1;
        q.add(LongPoint.newRangeQuery(IndexSchema.CREATED, lower, upper), BooleanClause.Occur.FILTER);
    }
}
