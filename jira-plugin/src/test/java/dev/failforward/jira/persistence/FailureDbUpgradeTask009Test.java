package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.importing.ImportJobStore;
import dev.failforward.jira.importing.ImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 9 creates the background imports' tables; run twice it changes nothing, and the live store then keeps
 * a job, its files (bytes as they came), results in file order and the counts.
 */
class FailureDbUpgradeTask009Test {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

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
    void createsTheJobTablesAndTheLiveStoreKeepsJobsFilesAndResults() {
        assertThat(new FailureDbUpgradeTask009().getModelVersion()).isEqualTo(ModelVersion.valueOf("9"));
        new FailureDbUpgradeTask009().upgrade(ModelVersion.valueOf("8"), db.activeObjects());
        new FailureDbUpgradeTask009().upgrade(ModelVersion.valueOf("8"), db.activeObjects());
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoImportJobs store = new AoImportJobs(db.activeObjects());
        byte[] windows1252 = {(byte) 0x93, 'h', 'i', (byte) 0x94};

        store.create("job-1", "OPS", "u-admin", T0, "Europe/Berlin", Map.of("title", "Name"), List.of(
                new ImportService.SourceFile("a.md", "# A".getBytes(StandardCharsets.UTF_8)),
                new ImportService.SourceFile("dir/b.md", windows1252)));

        assertThat(store.unfinishedIn("OPS")).hasValueSatisfying(job -> {
            assertThat(job.state()).isEqualTo(ImportJobStore.State.QUEUED);
            assertThat(job.filesTotal()).isEqualTo(2);
            assertThat(job.zone()).isEqualTo("Europe/Berlin");
            assertThat(job.mapping()).containsEntry("title", "Name");
        });
        assertThat(store.waiting("job-1")).extracting(ImportJobStore.JobFile::name).containsExactly("a.md", "dir/b.md");
        assertThat(store.waiting("job-1").get(1).content()).isEqualTo(windows1252);
        store.markRunning("job-1");
        store.fileDone("job-1", 1, "[\"b\"]");
        store.fileDone("job-1", 1, "[\"again\"]"); // counted once
        store.fileDone("job-1", 0, "[\"a\"]");
        assertThat(store.results("job-1")).containsExactly("[\"a\"]", "[\"b\"]");
        assertThat(store.waiting("job-1")).isEmpty();
        store.finish("job-1", T0.plusSeconds(60));
        assertThat(store.find("job-1")).hasValueSatisfying(job -> {
            assertThat(job.state()).isEqualTo(ImportJobStore.State.DONE);
            assertThat(job.filesDone()).isEqualTo(2);
            assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(store.unfinished()).isEmpty();
    }
}
