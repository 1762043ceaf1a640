package dev.failforward.jira.persistence;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.BallotGuard;
import dev.failforward.core.award.Nomination;
import dev.failforward.core.privacy.SealedBox;
import dev.failforward.host.ao.AoDatabase;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Shared values of the award store tests, and a dump of every award table read with plain JDBC. */
final class AwardTables {

    static final Instant NOVEMBER = Instant.parse("2026-11-10T09:00:00Z");
    static final byte[] KEY = key(42);
    /** The award's pool box (its own key). */
    static final SealedBox BOX = new SealedBox(key(43));
    static final Award Q4 = new Award(AwardScope.instance(),
            AwardSchedule.quarterly(ZoneOffset.UTC).periodAt(NOVEMBER));

    private AwardTables() {
    }

    static String guard(String voter) {
        return BallotGuard.of(KEY, Q4.id(), voter);
    }

    static Nomination nomination(String record, String nominator, int minutesAfterNovember) {
        return new Nomination(record, nominator, "It taught us " + record, NOVEMBER.plusSeconds(60L
                * minutesAfterNovember));
    }

    /**
     * Every row of every award table (each table of this database whose name starts with the prefix and
     * {@code AWARD}, found in the database's own catalogue, so a table or column added later is dumped too), as
     * table → rows → column → value, rows ordered by their first column.
     */
    static Map<String, List<Map<String, Object>>> dump(AoDatabase db) throws Exception {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        String prefix = (db.tablePrefix() + "AWARD").toUpperCase(Locale.ROOT);
        try (Connection connection = db.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet result = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (result.next()) {
                    String name = result.getString("TABLE_NAME");
                    if (name.toUpperCase(Locale.ROOT).startsWith(prefix)) {
                        names.add(name);
                    }
                }
            }
            for (String name : names) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM \"" + name + "\" ORDER BY 1")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            row.put(columns.getColumnName(c).toUpperCase(Locale.ROOT), result.getObject(c));
                        }
                        rows.add(row);
                    }
                }
                tables.put(name.toUpperCase(Locale.ROOT).substring(db.tablePrefix().length()), rows);
            }
        }
        return tables;
    }

    /** Folds the award's ballots with {@link #BOX}. */
    static boolean fold(AoAwards store) {
        return store.fold(Q4.id(), () -> Optional.of(BOX));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
