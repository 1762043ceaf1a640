package dev.failforward.jira.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.kpi.KpiSchema;
import dev.failforward.jira.permissions.RecordPermissions;
import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.Jdbc;
import dev.failforward.jira.persistence.TestJdbc;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The anonymous pulse on the real AO ORM: one answer per person and period, stored without anything that names them. */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(KpiSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class PulseServiceTest {

    private static final Instant NOVEMBER = Instant.parse("2026-11-21T10:00:00Z");

    private EntityManager entityManager;
    private EntityManagerActiveObjects ao;
    private final Map<String, Object> stored = new HashMap<>();
    private PulseSettings settings;
    private final LocalClusterLockService locks = new LocalClusterLockService();

    /** The user of the "request". */
    private String user = "u-anna-key";

    @Before
    public void setUp() {
        ao = new EntityManagerActiveObjects(entityManager);
        settings = new PulseSettings(new PluginSettingsFactory() {
            @Override
            public PluginSettings createGlobalSettings() {
                return new PluginSettings() {
                    @Override
                    public Object get(String key) {
                        return stored.get(key);
                    }

                    @Override
                    public Object put(String key, Object value) {
                        return stored.put(key, value);
                    }

                    @Override
                    public Object remove(String key) {
                        return stored.remove(key);
                    }
                };
            }
        });
    }

    private PulseService pulse(Instant now) {
        RecordPermissions permissions = new RecordPermissions() {
            @Override
            public Optional<String> currentUserKey() {
                return Optional.of(user);
            }

            @Override
            public Set<String> browsableProjectKeys() {
                return Set.of("OPS");
            }

            @Override
            public boolean canBrowse(String projectKey) {
                return "OPS".equals(projectKey);
            }

            @Override
            public boolean canEdit(String projectKey) {
                return canBrowse(projectKey);
            }
        };
        return new PulseService(ao, permissions, settings, locks, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    public void anAnswerRowCannotBeTiedToThePersonWhoGaveIt() throws Exception {
        user = "u-anna-key";
        pulse(NOVEMBER).answer("OPS", 2);
        List<String> everything = dumpPulseTables();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(user.getBytes(StandardCharsets.UTF_8)));
        assertThat(everything).isNotEmpty().noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("anna"))
                .noneMatch(value -> value.equalsIgnoreCase(sha));
        // the counts hold the answer; nothing in them says when or by whom
        PulseCountEntity[] counts = ao.find(PulseCountEntity.class, "PROJECT_KEY = ?", "OPS");
        assertThat(counts).singleElement().satisfies(row -> {
            assertThat(row.getPeriodStart()).isEqualTo("2026-11-01");
            assertThat(new long[]{row.getScore1(), row.getScore2(), row.getScore3(), row.getScore4(), row.getScore5()})
                    .containsExactly(0, 1, 0, 0, 0);
        });
        // the guard is a keyed hash: without the secret it is no hash of the user key, and it holds no score
        PulseGuardEntity[] guards = ao.find(PulseGuardEntity.class, "PERIOD_START = ?", "2026-11-01");
        assertThat(guards).hasSize(1);
        assertThat(guards[0].getGuardHash()).hasSize(64).isNotEqualTo(sha);
    }

    @Test
    public void aSecondAnswerInThePeriodIsRefusedWithItsPeriodAndTheNextOne() {
        pulse(NOVEMBER).answer("OPS", 4);
        assertThat(pulse(NOVEMBER).status("OPS").answered()).isTrue();
        assertThatThrownBy(() -> pulse(NOVEMBER.plusSeconds(3600)).answer("OPS", 5))
                .isInstanceOfSatisfying(FailureDbException.AlreadyAnswered.class, e -> {
                    assertThat(e.i18nKey()).isEqualTo("failforward.pulse.error.answered");
                    assertThat(e.arguments()).containsExactly("2026-11", "2026-12-01");
                });
        assertThat(pulse(NOVEMBER).status("OPS").answersSoFar()).as("the refused answer is not counted").isEqualTo(1);

        user = "u-ben-key";
        assertThat(pulse(NOVEMBER).status("OPS").answered()).isFalse();
        pulse(NOVEMBER).answer("OPS", 5);
        assertThat(pulse(NOVEMBER).status("OPS").answersSoFar()).isEqualTo(2);
    }

    @Test
    public void theNextPeriodAsksAgainAndForgetsWhoAnsweredTheLastOne() {
        pulse(NOVEMBER).answer("OPS", 3);
        Instant december = Instant.parse("2026-12-02T09:00:00Z");
        assertThat(pulse(december).status("OPS").answered()).isFalse();
        pulse(december).answer("OPS", 4);
        assertThat(ao.find(PulseGuardEntity.class, "PERIOD_START = ?", "2026-11-01")).as("old guards purged").isEmpty();
    }

    @Test
    public void resultsAreShownOnlyForAFinishedPeriodWithEnoughAnswers() {
        int[] scores = {5, 4, 4, 2, 5};
        for (int i = 0; i < scores.length; i++) {
            user = "u-" + i;
            pulse(NOVEMBER).answer("OPS", scores[i]);
            assertThat(pulse(NOVEMBER).status("OPS").previous().period().label()).isEqualTo("2026-10");
        }
        PulseService.Status december = pulse(Instant.parse("2026-12-05T00:00:00Z")).status("OPS");
        assertThat(december.previous().shown()).isTrue();
        assertThat(december.previous().favourableShare()).isEqualTo(0.8);
        assertThat(december.previous().distribution()).containsExactly(0L, 1L, 0L, 2L, 2L);

        settings.write(new PulseSettings.Values(Granularity.MONTH, 6));
        PulseService.Status raised = pulse(Instant.parse("2026-12-05T00:00:00Z")).status("OPS");
        assertThat(raised.previous().shown()).as("k raised to 6").isFalse();
        assertThat(raised.previous().favourableShare()).isNull();
        assertThat(raised.previous().distribution()).isNull();
        assertThat(raised.previous().answers()).isEqualTo(5);
    }

    @Test
    public void aProjectTheUserCannotSeeIsRefusedLikeAMissingOne() {
        assertThatThrownBy(() -> pulse(NOVEMBER).answer("SECRET", 4))
                .isInstanceOf(FailureDbException.ProjectHidden.class);
        assertThatThrownBy(() -> pulse(NOVEMBER).status("NOPE")).isInstanceOf(FailureDbException.ProjectHidden.class);
    }

    @Test
    public void answerCountsForTheKpisArePerProjectAndPeriodStart() {
        for (int i = 0; i < 3; i++) {
            user = "u-" + i;
            pulse(NOVEMBER).answer("OPS", 4 + i % 2);
        }
        Map<String, Map<LocalDate, long[]>> counts = pulse(NOVEMBER).counts(List.of("OPS", "CARE"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));
        assertThat(counts).containsOnlyKeys("OPS");
        assertThat(counts.get("OPS").get(LocalDate.parse("2026-11-01"))).containsExactly(0, 0, 0, 2, 1);
    }

    /** Every value of every row of both pulse tables, as text. */
    private List<String> dumpPulseTables() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = entityManager.getProvider().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : List.of("PULSE_COUNT", "PULSE_GUARD")) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + tableName(connection, table))) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            values.add(String.valueOf(rows.getObject(c)));
                        }
                    }
                }
            }
        }
        return values;
    }

    private static String tableName(Connection connection, String suffix) throws Exception {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%" + suffix, null)) {
            assertThat(tables.next()).as("table " + suffix).isTrue();
            return "\"" + tables.getString("TABLE_NAME") + "\"";
        }
    }
}
