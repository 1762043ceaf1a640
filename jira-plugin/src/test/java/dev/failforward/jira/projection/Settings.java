package dev.failforward.jira.projection;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** SAL's global settings in a map, refusing what SAL cannot store (only String, List and Map of Strings). */
final class Settings implements PluginSettings {

    private final Map<String, Object> values = new ConcurrentHashMap<>();

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

    Map<String, Object> values() {
        return values;
    }
}
