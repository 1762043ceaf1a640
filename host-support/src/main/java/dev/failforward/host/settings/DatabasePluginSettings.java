package dev.failforward.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import dev.failforward.host.db.JdbcTables;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SAL's global plugin settings in the shared database ({@value #TABLE}), so every node of a preview cluster reads what
 * another wrote, as the products keep plugin settings in their database. Stores what SAL can store — a
 * {@code String}, a {@code List} of {@code String}, a {@code Map} of {@code String} to {@code String} — and refuses
 * anything else, as the product does. Each call is one statement: a value written on one node is read on the next
 * call on any node (the products cache settings per node with cluster-wide invalidation; the preview reads through).
 */
public final class DatabasePluginSettings implements PluginSettings, PluginSettingsFactory {

    static final String TABLE = "PREVIEW_PLUGIN_SETTING";

    private final DataSource dataSource;

    public DatabasePluginSettings(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET SETTING_VALUE = ?"
                    + " WHERE SETTING_KEY = ?")) {
                update.setString(1, encoded);
                update.setString(2, key);
                if (update.executeUpdate() == 1) {
                    return previous;
                }
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
                try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET SETTING_VALUE = ?"
                        + " WHERE SETTING_KEY = ?")) {
                    update.setString(1, encoded);
                    update.setString(2, key);
                    update.executeUpdate();
                }
            }
            return previous;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the plugin setting " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object remove(String key) {
        Object previous = get(key);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE SETTING_KEY = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            return previous;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the plugin setting " + key + ": " + e.getMessage(), e);
        }
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
