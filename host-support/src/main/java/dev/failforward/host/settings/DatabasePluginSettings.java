package dev.failforward.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import dev.failforward.host.db.JdbcTables;
import dev.failforward.host.db.SqlErrors;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SAL's global plugin settings in the shared database ({@value #TABLE}), so every node of a preview cluster reads what
 * another wrote, as the products keep plugin settings in their database. Stores what SAL can store — a
 * {@code String}, a {@code List} of {@code String}, a {@code Map} of {@code String} to {@code String} — and refuses
 * anything else, as the product does. Each call is one statement: a value written on one node is read on the next
 * call on any node (the products cache settings per node with cluster-wide invalidation; the preview reads through).
 *
 * <p><b>Writers of one key at once.</b> On the embedded HSQLDB every session runs REPEATABLE READ (see
 * {@code HsqldbSessions}: no statement ever waits for another transaction), so a write that meets another
 * transaction's uncommitted change of the same row — two requests saving the same setting at the same moment, or two
 * inserting the same new key — is refused at once with SQLState {@code 40001}; PostgreSQL makes it wait instead. That
 * refusal reached REST as a 503 "database busy" (1 of 1,000 concurrent requests of the fuzz benchmark on
 * {@code PUT /pulse/settings}). A write here is an update, else an insert, else an update, each statement its own
 * transaction, and the last write wins, so trying a statement again cannot apply anything twice: a write refused for a passing reason (SQLState
 * class {@code 40}, {@code 55P03} lock not available, a {@link SQLTransientException}) is tried again, up to
 * {@value #WRITE_ATTEMPTS} times with short jittered pauses, before the error goes to the caller. On one node, writers
 * of one key also take turns (a lock per stripe of keys), so they never meet in the database at all; the retry is for
 * the nodes of a cluster, which meet there. A writer takes its connection before the lock: the lock's holder then
 * always has one, and its single statements wait for nothing but another node's statement, so waiting writers cannot
 * starve the pool or form a cycle with it.
 */
public final class DatabasePluginSettings implements PluginSettings, PluginSettingsFactory {

    static final String TABLE = "PREVIEW_PLUGIN_SETTING";
    /** Attempts of one write refused for a passing reason; the pauses between them add up to about a second at most. */
    static final int WRITE_ATTEMPTS = 10;

    private final DataSource dataSource;
    /** Writers of the keys of one stripe take turns on this node. */
    private final Object[] stripes = new Object[64];
    private final AtomicLong retried = new AtomicLong();

    public DatabasePluginSettings(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        JdbcTables.createTable(dataSource, TABLE, "SETTING_KEY VARCHAR(400) NOT NULL PRIMARY KEY,"
                + " SETTING_VALUE VARCHAR(1000000) NOT NULL");
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return this;
    }

    @Override
    public Object get(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT SETTING_VALUE FROM " + TABLE
                     + " WHERE SETTING_KEY = ?")) {
            select.setString(1, Objects.requireNonNull(key, "key"));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? decode(rs.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the plugin setting " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            return remove(key);
        }
        String encoded = encode(key, value);
        Object previous = get(key);
        write("write", key, c -> {
            if (update(c, key, encoded) == 1) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                    + " (SETTING_KEY, SETTING_VALUE) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, encoded);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!JdbcTables.isDuplicate(e)) {
                    throw e;
                }
                // another node inserted it at the same moment: the later write wins, as with an update
                update(c, key, encoded);
            }
        });
        return previous;
    }

    @Override
    public Object remove(String key) {
        Object previous = get(key);
        write("remove", key, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE SETTING_KEY = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        });
        return previous;
    }

    private static int update(Connection c, String key, String encoded) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET SETTING_VALUE = ?"
                + " WHERE SETTING_KEY = ?")) {
            update.setString(1, encoded);
            update.setString(2, key);
            return update.executeUpdate();
        }
    }

    /**
     * One write on a connection of its own in autocommit, after the earlier writers of the key's stripe on this node,
     * tried again while refused for a passing reason.
     */
    private void write(String what, String key, Write work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        work.run(c);
                        return;
                    } catch (SQLException e) {
                        if (attempt >= WRITE_ATTEMPTS || !SqlErrors.isTransient(e)) {
                            throw e;
                        }
                        retried.incrementAndGet();
                        pause(attempt); // the refused statement rolled back alone: the connection goes on
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + " the plugin setting " + key + ": " + e.getMessage(), e);
        }
    }

    /** How many refused writes this node has tried again (for tests). */
    long retried() {
        return retried.get();
    }

    private static void pause(int attempt) {
        try {
            // a few milliseconds, growing and jittered, so two writers that met do not meet again
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 4L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a plugin setting write", e);
        }
    }

    @FunctionalInterface
    private interface Write {
        void run(Connection c) throws SQLException;
    }

    /** {@code S} + text, or {@code L}/{@code M} + length-prefixed items ({@code 3:abc}). */
    static String encode(String key, Object value) {
        StringBuilder out = new StringBuilder();
        if (value instanceof String text) {
            return "S" + text;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            out.append('L');
            list.forEach(item -> item(out, (String) item));
            return out.toString();
        }
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)
                && map.values().stream().allMatch(String.class::isInstance)) {
            out.append('M');
            map.forEach((k, v) -> {
                item(out, (String) k);
                item(out, (String) v);
            });
            return out.toString();
        }
        throw new IllegalArgumentException("SAL plugin settings cannot store " + value + " under " + key);
    }

    private static void item(StringBuilder out, String item) {
        out.append(item.length()).append(':').append(item);
    }

    static Object decode(String stored) {
        char type = stored.charAt(0);
        if (type == 'S') {
            return stored.substring(1);
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        while (i < stored.length()) {
            int colon = stored.indexOf(':', i);
            int length = Integer.parseInt(stored.substring(i, colon));
            items.add(stored.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        if (type == 'L') {
            return items;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int k = 0; k + 1 < items.size(); k += 2) {
            map.put(items.get(k), items.get(k + 1));
        }
        return map;
    }
}
