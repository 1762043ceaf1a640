package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.LearningCommand;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.failforward.jira.rest.FailureDbApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The project exports on real Jersey over the real AO repositories: access, CSV escaping, formula protection, JSON. */
class ProjectExportResourceTest {

    private FailureDbApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FailureDbApi();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void csvHasAHeaderOneRowPerRecordAndDefusesFormulas() {
        var evil = api.records.upsert(FailureRecordsResourceTest.extra(10004, "OPS-4", "=HYPERLINK(\"http://evil\",\"x\")"));
        api.learnings.add(new LearningCommand("+1 for alarms, \"really\"", "insight").toDraft(evil.issueId(), "u", FailureDbApi.NOW).value());
        api.learnings.add(new LearningCommand("@channel was noisy", "surprise").toDraft(evil.issueId(), "u", FailureDbApi.NOW).value());
        Response response = api.editor().get("projects/OPS/export.csv");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("text/csv");
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"OPS-failure-database.csv\"");
        String csv = response.readEntity(String.class);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", ProjectExportResource.CSV_HEADER));
        assertThat(lines[1]).startsWith("OPS-1,incident,Checkout down for 20 minutes,Analysing,,complex,design_flaw,");
        assertThat(lines[2]).startsWith("OPS-2,experiment,");
        assertThat(csv).contains("OPS-4,incident,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",Analysing")
                .contains("\"insight: +1 for alarms, \"\"really\"\"\nsurprise: @channel was noisy\"")
                .doesNotContain("SEC-1", "Rotate tokens");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void jsonHasEveryRecordWithItsLearningsAndActions() {
        Response response = api.admin().get("projects/SEC/export.json");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("projectKey").asText()).isEqualTo("SEC");
        assertThat(body.path("records")).hasSize(1);
        JsonNode sec = body.path("records").get(0);
        assertThat(sec.path("record").path("issueKey").asText()).isEqualTo("SEC-1");
        assertThat(sec.path("learnings").get(0).path("text").asText()).isEqualTo("Rotate tokens");
        assertThat(sec.path("actionItems").get(0).path("description").asText()).isEqualTo("Add a secret scanner");
    }

    @Test
    void exportsWalkManyPages() {
        for (int i = 5; i < 5 + 450; i++) {
            api.records.upsert(FailureRecordsResourceTest.extra(10000 + i, "OPS-" + i, "Record " + i));
        }
        JsonNode body = json(api.editor().get("projects/OPS/export.json"));
        assertThat(body.path("records")).hasSize(453);
        String csv = api.get("projects/OPS/export.csv").readEntity(String.class);
        assertThat(csv.split("\r\n")).hasSize(454);
        assertThat(csv).contains("\r\nOPS-454,");
    }

    @Test
    void aHiddenProjectIs404LikeAMissingOne() {
        for (String user : List.of("editor", "viewer", "outsider")) {
            switch (user) {
                case "editor" -> api.editor();
                case "viewer" -> api.viewer();
                default -> api.outsider();
            }
            for (String format : List.of("csv", "json")) {
                Response hidden = api.get("projects/SEC/export." + format);
                Response missing = api.get("projects/NOPE/export." + format);
                assertThat(hidden.getStatus()).isEqualTo(404);
                assertThat(missing.getStatus()).isEqualTo(404);
                String hiddenBody = hidden.readEntity(String.class);
                assertThat(hiddenBody.replace("SEC", "NOPE")).isEqualTo(missing.readEntity(String.class));
                assertThat(hiddenBody).doesNotContain("SEC-1", "Rotate");
            }
        }
        assertThat(api.viewer().get("projects/OPS/export.csv").getStatus()).isEqualTo(200);
    }

    @Test
    void csvCellsFollowRfc4180AndStopFormulas() {
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.cell("=A1,B1")).isEqualTo("\"'=A1,B1\"");
        assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
    }
}
