package dev.failforward.jira.importing;

import dev.failforward.core.record.ActionItem;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Action-item owners on a real import: the dry run says which written owner was matched to whom and how, and which
 * stays text; the import stores the matched users as owners and keeps the others in the item's text, owned by the
 * importer. On HSQLDB and PostgreSQL.
 */
class ImportOwnersTest {

    private static final String POST_MORTEM = """
            # Payments declined for EU cards

            ## Detection
            Detected: 2026-03-05 14:32 UTC by the success-rate monitor.

            ## Action items
            - [ ] Stop pinning intermediate certificates (owner: Marta Kowalski, due 2026-07-01)
            - [ ] Monitor the certificate expiry (owner: marta@example.com, due 2026-07-02)
            - [ ] Add a runbook (owner: @u-admin, due 2026-07-03)
            - [ ] Tell the processor (owner: Jonas Berg, due 2026-07-04)
            - [ ] Review vendor contracts (owner: Legal team, due 2026-07-05)
            """;

    private AoDatabase db;
    private ImportFixture fixture;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        fixture = new ImportFixture(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportService.BatchReport run(boolean dryRun) {
        return fixture.service(new LocalClusterLockService(), null).run("OPS", List.of(new ImportService.SourceFile(
                "eu-cards.md", POST_MORTEM.getBytes(StandardCharsets.UTF_8))), dryRun, ZoneOffset.UTC);
    }

    @Test
    void theDryRunSaysWhoEachOwnerIs() {
        ImportService.FileReport report = run(true).files().get(0);

        assertThat(report.found()).filteredOn(f -> f.field().equals("owner"))
                .extracting(ImportService.FoundField::value).containsExactly(
                        "Marta Kowalski \u2192 Marta Kowalski (u-marta), matched by display name",
                        "marta@example.com \u2192 Marta Kowalski (u-marta), matched by e-mail address",
                        "u-admin \u2192 Ada Admin (u-admin), matched by user name",
                        "Jonas Berg: kept as text (several Jira users match)",
                        "Legal team: kept as text (no Jira user matches)");
        assertThat(report.found()).filteredOn(f -> f.field().equals("owner"))
                .extracting(ImportService.FoundField::from).containsOnly("action items");
        assertThat(fixture.issues.in("OPS")).isEmpty();
    }

    @Test
    void matchedOwnersOwnTheirItemsAndTheOthersStayInTheText() {
        ImportService.FileReport report = run(false).files().get(0);

        assertThat(report.outcome()).isEqualTo(ImportService.Outcome.CREATED);
        long issueId = fixture.issues.in("OPS").get(0).id();
        assertThat(fixture.actions.findByRecord(issueId)).extracting(ActionItem::description, ActionItem::ownerKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Stop pinning intermediate certificates", "u-marta"),
                        org.assertj.core.groups.Tuple.tuple("Monitor the certificate expiry", "u-marta"),
                        org.assertj.core.groups.Tuple.tuple("Add a runbook", "u-admin"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Tell the processor (owner in the post-mortem: Jonas Berg)", ImportFixture.IMPORTER),
                        org.assertj.core.groups.Tuple.tuple(
                                "Review vendor contracts (owner in the post-mortem: Legal team)",
                                ImportFixture.IMPORTER));
    }
}
