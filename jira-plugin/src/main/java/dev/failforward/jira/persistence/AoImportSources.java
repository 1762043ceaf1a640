package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.importing.ImportSourceStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ImportSourceStore} on Active Objects ({@link ImportSourceEntity}). */
@Named
public class AoImportSources implements ImportSourceStore {

    private final ActiveObjects ao;

    @Inject
    public AoImportSources(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public Optional<Source> find(String projectKey, String sourceKey) {
        return ao.executeInTransaction(() -> {
            ImportSourceEntity[] rows = rows(projectKey, sourceKey);
            return rows.length == 0 || pending(rows[0]) ? Optional.<Source>empty() : Optional.of(source(rows[0]));
        });
    }

    @Override
    public Optional<Source> pending(String projectKey, String sourceKey) {
        return ao.executeInTransaction(() -> {
            ImportSourceEntity[] rows = rows(projectKey, sourceKey);
            return rows.length == 0 || !pending(rows[0]) ? Optional.<Source>empty() : Optional.of(source(rows[0]));
        });
    }

    /**
     * Inserts the pending row unless the source has one. The caller holds the project's import lock, so no other
     * writer claims the same source meanwhile; should two rows appear anyway (a lock lost to a long pause), every read
     * takes the lowest id and {@link #save} deletes the others, so one issue stays known.
     */
    @Override
    public boolean claim(String projectKey, String sourceKey, String contentHash, String importedBy, Instant at) {
        return ao.executeInTransaction(() -> {
            if (rows(projectKey, sourceKey).length > 0) {
                return false;
            }
            Map<String, Object> row = new HashMap<>();
            row.put(ImportSourceEntity.PROJECT_KEY, projectKey);
            row.put(ImportSourceEntity.SOURCE_KEY, sourceKey);
            row.put(ImportSourceEntity.ISSUE_ID, 0L);
            row.put(ImportSourceEntity.CONTENT_HASH, contentHash);
            row.put(ImportSourceEntity.IMPORTED_BY, importedBy);
            row.put(ImportSourceEntity.IMPORTED_AT, Date.from(at));
            row.put(ImportSourceEntity.STATE, ImportSourceEntity.PENDING);
            ao.create(ImportSourceEntity.class, row);
            return true;
        });
    }

    @Override
    public void save(Source source) {
        ao.executeInTransaction(() -> {
            ImportSourceEntity[] rows = rows(source.projectKey(), source.sourceKey());
            if (rows.length == 0) {
                Map<String, Object> row = new HashMap<>();
                row.put(ImportSourceEntity.PROJECT_KEY, source.projectKey());
                row.put(ImportSourceEntity.SOURCE_KEY, source.sourceKey());
                row.put(ImportSourceEntity.ISSUE_ID, source.issueId());
                row.put(ImportSourceEntity.CONTENT_HASH, source.contentHash());
                row.put(ImportSourceEntity.IMPORTED_BY, source.importedBy());
                row.put(ImportSourceEntity.IMPORTED_AT, Date.from(source.importedAt()));
                row.put(ImportSourceEntity.STATE, null);
                ao.create(ImportSourceEntity.class, row);
                return null;
            }
            ImportSourceEntity row = rows[0];
            row.setIssueId(source.issueId());
            row.setContentHash(source.contentHash());
            row.setImportedBy(source.importedBy());
            row.setImportedAt(Date.from(source.importedAt()));
            row.setState(null);
            row.save();
            for (int i = 1; i < rows.length; i++) {
                ao.delete(rows[i]);
            }
            return null;
        });
    }

    @Override
    public void forget(String projectKey, String sourceKey) {
        ao.executeInTransaction(() -> {
            ImportSourceEntity[] rows = rows(projectKey, sourceKey);
            if (rows.length > 0) {
                ao.delete(rows);
            }
            return null;
        });
    }

    private ImportSourceEntity[] rows(String projectKey, String sourceKey) {
        return ao.find(ImportSourceEntity.class, Query.select()
                .where(ImportSourceEntity.PROJECT_KEY + " = ? AND " + ImportSourceEntity.SOURCE_KEY + " = ?",
                        projectKey, sourceKey).order("ID"));
    }

    private static boolean pending(ImportSourceEntity row) {
        return ImportSourceEntity.PENDING.equals(row.getState());
    }

    private static Source source(ImportSourceEntity row) {
        return new Source(row.getProjectKey(), row.getSourceKey(), row.getIssueId(), row.getContentHash(),
                row.getImportedBy(), row.getImportedAt().toInstant());
    }
}
