package com.atlassian.plugin;

/**
 * Stand-in for {@code com.atlassian.plugin.PluginException} from {@code com.atlassian.plugins:atlassian-plugins-api}
 * (Platform 8); checked against the decompiled 7.4.0 ({@code ngannk-fptu/Decompiled-Files} @e0c88ec5,
 * {@code com.atlassian.plugins_atlassian-plugins-api-7.4.0}): an unchecked exception. Only the constructor the plugin
 * calls (through {@link PluginParseException}). [U] unchanged on Platform 8 (no 8.x source could be read).
 */
public class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }
}
