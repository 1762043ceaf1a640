package com.atlassian.sal.api.pluginsettings;

/**
 * Stand-in for {@code com.atlassian.sal.api.pluginsettings.PluginSettingsFactory} from {@code com.atlassian.sal:sal-api}
 * 7.x (Platform 8); checked against sal-api 5.1.4 (decompiled, ngannk-fptu/Decompiled-Files
 * {@code com.atlassian.sal_sal-api-5.1.4/.../PluginSettingsFactory.java}; reference atlassian-api.md §2.3).
 * Only the members Fail Forward calls.
 */
public interface PluginSettingsFactory {
    PluginSettings createGlobalSettings();
}
