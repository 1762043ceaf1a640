package dev.failforward.jira.setup;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.jira.fields.FailForwardField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Jira ids setup recorded for each thing it created, by stable key, in SAL's global plugin settings under
 * {@value #NAMESPACE}. Plugin settings live in Jira's database, so every node of a cluster reads the same records; this
 * class caches nothing, each getter reads the settings again. Values are only Strings, lists of Strings and
 * String-to-String maps, as SAL requires.
 *
 * <p>Other code finds Fail Forward's fields through {@link dev.failforward.jira.fields.FieldRegistry}, which reads
 * {@link #fieldId} and {@link #optionIds} from here.
 */
public final class SetupRecords {

    /** Prefix of every key we store. */
    public static final String NAMESPACE = "dev.failforward.jira:";

    private final PluginSettings settings;

    public SetupRecords(PluginSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The records as they are now in the (cluster-shared) global settings. */
    public static SetupRecords in(PluginSettingsFactory factory) {
        return new SetupRecords(factory.createGlobalSettings());
    }

    // ------------------------------------------------------------------------------------------- fields and options

    /** The custom field id (e.g. {@code customfield_10100}) setup recorded for the field. */
    public Optional<String> fieldId(FailForwardField field) {
        return string(fieldKey(field));
    }

    /** Stable option value (e.g. {@code EXPLORE}) to Jira option id (as a String), for a select field. */
    public Map<String, String> optionIds(FailForwardField field) {
        return map(optionsKey(field));
    }

    /** The Jira id setup recorded for one of our issue types ({@code experiment}, {@code incident}). */
    public Optional<String> issueTypeId(String typeKey) {
        return string(issueTypeKey(typeKey));
    }

    /** The Jira id setup recorded for one of our statuses, by the core status name (e.g. {@code RUNNING}). */
    public Optional<String> statusId(String statusKey) {
        return string(statusKey(statusKey));
    }

    /** The Jira id setup recorded for one of our link types ({@code failforward-pivot}, {@code failforward-recurrence}). */
    public Optional<String> linkTypeId(String linkKey) {
        return string(linkTypeKey(linkKey));
    }

    static String fieldKey(FailForwardField field) {
        return "field." + field.key() + ".id";
    }

    static String optionsKey(FailForwardField field) {
        return "field." + field.key() + ".options";
    }

    // ------------------------------------------------------------------------------------------- the other keys

    static String issueTypeKey(String typeKey) {
        return "issuetype." + typeKey + ".id";
    }

    static String iconKey(String typeKey) {
        return "issuetype." + typeKey + ".avatar";
    }

    static String screenKey(String typeKey) {
        return "screen." + typeKey + ".id";
    }

    static String screenSchemeKey(String typeKey) {
        return "screenscheme." + typeKey + ".id";
    }

    static String statusKey(String statusKey) {
        return "status." + statusKey + ".id";
    }

    static String workflowKey(String typeKey) {
        return "workflow." + typeKey + ".name";
    }

    static String linkTypeKey(String linkKey) {
        return "linktype." + linkKey + ".id";
    }

    static final String ISSUE_TYPE_SCREEN_SCHEME = "issuetypescreenscheme.id";
    static final String ISSUE_TYPE_SCHEME = "issuetypescheme.id";
    /** The issue type ids our issue type scheme was last given. */
    static final String ISSUE_TYPE_SCHEME_TYPES = "issuetypescheme.types";
    static final String WORKFLOW_SCHEME = "workflowscheme.id";

    // ------------------------------------------------------------------------------------------- typed access

    Optional<String> string(String key) {
        Object value = settings.get(NAMESPACE + key);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    Optional<Long> number(String key) {
        return string(key).flatMap(SetupRecords::parseLong);
    }

    void put(String key, String value) {
        settings.put(NAMESPACE + key, Objects.requireNonNull(value, key));
    }

    void put(String key, long value) {
        put(key, Long.toString(value));
    }

    /** A copy of the stored map; empty when nothing (or something else) is stored. */
    Map<String, String> map(String key) {
        Object value = settings.get(NAMESPACE + key);
        Map<String, String> copy = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> stored) {
            stored.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k.toString(), v.toString());
                }
            });
        }
        return copy;
    }

    void putMap(String key, Map<String, String> value) {
        settings.put(NAMESPACE + key, new LinkedHashMap<>(value));
    }

    /** A copy of the stored list; empty when nothing is stored. */
    List<String> list(String key) {
        Object value = settings.get(NAMESPACE + key);
        List<String> copy = new ArrayList<>();
        if (value instanceof List<?> stored) {
            stored.forEach(item -> {
                if (item != null) {
                    copy.add(item.toString());
                }
            });
        }
        return copy;
    }

    void putList(String key, List<String> value) {
        settings.put(NAMESPACE + key, new ArrayList<>(value));
    }

    static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
