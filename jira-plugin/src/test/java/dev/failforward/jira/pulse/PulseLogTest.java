package dev.failforward.jira.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.privacy.SealedBox;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.EmbeddedPostgres;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.pulse.TransactionLog.Change;
import dev.failforward.jira.pulse.TransactionLog.Tx;
import dev.failforward.jira.secrets.FileSecretStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the database's own transaction log after people answered the pulse and shows that no score can be tied to a
 * guard (the keyed hash of a person):
 * <ul>
 * <li>on HSQLDB, the {@code .log} of a file database (synced at every commit, as the preview runs it);</li>
 * <li>on PostgreSQL, the write-ahead log itself, decoded with logical decoding ({@code wal_level=logical}, a
 * replication slot with the {@code test_decoding} plugin that ships with the embedded binaries).</li>
 * </ul>
 * The reader of the log is given more than a database administrator has: the guard of every person (as if the guard
 * key had leaked), so each guard in the log names its person. Fourteen answers — twelve in OPS (three people give 3,
 * and other scores repeat too), two in CARE — then the period ends and the pulse is read. What the log shows:
 * <ol>
 * <li>a guard is written in a transaction that holds guards only — no pool row, no count;</li>
 * <li>the next transaction inserts one pool row whose only per-answer values are its id (the insertion order) and the
 * sealed score: 86 characters always, different for equal scores, opening only with the period's pool key from the
 * secret store — which is destroyed once the period is closed;</li>
 * <li>the counts change only in folds: at least k answers at once (OPS: 5, then 7), or withheld ones without a score
 * (CARE: 2);</li>
 * <li>the decisive check: the same people answering in the same order with the scores swapped among the people of a
 * fold write exactly the same log, ciphertexts aside. So nothing in the log depends on who gave which score, beyond the
 * score counts of groups of at least k.</li>
 * </ol>
 */
class PulseLogTest {

    private static final Instant NOVEMBER = Instant.parse("2026-11-12T09:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T06:00:00Z");
    private static final int K = 5;
    /** OPS answers in order: the first five are folded together when ten wait, the other seven when November ends. */
    private static final int[] SCORES = {3, 3, 3, 5, 1, 2, 3, 4, 5, 5, 1, 3};
    /** The same scores swapped among the people of each fold. */
    private static final int[] SWAPPED = {5, 1, 3, 3, 3, 3, 1, 5, 5, 4, 3, 2};
    private static final String GUARD_KEY_NAME = "pulse-guard-2026-11-01_2026-12-01";
    private static final String POOL_KEY_NAME = "pulse-pool-2026-11-01_2026-12-01";

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static Path directory;
    private static EmbeddedPostgres walServer;
    private static Run run;
    private static Run swapped;

    /** One scenario's log, the guards of its people, and the pool key as it was before the period closed. */
    record Run(List<Tx> log, Map<String, String> guards, byte[] poolKey, boolean poolKeyLeft) {
    }

    @BeforeAll
    static void answerAndReadTheLog() throws Exception {
        directory = Files.createTempDirectory("failforward-pulse-log-");
        if (TestDatabases.onPostgres()) {
            // a server of its own: logical decoding needs wal_level=logical from its start
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            walServer = EmbeddedPostgres.builder(directory.resolve("postgres")).syncInitdb(false)
                    .setting("wal_level", "logical").setting("max_replication_slots", "4").start();
        }
        byte[] guardKey = new byte[32];
        new Random(42).nextBytes(guardKey);
        run = run(SCORES, guardKey);
        swapped = run(SWAPPED, guardKey);
    }

    @AfterAll
    static void stop() throws Exception {
        if (walServer != null) {
            walServer.close();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Run run(int[] scores, byte[] guardKey) throws Exception {
        int number = RUNS.incrementAndGet();
        Path secrets = directory.resolve("secrets-" + number);
        // the same guard key in both runs, so that both write the same guards
        new FileSecretStore(secrets).putIfAbsent(GUARD_KEY_NAME, guardKey);
        String slot = "pulse_" + number;
        AoDatabase db;
        if (walServer != null) {
            String database = "pulse_log_" + number;
            walServer.createDatabase(database);
            db = AoDatabase.openPostgres(walServer.jdbcUrl(database), walServer.user(), walServer.password(),
                    PulseFixture.NAMESPACE);
        } else {
            db = AoDatabase.openFile(directory.resolve("hsqldb-" + number), PulseFixture.NAMESPACE);
        }
        try (PulseFixture pulse = new PulseFixture(db, secrets, NOVEMBER)) {
            db.activeObjects().migrate(dev.failforward.jira.persistence.FailureDbSchema.entities());
            if (walServer != null) {
                sql(db, "SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");
            }
            PulseService node = pulse.node();
            Map<String, String> guards = new LinkedHashMap<>();
            answer(pulse, node, guards, "u01", "CARE", 2);
            answer(pulse, node, guards, "u02", "CARE", 4);
            for (int i = 0; i < scores.length; i++) {
                answer(pulse, node, guards, String.format("u%02d", i + 1), "OPS", scores[i]);
            }
            byte[] poolKey = pulse.secrets().get(POOL_KEY_NAME).orElseThrow();

            pulse.clock.set(DECEMBER);
            pulse.as("u01").node().status("OPS");
            boolean poolKeyLeft = pulse.secrets().get(POOL_KEY_NAME).isPresent();

            List<Tx> log;
            String prefix = db.tablePrefix();
            if (walServer != null) {
                List<String> rows = new ArrayList<>();
                try (Connection connection = db.dataSource().getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT data FROM pg_logical_slot_get_changes('"
                             + slot + "', NULL, NULL, 'include-xids', '1', 'skip-empty-xacts', '1')")) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                sql(db, "SELECT pg_drop_replication_slot('" + slot + "')");
                log = TransactionLog.testDecoding(rows, prefix);
            } else {
                // read while the database is open: SHUTDOWN checkpoints and empties the .log
                List<String> lines = Files.readAllLines(directory.resolve("hsqldb-" + number + "/failforward.log"),
                        StandardCharsets.UTF_8);
                log = TransactionLog.hsqldb(lines, prefix, columns(db, prefix));
            }
            return new Run(log, guards, poolKey, poolKeyLeft);
        }
    }

    private static void answer(PulseFixture pulse, PulseService node, Map<String, String> guards, String user,
                               String project, int score) {
        pulse.as(user);
        guards.put(user + "/" + project, node.guardHash(user, project, node.currentPeriod()));
        node.answer(project, score);
    }

    @Test
    void aGuardIsWrittenInATransactionOfGuardsOnlyNeverWithAPoolRowOrACount() {
        List<Tx> guardWrites = run.log().stream().filter(tx -> tx.touches("PULSE_GUARD")).toList();
        assertThat(guardWrites).isNotEmpty().allSatisfy(tx -> {
            assertThat(tx.touches("PULSE_POOL")).isFalse();
            assertThat(tx.touches("PULSE_COUNT")).isFalse();
        });
        List<String> inserted = guardWrites.stream().flatMap(tx -> tx.of("PULSE_GUARD", "INSERT").stream())
                .map(c -> c.values().get("GUARD_HASH")).toList();
        assertThat(inserted).as("every person's guard, each in a transaction of its own")
                .containsExactlyElementsOf(run.guards().values());
        assertThat(guardWrites.stream().filter(tx -> !tx.of("PULSE_GUARD", "INSERT").isEmpty()))
                .allSatisfy(tx -> assertThat(tx.changes()).hasSize(1));
    }

    @Test
    void whatFollowsAGuardIsOneSealedValueThatOpensOnlyWithTheDestroyedPoolKey() {
        List<Tx> log = run.log();
        List<Change> pooled = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (!log.get(i).of("PULSE_GUARD", "INSERT").isEmpty()) {
                // the reader's best link: the guard's transaction is followed by the pool insert of that answer
                Tx next = log.get(i + 1);
                assertThat(next.changes()).singleElement().satisfies(c -> {
                    assertThat(c.op()).isEqualTo("INSERT");
                    assertThat(c.table()).isEqualTo("PULSE_POOL");
                });
                pooled.add(next.changes().get(0));
            }
        }
        assertThat(pooled).hasSize(14);
        for (int i = 0; i < pooled.size(); i++) {
            Map<String, String> row = pooled.get(i).values();
            assertThat(row).containsOnlyKeys("ID", "PROJECT_KEY", "PERIOD_START", "PERIOD_END", "SEALED");
            assertThat(row).containsEntry("ID", Integer.toString(i + 1)).containsEntry("PROJECT_KEY", i < 2 ? "CARE" : "OPS")
                    .containsEntry("PERIOD_START", "2026-11-01").containsEntry("PERIOD_END", "2026-12-01");
            assertThat(row.get("SEALED")).hasSize(AoPulseStore.SEALED_CHARS).matches("[A-Za-z0-9_-]+");
        }
        List<String> sealed = pooled.stream().map(c -> c.values().get("SEALED")).toList();
        assertThat(sealed).as("equal scores seal differently").doesNotHaveDuplicates();

        // with the period's pool key — only in the secret store, never in the database — each opens to its score...
        SealedBox box = new SealedBox(run.poolKey());
        List<Integer> opened = new ArrayList<>();
        for (Change row : pooled) {
            byte[] context = ("failforward.pulse|" + row.values().get("PROJECT_KEY") + "|2026-11-01|2026-12-01")
                    .getBytes(StandardCharsets.UTF_8);
            opened.add((int) box.open(Base64.getUrlDecoder().decode(row.values().get("SEALED")), context)
                    .orElseThrow()[1]);
        }
        List<Integer> expected = new ArrayList<>(List.of(2, 4));
        Arrays.stream(SCORES).forEach(expected::add);
        assertThat(opened).isEqualTo(expected);
        // ... and with anything else to nothing; the key was destroyed when November closed
        SealedBox other = new SealedBox(new byte[32]);
        assertThat(sealed).allSatisfy(s -> assertThat(other.open(Base64.getUrlDecoder().decode(s),
                "failforward.pulse|OPS|2026-11-01|2026-12-01".getBytes(StandardCharsets.UTF_8))).isEmpty());
        assertThat(run.poolKeyLeft()).isFalse();
    }

    @Test
    void theCountsChangeOnlyInFoldsOfAtLeastKAnswersOrByWithheldOnes() {
        Map<String, long[]> countRows = new HashMap<>();
        Map<String, List<Long>> folds = new LinkedHashMap<>();
        Map<String, Long> withheld = new HashMap<>();
        for (Tx tx : run.log()) {
            if (!tx.touches("PULSE_COUNT")) {
                continue;
            }
            assertThat(tx.touches("PULSE_GUARD")).isFalse();
            assertThat(tx.of("PULSE_POOL", "INSERT")).isEmpty();
            long before = 0;
            long heldBefore = 0;
            for (Change deleted : tx.of("PULSE_COUNT", "DELETE")) {
                long[] old = countRows.remove(deleted.values().get("ID"));
                before += old[0];
                heldBefore += old[1];
            }
            List<Change> inserted = tx.of("PULSE_COUNT", "INSERT");
            assertThat(inserted).hasSize(1);
            Map<String, String> row = inserted.get(0).values();
            long counted = 0;
            for (int s = 1; s <= 5; s++) {
                counted += Long.parseLong(row.get("SCORE" + s));
            }
            long held = Long.parseLong(row.get("WITHHELD"));
            countRows.put(row.get("ID"), new long[] {counted, held});
            long moved = counted - before;
            assertThat(moved).as("a fold moves at least k scores, or none").matches(m -> m == 0 || m >= K);
            assertThat(tx.of("PULSE_POOL", "DELETE")).as("the pool rows it took").hasSize((int) (moved + held - heldBefore));
            folds.computeIfAbsent(row.get("PROJECT_KEY"), p -> new ArrayList<>()).add(moved);
            withheld.merge(row.get("PROJECT_KEY"), held - heldBefore, Long::sum);
        }
        assertThat(folds).containsEntry("OPS", List.of(5L, 7L)).containsEntry("CARE", List.of(0L));
        assertThat(withheld).containsEntry("OPS", 0L).containsEntry("CARE", 2L);
    }

    @Test
    void swappingScoresAmongThePeopleOfAFoldWritesTheSameLogButForTheCiphertexts() {
        assertThat(SWAPPED).isNotEqualTo(SCORES);
        assertThat(sortedCopy(Arrays.copyOf(SWAPPED, 5))).isEqualTo(sortedCopy(Arrays.copyOf(SCORES, 5)));
        assertThat(sortedCopy(Arrays.copyOfRange(SWAPPED, 5, 12))).isEqualTo(sortedCopy(Arrays.copyOfRange(SCORES, 5, 12)));
        assertThat(masked(swapped.log())).isEqualTo(masked(run.log()));
        assertThat(swapped.guards()).isEqualTo(run.guards());
    }

    private static int[] sortedCopy(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static List<List<String>> masked(List<Tx> log) {
        List<List<String>> masked = new ArrayList<>();
        for (Tx tx : log) {
            List<String> changes = new ArrayList<>();
            for (Change change : tx.changes()) {
                Map<String, String> values = new LinkedHashMap<>(change.values());
                values.computeIfPresent("SEALED", (k, v) -> "<sealed>");
                changes.add(change.op() + " " + change.table() + " " + values);
            }
            masked.add(changes);
        }
        return masked;
    }

    private static void sql(AoDatabase db, String sql) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The pulse tables' columns in their order, for HSQLDB's INSERT lines (which name none). */
    private static Map<String, List<String>> columns(AoDatabase db, String prefix) throws Exception {
        Map<String, List<String>> columns = new HashMap<>();
        try (Connection connection = db.dataSource().getConnection()) {
            for (String table : List.of("PULSE_GUARD", "PULSE_POOL", "PULSE_COUNT")) {
                List<String> names = new ArrayList<>();
                try (ResultSet result = connection.getMetaData().getColumns(null, null, prefix + table, null)) {
                    while (result.next()) {
                        names.add(result.getInt("ORDINAL_POSITION") - 1, result.getString("COLUMN_NAME"));
                    }
                }
                columns.put(table, names);
            }
        }
        return columns;
    }
}
