package dev.failforward.jira.importing;

import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.Learning;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.LocalClusterLockService;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.ZoneOffset;
import java.util.List;

import static dev.failforward.jira.importing.ImportFixture.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node killed at each step of an import (a {@link ImportFixture.Crash} the import cannot catch, so nothing after it
 * runs: no undo, no completion), then the same files imported again on a fresh node on the same database: every
 * source has exactly one issue, with its learnings and action items once each, no claim is left pending, and a third
 * import finds everything unchanged. On HSQLDB and on PostgreSQL (the pom's postgres execution).
 */
class ImportCrashTest {

    private AoDatabase db;
    private ImportFixture fixture;
    private final LocalClusterLockService locks = new LocalClusterLockService();

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

    private ImportService.BatchReport run(ImportService service, List<ImportService.SourceFile> files) {
        return service.run("OPS", files, false, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"AFTER_CLAIM", "AFTER_CREATE", "AFTER_REFRESH", "AFTER_FIRST_ACTION",
            "BEFORE_SAVE", "AFTER_SAVE", "IN_UNDO"})
    void aNodeKilledWhileCreatingLeavesNoDuplicate(Step step) {
        List<ImportService.SourceFile> files = ImportFixture.batch(3);

        assertThatThrownBy(() -> run(fixture.service(locks, step), files)).isInstanceOf(ImportFixture.Crash.class);
        // the first file died at the step; the others were never reached
        ImportService.BatchReport again = run(fixture.service(locks, null), files);

        assertThat(again.files()).extracting(ImportService.FileReport::outcome).doesNotContain(
                ImportService.Outcome.FAILED);
        assertOneCompleteIssuePerSource(files);
        ImportService.BatchReport third = run(fixture.service(locks, null), files);
        assertThat(third.files()).extracting(ImportService.FileReport::outcome)
                .containsOnly(ImportService.Outcome.UNCHANGED);
        assertOneCompleteIssuePerSource(files);
    }

    @Test
    void aNodeKilledWhileUpdatingLeavesTheUpdateToTheNextImport() {
        List<ImportService.SourceFile> files = ImportFixture.batch(2);
        run(fixture.service(locks, null), files);
        List<ImportService.SourceFile> changed = List.of(ImportFixture.postMortem("pm-1.md", "Checkout outage 1, revised"),
                files.get(1));

        assertThatThrownBy(() -> run(fixture.service(locks, Step.AFTER_UPDATE), changed))
                .isInstanceOf(ImportFixture.Crash.class);
        ImportService.BatchReport again = run(fixture.service(locks, null), changed);

        assertThat(again.files()).extracting(ImportService.FileReport::outcome)
                .containsExactly(ImportService.Outcome.UPDATED, ImportService.Outcome.UNCHANGED);
        assertThat(fixture.issues.in("OPS")).hasSize(2)
                .anySatisfy(issue -> assertThat(issue.summary()).isEqualTo("Checkout outage 1, revised"));
        assertOneCompleteIssuePerSource(changed);
    }

    @Test
    void aDryRunAfterACrashSaysUpdateForTheIssueThatWasMadeAndWritesNothing() {
        List<ImportService.SourceFile> files = ImportFixture.batch(1);
        assertThatThrownBy(() -> run(fixture.service(locks, Step.AFTER_CREATE), files))
                .isInstanceOf(ImportFixture.Crash.class);

        ImportService.BatchReport dry = fixture.service(locks, null).run("OPS", files, true, ZoneOffset.UTC);

        assertThat(dry.files()).singleElement().satisfies(report -> {
            assertThat(report.outcome()).isEqualTo(ImportService.Outcome.UPDATE);
            assertThat(report.issueKey()).isEqualTo("OPS-1");
        });
        assertThat(fixture.sources.pending("OPS", "pm-1")).isPresent();
    }

    @Test
    void aClaimIsOnlyWrittenOnceAndTheCompletedRowIsNoLongerPending() {
        assertThat(fixture.sources.claim("OPS", "a.md", "h1", "u-admin", ImportFixture.NOW)).isTrue();
        assertThat(fixture.sources.claim("OPS", "a.md", "h2", "u-admin", ImportFixture.NOW)).isFalse();
        assertThat(fixture.sources.find("OPS", "a.md")).isEmpty();
        assertThat(fixture.sources.pending("OPS", "a.md")).hasValueSatisfying(claim -> {
            assertThat(claim.issueId()).isZero();
            assertThat(claim.contentHash()).isEqualTo("h1");
        });

        fixture.sources.save(new ImportSourceStore.Source("OPS", "a.md", 42L, "h1", "u-admin", ImportFixture.NOW));

        assertThat(fixture.sources.pending("OPS", "a.md")).isEmpty();
        assertThat(fixture.sources.find("OPS", "a.md")).hasValueSatisfying(s -> assertThat(s.issueId()).isEqualTo(42L));
        assertThat(fixture.sources.claim("OPS", "a.md", "h3", "u-admin", ImportFixture.NOW)).isFalse();
    }

    @Test
    void theMarkerIsStableAndDiffersPerProjectAndSource() {
        assertThat(PendingImports.marker("OPS", "a.md")).isEqualTo(PendingImports.marker("OPS", "a.md"))
                .startsWith("ffimport-").hasSize("ffimport-".length() + 24)
                .isNotEqualTo(PendingImports.marker("SEC", "a.md"))
                .isNotEqualTo(PendingImports.marker("OPS", "b.md"));
    }

    private void assertOneCompleteIssuePerSource(List<ImportService.SourceFile> files) {
        assertThat(fixture.issues.in("OPS")).hasSize(files.size());
        for (ImportService.SourceFile file : files) {
            String sourceKey = ImportedIncident.sourceKey(file.name());
            String marker = PendingImports.marker("OPS", sourceKey);
            List<ImportFixture.FakeIssues.Stored> issues = fixture.issues.in("OPS").stream()
                    .filter(i -> i.description().contains(marker)).toList();
            assertThat(issues).as("issues of %s", file.name()).hasSize(1);
            long issueId = issues.get(0).id();
            assertThat(fixture.sources.pending("OPS", sourceKey)).isEmpty();
            assertThat(fixture.sources.find("OPS", sourceKey))
                    .hasValueSatisfying(s -> assertThat(s.issueId()).isEqualTo(issueId));
            assertThat(fixture.learnings.findByRecord(issueId)).extracting(Learning::text).containsExactlyInAnyOrder(
                    "Pinning a third party's certificate couples our uptime to their rotations.",
                    "Vendor status pages lag real incidents.");
            assertThat(fixture.actions.findByRecord(issueId)).extracting(ActionItem::description)
                    .hasSize(2).doesNotHaveDuplicates();
        }
    }
}
