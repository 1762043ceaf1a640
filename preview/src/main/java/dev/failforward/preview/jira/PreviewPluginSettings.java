package dev.failforward.preview.jira;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.jira.setup.SetupRecords;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAL's global plugin settings for the preview, in memory, holding what setup would have recorded in a real instance
 * that the preview's code reads: the ids of our two issue types (the preview's issue type ids,
 * {@link PreviewIssue#EXPERIMENT_TYPE_ID} and {@link PreviewIssue#INCIDENT_TYPE_ID}). No link types are recorded: the preview's issues have no links.
 */
public final class PreviewPluginSettings implements PluginSettingsFactory {

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    private final PluginSettings settings = new PluginSettings() {
        @Override
        public Object get(String key) {
            return values.get(key);
        }

        @Override
        public Object put(String key, Object value) {
            return value == null ? values.remove(key) : values.put(key, value);
        }

        @Override
        public Object remove(String key) {
            return values.remove(key);
        }
    };

    public PreviewPluginSettings() {
        recordSetup(settings);
    }

    /**
     * Writes what the preview's "setup" records, as Jira's setup would: the keys
     * {@code SetupRecords.issueTypeId("experiment" / "incident")} reads. For the shared settings of a preview cluster.
     */
    public static void recordSetup(PluginSettings settings) {
        settings.put(SetupRecords.NAMESPACE + "issuetype.experiment.id", PreviewIssue.EXPERIMENT_TYPE_ID);
        settings.put(SetupRecords.NAMESPACE + "issuetype.incident.id", PreviewIssue.INCIDENT_TYPE_ID);
        settings.put(SetupRecords.NAMESPACE + "linktype.failforward-recurrence.id",
                String.valueOf(PreviewIssueLinks.RECURRENCE_LINK_TYPE_ID));
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return settings;
    }
}
