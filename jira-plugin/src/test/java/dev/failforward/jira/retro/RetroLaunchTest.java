package dev.failforward.jira.retro;

import dev.failforward.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RetroLaunchTest {

    @Test
    void anIncidentOpensThePostmortemBlueprintWithItsKey() {
        assertThat(RetroLaunch.createDialogUrl(URI.create("https://wiki.example.com/confluence/"), RecordKind.INCIDENT,
                "OPS-12", null)).hasToString("https://wiki.example.com/confluence/dashboard.action?createDialog=true"
                + "&createDialogBlueprintKey=dev.failforward.confluence%3Apostmortem-blueprint&issueKey=OPS-12");
    }

    @Test
    void anExperimentOpensTheExperimentRetroBlueprint() {
        assertThat(RetroLaunch.createDialogUrl(URI.create("http://localhost:8090"), RecordKind.EXPERIMENT, "GROW-7",
                null)).hasToString("http://localhost:8090/dashboard.action?createDialog=true"
                + "&createDialogBlueprintKey=dev.failforward.confluence%3Aexperiment-retro-blueprint&issueKey=GROW-7");
    }

    @Test
    void aSpaceKeyPreselectsTheSpaceAndIsEncoded() {
        assertThat(RetroLaunch.createDialogUrl(URI.create("http://c.example.com//"), RecordKind.INCIDENT, "OPS-1",
                " ~jdoe & co ").toString())
                .isEqualTo("http://c.example.com/dashboard.action?createDialog=true&createDialogSpaceKey=%7Ejdoe%20%26%20co"
                        + "&createDialogBlueprintKey=dev.failforward.confluence%3Apostmortem-blueprint&issueKey=OPS-1");
    }

    @Test
    void theIssueKeyCannotAddParameters() {
        assertThat(RetroLaunch.createDialogUrl(URI.create("http://c"), RecordKind.INCIDENT, "X-1&createDialog=false",
                "").getRawQuery()).isEqualTo("createDialog=true"
                + "&createDialogBlueprintKey=dev.failforward.confluence%3Apostmortem-blueprint"
                + "&issueKey=X-1%26createDialog%3Dfalse");
    }

    @Test
    void blueprintKeysByKind() {
        assertThat(RetroLaunch.blueprintKey(RecordKind.INCIDENT)).isEqualTo(RetroLaunch.POSTMORTEM_BLUEPRINT);
        assertThat(RetroLaunch.blueprintKey(RecordKind.EXPERIMENT)).isEqualTo(RetroLaunch.EXPERIMENT_RETRO_BLUEPRINT);
    }
}
