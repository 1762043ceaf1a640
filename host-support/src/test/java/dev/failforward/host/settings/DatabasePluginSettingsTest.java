package dev.failforward.host.settings;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SAL's plugin settings in the shared database: what one node writes, another reads, as SAL can store it. */
class DatabasePluginSettingsTest {

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void stringsListsAndMapsRoundTripAcrossNodes() {
        DatabasePluginSettings nodeA = new DatabasePluginSettings(db.dataSource());
        DatabasePluginSettings nodeB = new DatabasePluginSettings(db.dataSource());
        Map<String, String> map = new LinkedHashMap<>();
        map.put("k:1", "3:ab");
        map.put("", "unicode ✓ and\nlines");
        nodeA.createGlobalSettings().put("a.string", "12:colons:and digits");
        nodeA.createGlobalSettings().put("a.list", List.of("one", "", "7:x"));
        nodeA.createGlobalSettings().put("a.map", map);
        assertThat(nodeB.get("a.string")).isEqualTo("12:colons:and digits");
        assertThat(nodeB.get("a.list")).isEqualTo(List.of("one", "", "7:x"));
        assertThat(nodeB.get("a.map")).isEqualTo(map);
        assertThat(nodeB.put("a.string", "replaced")).isEqualTo("12:colons:and digits");
        assertThat(nodeA.get("a.string")).isEqualTo("replaced");
        assertThat(nodeA.remove("a.string")).isEqualTo("replaced");
        assertThat(nodeB.get("a.string")).isNull();
        assertThat(nodeB.get("never.written")).isNull();
    }

    @Test
    void refusesWhatSalCannotStore() {
        DatabasePluginSettings settings = new DatabasePluginSettings(db.dataSource());
        assertThatThrownBy(() -> settings.put("a.number", 5)).hasMessageContaining("cannot store");
        assertThatThrownBy(() -> settings.put("a.list", List.of(1, 2))).hasMessageContaining("cannot store");
        assertThat(settings.get("a.number")).isNull();
    }
}
