package dev.failforward.jira.projection;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.setup.SetupRecords;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Jira ids the projection needs, as setup recorded them: our two issue types (which decide whether an issue is
 * projected and as what) and our link types ("Pivots", "Recurrence", "Follow-up"). Read from the cluster-shared settings on
 * every call, like {@link SetupRecords}: a repair or a second setup run is seen at once on every node.
 */
@Named
public class ProjectionSetup {

    /** Setup's stable link type keys ({@code SetupSpec.LINK_TYPES}). */
    static final String PIVOT_LINK = "failforward-pivot";
    static final String RECURRENCE_LINK = "failforward-recurrence";
    static final String FOLLOW_UP_LINK = "failforward-followup";

    private final PluginSettingsFactory pluginSettingsFactory;

    @Inject
    public ProjectionSetup(@ComponentImport PluginSettingsFactory pluginSettingsFactory) {
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
    }

    /** Jira issue type id to the record kind it is projected as; empty while setup has not run. */
    public Map<String, RecordKind> issueTypes() {
        SetupRecords records = SetupRecords.in(pluginSettingsFactory);
        Map<String, RecordKind> types = new LinkedHashMap<>();
        records.issueTypeId("experiment").ifPresent(id -> types.put(id.strip(), RecordKind.EXPERIMENT));
        records.issueTypeId("incident").ifPresent(id -> types.put(id.strip(), RecordKind.INCIDENT));
        return types;
    }

    /** The recorded id of the "Pivots" link type (outward "pivoted into", inward "pivoted from"). */
    public Optional<Long> pivotLinkTypeId() {
        return linkTypeId(PIVOT_LINK);
    }

    /** The recorded id of the "Recurrence" link type (outward "recurs as", inward "recurrence of"). */
    public Optional<Long> recurrenceLinkTypeId() {
        return linkTypeId(RECURRENCE_LINK);
    }

    /** The recorded id of the "Follow-up" link type (outward "is a follow-up of", inward "has follow-up"). */
    public Optional<Long> followUpLinkTypeId() {
        return linkTypeId(FOLLOW_UP_LINK);
    }

    private Optional<Long> linkTypeId(String linkKey) {
        Optional<String> recorded = SetupRecords.in(pluginSettingsFactory).linkTypeId(linkKey);
        try {
            return recorded.map(text -> Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
