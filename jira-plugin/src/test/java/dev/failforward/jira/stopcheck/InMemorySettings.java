package dev.failforward.jira.stopcheck;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * SAL's global plugin settings held in a map, refusing what SAL cannot store (only String, List of String and
 * Map of String to String), so a test fails where Jira would.
 */
final class InMemorySettings implements PluginSettings {

    private final Map<String, Object> values = new HashMap<>();

    /** A factory whose global settings are these. */
    PluginSettingsFactory factory() {
        PluginSettingsFactory factory = mock(PluginSettingsFactory.class);
        when(factory.createGlobalSettings()).thenReturn(this);
        return factory;
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
}
