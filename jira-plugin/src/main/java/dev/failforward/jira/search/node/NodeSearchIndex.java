package dev.failforward.jira.search.node;

import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningIndex;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.failuredb.RecordTextIndex;
import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.QuerySyntaxException;
import dev.failforward.jira.search.SearchableRecord;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * This node's search index (ARCHITECTURE.md §7): an index of the failure database in the node's local home
 * ({@value #INDEX_PATH}), kept by one background daemon thread per node.
 *
 * <ul>
 *   <li><b>Build.</b> At start, and whenever the index is new, of an older format ({@code NEEDS_REBUILD}), holds no
 *       readable position, is further behind than the change log's retention, was deleted, failed while answering a
 *       search, or an administrator asked ({@link #requestRebuild}), the thread rebuilds it from the database
 *       (records read {@value SearchableRecordSource#BATCH} at a time), with the status "building n %".</li>
 *   <li><b>Tail.</b> Then every {@link Settings#pollMillis} ms it applies the cluster's search change log
 *       ({@link ChangeTail}: rows above its position, plus a window of recent rows for transactions that committed
 *       late). The position is committed inside the index with the changes, so a node killed at any point reopens with
 *       an index and a position that agree.</li>
 *   <li><b>Purge.</b> Every {@link Settings#purgeEveryMillis} ms it deletes change rows older than the retention
 *       ({@link Settings#retentionMillis}); any node may, at any time, any number of times.</li>
 *   <li><b>Failures.</b> A failing step is logged and retried with a growing pause (up to a minute); the index is
 *       closed and opened again. An index that cannot be opened is deleted and built afresh: it is a cache, the
 *       database is the source of truth.</li>
 *   <li><b>Searches</b> ({@link #route}) use the index only while it is ready; otherwise, and when the index throws
 *       while answering, they use SQL, and a failure flips the node to a rebuild.</li>
 * </ul>
 * Started by SAL once the product is up ({@link #onStart}); stopped with the plugin.
 */
@Named
@ExportAsService(LifecycleAware.class)
public class NodeSearchIndex implements SearchRouting, LearningIndex, RecordTextIndex, LifecycleAware, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeSearchIndex.class);

    /** Where in the local home the index lives. */
    public static final String INDEX_PATH = "caches/failforward/search-index";
    static final String THREAD_NAME = "failforward-search-index";
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    static final long MAX_BACKOFF_MILLIS = 60_000;

    /**
     * Timings.
     *
     * @param pollMillis       how often the change log is read
     * @param windowMillis     the late-commit window: longest transaction plus clock skew between nodes
     * @param retentionMillis  how long change rows are kept; a node further behind rebuilds
     * @param purgeEveryMillis how often this node purges old change rows
     */
    public record Settings(long pollMillis, long windowMillis, long retentionMillis, long purgeEveryMillis) {

        public static Settings defaults() {
            return new Settings(500, Duration.ofMinutes(2).toMillis(), Duration.ofDays(2).toMillis(),
                    Duration.ofHours(1).toMillis());
        }

        public Settings {
            if (pollMillis < 1 || windowMillis < 0 || purgeEveryMillis < 1 || retentionMillis <= windowMillis) {
                throw new IllegalArgumentException("bad search index settings");
            }
        }
    }

    /** The last rebuild: how many records, how long. */
    public record Rebuild(int records, long millis) {
        public double recordsPerSecond() {
            return millis == 0 ? records : records * 1000.0 / millis;
        }
    }

    private final Path directory;
    private final IndexEngine engine;
    private final SearchChangeFeed feed;
    private final SearchableRecordSource source;
    private final Settings settings;
    private final LongSupplier clock;

    private final Object signal = new Object();
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicBoolean discardRequested = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong rebuilds = new AtomicLong();
    private boolean woken;
    private volatile boolean stopping;
    private volatile Thread worker;
    /** The open index (only the worker thread opens and closes it), and whether searches may use it. */
    private volatile FailureSearchIndex current;
    private volatile boolean ready;
    private volatile NodeIndexStatus status;
    private volatile Rebuild lastRebuild;
    private ChangeTail tail;
    private long nextPurge;

    @Inject
    public NodeSearchIndex(@ComponentImport ApplicationProperties application, IndexEngine engine,
                           SearchChangeFeed feed, SearchableRecordSource source) {
        this(application.getLocalHomeDirectory().map(home -> home.resolve(INDEX_PATH)).orElse(null), engine, feed,
                source, Settings.defaults(), System::currentTimeMillis);
    }

    /** @param directory the index directory, or {@code null} when the host has no local home (then unavailable) */
    public NodeSearchIndex(Path directory, IndexEngine engine, SearchChangeFeed feed, SearchableRecordSource source,
                           Settings settings, LongSupplier clock) {
        this.directory = directory;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = NodeIndexStatus.unavailable(unavailableReason().orElse("starting"));
    }

    private Optional<String> unavailableReason() {
        if (directory == null) {
            return Optional.of("this node has no local home");
        }
        return engine.unavailable();
    }

    // ----- lifecycle -----

    @Override
    public void onStart() {
        start();
    }

    @Override
    public void onStop() {
        stop();
    }

    @Override
    public void destroy() {
        stop();
    }

    /** Starts the node's index thread (nothing when the build has no engine or the node no local home). */
    public synchronized void start() {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            status = NodeIndexStatus.unavailable(unavailable.get());
            log.info("Fail Forward search index not kept on this node: {}; searches use the database",
                    unavailable.get());
            return;
        }
        if (worker != null) {
            return;
        }
        stopping = false;
        nextPurge = clock.getAsLong();
        Thread thread = new Thread(this::work, THREAD_NAME);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Stops the thread after the step in hand and closes the index (searches use SQL from now on). */
    public synchronized void stop() {
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        stopping = true;
        ready = false;
        wake();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Fail Forward search index thread did not stop within {}", STOP_WAIT);
            thread.interrupt();
        }
        worker = null;
        status = NodeIndexStatus.unavailable("stopped");
    }

    // ----- what others ask -----

    @Override
    public NodeIndexStatus status() {
        return status;
    }

    /** The index, when it can answer searches now. */
    public Optional<FailureSearchIndex> whenReady() {
        FailureSearchIndex index = current;
        return ready && index != null && index.status().ready() ? Optional.of(index) : Optional.empty();
    }

    @Override
    public <T> T route(Function<FailureSearchIndex, T> fromIndex, Supplier<T> fromSql) {
        Optional<FailureSearchIndex> index = whenReady();
        if (index.isPresent()) {
            try {
                return fromIndex.apply(index.get());
            } catch (QuerySyntaxException e) {
                throw e;
            } catch (RuntimeException e) {
                searchFailed(index.get(), e);
            }
        }
        return fromSql.get();
    }

    /** The archive's answer from this node's index, or empty when SQL is to answer ({@link #route}). */
    @Override
    public Optional<LearningArchivePage> searchLearnings(LearningQuery query) {
        return route(index -> Optional.of(index.searchLearnings(query)), Optional::empty);
    }

    /** The record text search's answer from this node's index, or empty when SQL is to answer ({@link #route}). */
    @Override
    public Optional<RecordPage> searchRecords(RecordQuery query) {
        return route(index -> Optional.of(index.searchRecords(query)), Optional::empty);
    }

    /**
     * The index failed while answering a search (unreadable files, a corrupt segment): unless it was closed meanwhile
     * by this node, it is discarded and rebuilt, and searches use SQL until then.
     */
    public void searchFailed(FailureSearchIndex index, Exception failure) {
        if (index != current || stopping) {
            return; // closed or replaced by the index thread while the search ran: not a broken index
        }
        ready = false;
        status = NodeIndexStatus.unavailable("the index failed while searching; rebuilding");
        log.warn("Fail Forward search index failed while searching; rebuilding it from the database (searches use "
                + "the database meanwhile): {}", failure.toString());
        discardRequested.set(true);
        wake();
    }

    /** Rebuilds this node's index from the database (the admin page's button); searches use SQL meanwhile. */
    public void requestRebuild() {
        rebuildRequested.set(true);
        wake();
    }

    /** The last rebuild on this node, or {@code null}. */
    public Rebuild lastRebuild() {
        return lastRebuild;
    }

    public long rebuilds() {
        return rebuilds.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The directory of this node's index, or {@code null} when it has no local home. */
    public Path directory() {
        return directory;
    }

    // ----- the index thread -----

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void work() {
        long pause = settings.pollMillis();
        try {
            while (!stopping) {
                try {
                    step();
                    pause = settings.pollMillis();
                } catch (IOException | RuntimeException | LinkageError e) {
                    failures.incrementAndGet();
                    pause = Math.min(MAX_BACKOFF_MILLIS, Math.max(pause * 2, settings.pollMillis() * 2));
                    ready = false;
                    status = NodeIndexStatus.unavailable("failed, retrying in " + pause + " ms: " + e);
                    log.warn("Fail Forward search index could not catch up (retrying in {} ms; searches use the "
                            + "database meanwhile): {}", pause, e.toString());
                    closeCurrent();
                }
                sleep(pause);
            }
        } finally {
            closeCurrent();
        }
    }

    private void sleep(long millis) {
        synchronized (signal) {
            if (!woken && !stopping) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    // stopping or a spurious interrupt: the loop condition decides
                }
            }
            woken = false;
        }
    }

    /** One turn: (re)open, rebuild if needed, apply the change log, purge now and then. */
    private void step() throws IOException {
        if (discardRequested.getAndSet(false) || (current != null && !Files.isDirectory(directory))) {
            // corrupt or deleted under us: start again from an empty directory
            closeCurrent();
            deleteDirectory();
        }
        if (current == null) {
            current = open();
            tail = null;
        }
        FailureSearchIndex index = current;
        Optional<ChangeCursor> cursor = ChangeCursor.parse(index.cursor());
        String why = rebuildReason(index, cursor);
        if (why != null) {
            rebuild(index, why);
            cursor = ChangeCursor.parse(index.cursor());
            if (cursor.isEmpty()) {
                throw new IOException("the rebuilt index holds no position");
            }
        }
        if (tail == null) {
            tail = new ChangeTail(feed, source, clock, settings.windowMillis(), cursor.orElseThrow());
        }
        ChangeTail.Poll poll = tail.poll(index);
        NodeIndexStatus before = status;
        if (index.status().ready()) {
            boolean changed = poll.appliedAnything() || !before.ready();
            status = new NodeIndexStatus(NodeIndexStatus.State.READY, 100, null,
                    changed ? source.count() : before.records(),
                    changed ? Instant.ofEpochMilli(clock.getAsLong()) : before.updatedAt());
            ready = true;
        } else {
            ready = false;
            IndexStatus engineStatus = index.status();
            status = NodeIndexStatus.unavailable("index " + engineStatus.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (engineStatus.reason() == null ? "" : ": " + engineStatus.reason()));
        }
        purgeWhenDue();
    }

    /** Why the index must be rebuilt now, or {@code null}. */
    private String rebuildReason(FailureSearchIndex index, Optional<ChangeCursor> cursor) {
        if (rebuildRequested.getAndSet(false)) {
            return "an administrator asked";
        }
        if (index.status().state() == IndexStatus.State.NEEDS_REBUILD) {
            return "the index needs a rebuild" + (index.status().reason() == null ? "" : ": " + index.status().reason());
        }
        if (cursor.isEmpty()) {
            return "the index is new or holds no position";
        }
        if (cursor.get().polledAt() < clock.getAsLong() - settings.retentionMillis() + settings.windowMillis()) {
            return "the index is further behind than the change log keeps (" + cursor.get() + ")";
        }
        return null;
    }

    private FailureSearchIndex open() throws IOException {
        Files.createDirectories(directory);
        try {
            return engine.open(directory);
        } catch (IOException | RuntimeException e) {
            log.warn("Fail Forward search index in {} cannot be opened; deleting it and building it afresh: {}",
                    directory, e.toString());
            deleteDirectory();
            Files.createDirectories(directory);
            return engine.open(directory);
        }
    }

    private void rebuild(FailureSearchIndex index, String why) throws IOException {
        ready = false;
        status = NodeIndexStatus.building(0);
        log.info("Fail Forward search index rebuilding from the database: {}", why);
        long started = clock.getAsLong();
        // the position first: every change after it is applied by the tail, and a late commit below it falls in the
        // window that starts before the rebuild read anything
        ChangeCursor position = new ChangeCursor(feed.maxId(), started);
        int expected = Math.max(1, source.count());
        long t0 = System.nanoTime();
        int[] indexed = {0};
        index.rebuild(new Pages(source), expected, position.encode(), count -> {
            indexed[0] = count;
            status = NodeIndexStatus.building((int) Math.min(99, count * 100L / expected));
        });
        long millis = (System.nanoTime() - t0) / 1_000_000;
        lastRebuild = new Rebuild(indexed[0], millis);
        rebuilds.incrementAndGet();
        tail = null;
        log.info("Fail Forward search index rebuilt: {} records in {} ms", indexed[0], millis);
    }

    private void purgeWhenDue() {
        long now = clock.getAsLong();
        if (now < nextPurge) {
            return;
        }
        nextPurge = now + settings.purgeEveryMillis();
        try {
            int purged = feed.purgeBefore(now - settings.retentionMillis());
            if (purged > 0) {
                log.info("Fail Forward search change log: {} rows older than {} purged", purged,
                        Duration.ofMillis(settings.retentionMillis()));
            }
        } catch (RuntimeException e) {
            log.warn("Fail Forward search change log not purged (next try in {}): {}",
                    Duration.ofMillis(settings.purgeEveryMillis()), e.toString());
        }
    }

    private void closeCurrent() {
        FailureSearchIndex index = current;
        ready = false;
        current = null;
        tail = null;
        if (index != null) {
            try {
                index.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Fail Forward search index close failed", e);
            }
        }
    }

    private void deleteDirectory() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Every record, read a batch at a time by issue id, for a rebuild. */
    static final class Pages implements Iterator<SearchableRecord> {
        private final SearchableRecordSource source;
        private List<SearchableRecord> page = List.of();
        private int next;
        private long after = Long.MIN_VALUE;
        private boolean done;

        Pages(SearchableRecordSource source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            if (next < page.size()) {
                return true;
            }
            if (done) {
                return false;
            }
            page = source.page(after, SearchableRecordSource.BATCH);
            next = 0;
            if (page.size() < SearchableRecordSource.BATCH) {
                done = true;
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).issueId();
            }
            return !page.isEmpty();
        }

        @Override
        public SearchableRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(next++);
        }
    }
}
