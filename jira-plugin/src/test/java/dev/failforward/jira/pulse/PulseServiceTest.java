package dev.failforward.jira.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.privacy.HmacSha256;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.persistence.PulseGuardEntity;
import dev.failforward.jira.persistence.PulsePoolEntity;
import dev.failforward.jira.secrets.FileSecretStore;
import dev.failforward.jira.secrets.SecretStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The anonymous pulse on a real database (HSQLDB, and the embedded PostgreSQL in the {@code postgres} execution): one
 * answer per person and period, scores sealed in a pool and folded into the counts only k or more at a time, results
 * only for finished periods, keys in the secret store and destroyed after their period.
 */
class PulseServiceTest {

    private static final Instant NOVEMBER = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-02T09:00:00Z");
    private static final String NOV = "2026-11-01";

    @TempDir
    Path home;
    private PulseFixture pulse;

    @BeforeEach
    void open() {
        pulse = new PulseFixture(home.resolve("secrets"), NOVEMBER);
    }

    @AfterEach
    void close() {
        pulse.close();
    }

    private PulseService.Status answer(String user, int score) {
        return pulse.as(user).node().answer("OPS", score);
    }

    @Test
    void anAnswerIsStoredSealedWithNothingThatNamesThePerson() throws Exception {
        answer("u-anna-key", 2);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("u-anna-key".getBytes(StandardCharsets.UTF_8)));
        for (String table : List.of("PULSE_COUNT", "PULSE_GUARD", "PULSE_POOL")) {
            for (Map<String, Object> row : pulse.rows(table)) {
                // SEALED is 86 random-looking base64url characters (checked below): "aNnA" turns up in one of about
                // 12,000 of them, so the name is looked for in every other column
                Map<String, Object> plain = new java.util.HashMap<>(row);
                plain.remove("SEALED");
                assertThat(plain.values()).map(String::valueOf).noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("anna"));
                assertThat(row.values()).map(String::valueOf).noneMatch(v -> v.equalsIgnoreCase(sha));
            }
        }
        assertThat(pulse.rows("PULSE_COUNT")).as("one answer is not counted yet").isEmpty();
        assertThat(pulse.rows("PULSE_POOL")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("PROJECT_KEY", "OPS").containsEntry("PERIOD_START", NOV)
                    .containsEntry("PERIOD_END", "2026-12-01");
            assertThat((String) row.get("SEALED")).hasSize(AoPulseStore.SEALED_CHARS).matches("[A-Za-z0-9_-]+");
            assertThat(row).containsOnlyKeys("ID", "PROJECT_KEY", "PERIOD_START", "PERIOD_END", "SEALED");
        });
        assertThat(pulse.rows("PULSE_GUARD")).singleElement().satisfies(row -> {
            assertThat((String) row.get("GUARD_HASH")).hasSize(64).isNotEqualTo(sha);
            assertThat(row).containsOnlyKeys("GUARD_HASH", "PERIOD_START");
        });
        // the keys are files in the secret directory, readable by this OS user only, and nowhere in the settings
        assertThat(pulse.secrets().names("pulse-")).containsExactly("pulse-guard-2026-11-01_2026-12-01",
                "pulse-pool-2026-11-01_2026-12-01");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("secrets/pulse-pool-2026-11-01_2026-12-01")))).isEqualTo("rw-------");
        assertThat(pulse.pluginSettings.values().keySet()).noneMatch(key -> key.contains("secret"));
    }

    @Test
    void aSecondAnswerInThePeriodIsRefusedWithItsPeriodAndTheNextOne() throws Exception {
        answer("u-anna", 4);
        assertThat(pulse.as("u-anna").node().status("OPS").answered()).isTrue();
        pulse.clock.set(NOVEMBER.plusSeconds(3600));
        assertThatThrownBy(() -> answer("u-anna", 5))
                .isInstanceOfSatisfying(FailureDbException.AlreadyAnswered.class, e -> {
                    assertThat(e.i18nKey()).isEqualTo("failforward.pulse.error.answered");
                    assertThat(e.arguments()).containsExactly("2026-11", "2026-12-01");
                });
        assertThat(pulse.rows("PULSE_POOL")).as("the refused answer is not stored").hasSize(1);
        assertThat(pulse.as("u-anna").node().status("OPS").answersSoFar()).isEqualTo(1);

        assertThat(pulse.as("u-ben").node().status("OPS").answered()).isFalse();
        assertThat(answer("u-ben", 5).answersSoFar()).isEqualTo(2);
        assertThat(pulse.as("u-anna").node().answer("CARE", 3).answered()).as("another project asks again").isTrue();
    }

    @Test
    void aRestartForgetsNothing() {
        answer("u-anna", 4);
        // a new service on the same database and the same secret directory: a restarted node
        PulseService restarted = pulse.as("u-anna").node();
        assertThat(restarted.status("OPS").answered()).isTrue();
        assertThatThrownBy(() -> restarted.answer("OPS", 1)).isInstanceOf(FailureDbException.AlreadyAnswered.class);
    }

    @Test
    void whileThePeriodIsOpenAnswersAreFoldedOnlyOnceTwiceKWaitAndThenAllButTheNewestK() throws Exception {
        for (int i = 1; i <= 9; i++) {
            assertThat(answer("u-" + i, 1 + i % 5).answersSoFar()).isEqualTo(i);
        }
        assertThat(pulse.rows("PULSE_COUNT")).as("9 < 2k: all sealed").isEmpty();
        assertThat(pulse.rows("PULSE_POOL")).hasSize(9);

        answer("u-10", 5);
        // the oldest five (scores 2, 3, 4, 5, 1) were folded at once, the newest five wait
        assertThat(pulse.countRow("OPS", NOV)).hasValueSatisfying(c -> assertThat(c).containsExactly(1, 1, 1, 1, 1, 0));
        assertThat(pulse.rows("PULSE_POOL")).hasSize(5);
        for (int i = 11; i <= 14; i++) {
            answer("u-" + i, 4);
        }
        assertThat(pulse.countRow("OPS", NOV)).hasValueSatisfying(c -> assertThat(c).containsExactly(1, 1, 1, 1, 1, 0));
        assertThat(pulse.rows("PULSE_POOL")).hasSize(9);
        assertThat(answer("u-15", 4).answersSoFar()).isEqualTo(15);
        // again the oldest five (scores 2, 3, 4, 5, 5)
        assertThat(pulse.countRow("OPS", NOV)).hasValueSatisfying(c -> assertThat(c).containsExactly(1, 2, 2, 2, 3, 0));
        assertThat(pulse.rows("PULSE_POOL")).hasSize(5);

        // results wait for the period's end
        assertThat(pulse.as("u-1").node().status("OPS").previous().period().label()).isEqualTo("2026-10");
        pulse.clock.set(DECEMBER);
        PulseService.Status december = pulse.as("u-1").node().status("OPS");
        assertThat(december.previous().shown()).isTrue();
        assertThat(december.previous().answers()).isEqualTo(15);
        assertThat(december.previous().distribution()).containsExactly(1L, 2L, 2L, 7L, 3L);
        assertThat(december.previous().favourableShare()).isEqualTo(10 / 15.0);
        assertThat(pulse.rows("PULSE_POOL")).as("the last k folded when the period ended").isEmpty();
        assertThat(pulse.secrets().names("pulse-")).as("November's keys destroyed, December's guard key made")
                .containsExactly("pulse-guard-2026-12-01_2027-01-01");
        assertThat(pulse.rows("PULSE_GUARD")).as("November's guards deleted").isEmpty();
    }

    @Test
    void resultsAreShownOnlyForAFinishedPeriodWithEnoughAnswers() throws Exception {
        int[] scores = {5, 4, 4, 2, 5};
        for (int i = 0; i < scores.length; i++) {
            answer("u-" + i, scores[i]);
            assertThat(pulse.as("u-" + i).node().status("OPS").previous().shown()).isFalse();
        }
        PulseService.Status december = pulse.as("u-0").node().status("OPS");
        assertThat(december.previous().answers()).as("November is still open").isZero();
        pulse.clock.set(DECEMBER);
        december = pulse.as("u-0").node().status("OPS");
        assertThat(december.previous().shown()).isTrue();
        assertThat(december.previous().favourableShare()).isEqualTo(0.8);
        assertThat(december.previous().distribution()).containsExactly(0L, 1L, 0L, 2L, 2L);

        pulse.settings.write(new PulseSettings.Values(Granularity.MONTH, 6));
        PulseService.Status raised = pulse.as("u-0").node().status("OPS");
        assertThat(raised.previous().shown()).as("k raised to 6").isFalse();
        assertThat(raised.previous().favourableShare()).isNull();
        assertThat(raised.previous().distribution()).isNull();
        assertThat(raised.previous().answers()).isEqualTo(5);
    }

    @Test
    void aPeriodThatEndsWithFewerThanKAnswersKeepsOnlyTheirNumber() throws Exception {
        answer("u-1", 5);
        answer("u-2", 1);
        answer("u-3", 5);
        pulse.as("u-9").node().answer("CARE", 2);
        pulse.clock.set(DECEMBER);
        PulseService.Status december = pulse.as("u-1").node().status("OPS");
        assertThat(december.previous().shown()).isFalse();
        assertThat(december.previous().answers()).isEqualTo(3);
        assertThat(december.previous().distribution()).isNull();
        assertThat(pulse.countRow("OPS", NOV)).as("no score stored, three withheld")
                .hasValueSatisfying(c -> assertThat(c).containsExactly(0, 0, 0, 0, 0, 3));
        assertThat(pulse.countRow("CARE", NOV)).hasValueSatisfying(c -> assertThat(c).containsExactly(0, 0, 0, 0, 0, 1));
        assertThat(pulse.rows("PULSE_POOL")).isEmpty();
        assertThat(pulse.secrets().names("pulse-pool-")).isEmpty();
    }

    @Test
    void theKpiCountsFoldEndedPeriodsFirstAndShowOnlyFoldedAnswersOfTheOpenOne() {
        for (int i = 0; i < 12; i++) {
            answer("u-" + i, 4 + i % 2);
        }
        Map<String, Map<LocalDate, long[]>> open = pulse.node().counts(List.of("OPS", "CARE"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));
        // 12 answers in the open period: the oldest five were folded when ten waited (4, 5, 4, 5, 4)
        assertThat(open).containsOnlyKeys("OPS");
        assertThat(open.get("OPS").get(LocalDate.parse(NOV))).containsExactly(0, 0, 0, 3, 2);

        pulse.clock.set(DECEMBER);
        Map<String, Map<LocalDate, long[]>> closed = pulse.node().counts(List.of("OPS", "CARE"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));
        assertThat(closed.get("OPS").get(LocalDate.parse(NOV))).containsExactly(0, 0, 0, 6, 6);
        assertThat(pulse.node().minAnswers()).isEqualTo(5);
    }

    @Test
    void forgedAlteredOrRepeatedPoolRowsAreNeverCountedAndDoNotCountTowardsK() throws Exception {
        for (int i = 0; i < 4; i++) {
            answer("u-" + i, 2);
        }
        String real = (String) pulse.rows("PULSE_POOL").get(0).get("SEALED");
        byte[] bytes = Base64.getUrlDecoder().decode(real);
        bytes[20] ^= 1;
        insertPoolRow(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)); // altered
        insertPoolRow(real); // repeated
        insertPoolRow("A".repeat(AoPulseStore.SEALED_CHARS)); // forged
        pulse.clock.set(DECEMBER);
        PulseService.Status december = pulse.as("u-0").node().status("OPS");
        assertThat(december.previous().shown()).as("4 real answers < k, whatever the pool held").isFalse();
        assertThat(pulse.countRow("OPS", NOV)).hasValueSatisfying(c -> assertThat(c).containsExactly(0, 0, 0, 0, 0, 7));
    }

    @Test
    void aForeignRowInAnOpenPeriodIsWithheldWithoutMovingAScore() throws Exception {
        for (int i = 0; i < 9; i++) {
            answer("u-" + i, 3);
        }
        for (int i = 0; i < 3; i++) {
            insertPoolRow("B".repeat(AoPulseStore.SEALED_CHARS));
        }
        answer("u-9", 3); // 10 real answers: all but the newest 5 folded; the 3 forged rows withheld
        assertThat(pulse.countRow("OPS", NOV)).hasValueSatisfying(c -> assertThat(c).containsExactly(0, 0, 5, 0, 0, 3));
        assertThat(pulse.rows("PULSE_POOL")).hasSize(5);
    }

    @Test
    void whenTheScoreCannotBeStoredTheGuardIsTakenBackSoThePersonCanAnswerAgain() {
        SecretStore failing = new SecretStore() {
            private final SecretStore files = new FileSecretStore(pulse.secretDirectory);

            @Override
            public Optional<byte[]> get(String name) {
                return files.get(name);
            }

            @Override
            public byte[] putIfAbsent(String name, byte[] value) {
                if (name.startsWith("pulse-pool-")) {
                    throw new IllegalStateException("the shared home is not writable");
                }
                return files.putIfAbsent(name, value);
            }

            @Override
            public boolean delete(String name) {
                return files.delete(name);
            }

            @Override
            public java.util.List<String> names(String prefix) {
                return files.names(prefix);
            }
        };
        PulseService broken = new PulseService(new AoPulseStore(pulse.db.activeObjects()),
                pulse.as("u-anna").permissions, pulse.settings, failing, pulse.clock);
        assertThatThrownBy(() -> broken.answer("OPS", 4)).hasMessageContaining("not writable");
        assertThat(pulse.as("u-anna").node().status("OPS").answered()).isFalse();
        assertThat(answer("u-anna", 4).answered()).isTrue();
    }

    @Test
    void theGuardKeyOfEarlierVersionsMovesFromThePluginSettingsToTheSecretStore() throws Exception {
        byte[] legacy = new byte[32];
        new java.util.Random(5).nextBytes(legacy);
        pulse.pluginSettings.put("dev.failforward.pulse.secret", Base64.getEncoder().encodeToString(legacy));
        // a guard written by the earlier version this month: HMAC(legacy key, user, project, period)
        String oldGuard = HexFormat.of().formatHex(HmacSha256.mac(legacy,
                "u-anna\nOPS\n2026-11-01\nMONTH".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> guard = new HashMap<>();
        guard.put(PulseGuardEntity.GUARD_HASH, oldGuard);
        guard.put(PulseGuardEntity.PERIOD_START, NOV);
        pulse.db.activeObjects().create(PulseGuardEntity.class, guard);

        assertThat(pulse.as("u-anna").node().status("OPS").answered()).as("the old guard still counts").isTrue();
        assertThatThrownBy(() -> answer("u-anna", 2)).isInstanceOf(FailureDbException.AlreadyAnswered.class);
        assertThat(pulse.pluginSettings.values()).doesNotContainKey("dev.failforward.pulse.secret");
        assertThat(pulse.secrets().get("pulse-guard-2026-11-01_2026-12-01")).hasValueSatisfying(
                key -> assertThat(key).isEqualTo(legacy));
        assertThat(pulse.secrets().get("pulse-pool-2026-11-01_2026-12-01")).as("never the legacy key")
                .satisfiesAnyOf(k -> assertThat(k).isEmpty(), k -> assertThat(k.get()).isNotEqualTo(legacy));
        answer("u-ben", 3);
        assertThat(pulse.secrets().get("pulse-pool-2026-11-01_2026-12-01").orElseThrow()).isNotEqualTo(legacy);

        pulse.clock.set(DECEMBER);
        pulse.as("u-anna").node().answer("OPS", 2);
        assertThat(pulse.secrets().get("pulse-guard-2026-12-01_2027-01-01").orElseThrow()).isNotEqualTo(legacy);
        assertThat(pulse.secrets().get("pulse-guard-2026-11-01_2026-12-01")).as("destroyed after November").isEmpty();
    }

    @Test
    void aLegacyKeyWithNoGuardOfThisPeriodIsDroppedNotReused() {
        byte[] legacy = new byte[32];
        pulse.pluginSettings.put("dev.failforward.pulse.secret", Base64.getEncoder().encodeToString(legacy));
        answer("u-anna", 2);
        assertThat(pulse.pluginSettings.values()).doesNotContainKey("dev.failforward.pulse.secret");
        assertThat(pulse.secrets().get("pulse-guard-2026-11-01_2026-12-01").orElseThrow()).isNotEqualTo(legacy);
    }

    @Test
    void aProjectTheUserCannotSeeIsRefusedLikeAMissingOne() {
        assertThatThrownBy(() -> pulse.as("u-anna").node().answer("SECRET", 4))
                .isInstanceOf(FailureDbException.ProjectHidden.class);
        assertThatThrownBy(() -> pulse.as("u-anna").node().status("NOPE"))
                .isInstanceOf(FailureDbException.ProjectHidden.class);
        assertThatThrownBy(() -> pulse.as("u-anna").node().answer("OPS", 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pulse.secrets().names("pulse-pool-")).isEmpty();
    }

    @Test
    void runsOnTheDatabaseOfThisExecution() {
        assertThat(pulse.db.kind().name()).isEqualTo(TestDatabases.onPostgres() ? "POSTGRESQL" : "HSQLDB");
    }

    private void insertPoolRow(String sealed) {
        Map<String, Object> row = new HashMap<>();
        row.put(PulsePoolEntity.PROJECT_KEY, "OPS");
        row.put(PulsePoolEntity.PERIOD_START, NOV);
        row.put(PulsePoolEntity.PERIOD_END, "2026-12-01");
        row.put(PulsePoolEntity.SEALED, sealed);
        pulse.db.activeObjects().create(PulsePoolEntity.class, row);
    }
}
