package dev.failforward.jira.importing;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The column mapping a project's last CSV / JSON import was confirmed with, kept for the next one in SAL's global
 * plugin settings (shared by every node): {@code dev.failforward.jira:import.mapping.<PROJECT>} holds the mapping's
 * {@code toMap()} form as {@code key=column} lines.
 */
@Named
public class ImportMappingStore {

    static final String PREFIX = "dev.failforward.jira:import.mapping.";

    private final PluginSettingsFactory settings;

    @Inject
    public ImportMappingStore(@ComponentImport PluginSettingsFactory settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Optional<Map<String, String>> load(String projectKey) {
        Object value = global().get(PREFIX + projectKey);
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                mapping.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
            }
        }
        return mapping.isEmpty() ? Optional.empty() : Optional.of(mapping);
    }

    public void save(String projectKey, Map<String, String> mapping) {
        StringBuilder text = new StringBuilder();
        mapping.forEach((key, column) -> text.append(escape(key)).append('=').append(escape(column)).append('\n'));
        global().put(PREFIX + projectKey, text.toString());
    }

    private PluginSettings global() {
        return settings.createGlobalSettings();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\e");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'e' ? '=' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
