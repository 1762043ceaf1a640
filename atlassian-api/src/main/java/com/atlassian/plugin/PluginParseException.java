package com.atlassian.plugin;

/**
 * Stand-in for {@code com.atlassian.plugin.PluginParseException} from {@code com.atlassian.plugins:atlassian-plugins-api}
 * (Platform 8); checked against the decompiled 7.4.0 ({@code ngannk-fptu/Decompiled-Files} @e0c88ec5): extends
 * {@link PluginException}, so unchecked. Thrown by a module's {@code init} when its descriptor configuration is wrong
 * (the plugin system then fails to enable the module). Only the constructor the plugin calls. [U] unchanged on
 * Platform 8.
 */
public class PluginParseException extends PluginException {
    public PluginParseException(String message) {
        super(message);
    }
}
