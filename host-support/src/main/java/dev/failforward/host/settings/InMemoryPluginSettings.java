package dev.failforward.host.settings;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAL's global plugin settings held in a map, for tests: refuses what SAL cannot store (only {@code String},
 * {@code List} of {@code String} and {@code Map} of {@code String} to {@code String}), so a test fails where the
 * product would. Its own factory: {@link #createGlobalSettings()} is this.
 */
public final class InMemoryPluginSettings implements PluginSettings, PluginSettingsFactory {

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    /** The factory whose global settings are these (this object), for constructors that take a factory. */
    public PluginSettingsFactory factory() {
        return this;
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return this;
    }

    @Override
    public Object get(String key) {
        return values.get(key);
    }

    @Override
    public Object put(String key, Object value) {
        boolean storable = value instanceof String
                || value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                || value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)
                && map.values().stream().allMatch(String.class::isInstance);
        if (!storable) {
            throw new IllegalArgumentException("SAL plugin settings cannot store " + value + " under " + key);
        }
        return values.put(key, value);
    }

    @Override
    public Object remove(String key) {
        return values.remove(key);
    }

    /** Everything stored, as it is stored (read-only). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
