package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.importing.ImportSourceStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

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
            return rows.length == 0 ? Optional.<Source>empty() : Optional.of(source(rows[0]));
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
                ao.create(ImportSourceEntity.class, row);
                return null;
            }
            ImportSourceEntity row = rows[0];
            row.setIssueId(source.issueId());
            row.setContentHash(source.contentHash());
            row.setImportedBy(source.importedBy());
            row.setImportedAt(Date.from(source.importedAt()));
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

    private static Source source(ImportSourceEntity row) {
        return new Source(row.getProjectKey(), row.getSourceKey(), row.getIssueId(), row.getContentHash(),
                row.getImportedBy(), row.getImportedAt().toInstant());
    }
}
