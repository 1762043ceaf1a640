package com.atlassian.sal.api.pluginsettings;

/**
 * Stand-in for {@code com.atlassian.sal.api.pluginsettings.PluginSettings} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8); checked against sal-api 5.1.4 (decompiled, ngannk-fptu/Decompiled-Files
 * {@code com.atlassian.sal_sal-api-5.1.4/.../PluginSettings.java}; reference atlassian-api.md §2.3). Values are
 * {@code String}, {@code List<String>} or {@code Map<String, String>}; the host stores them in its database, so every
 * node of a cluster sees the same values.
 */
public interface PluginSettings {
    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
