package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.importing.ImportJobStore;
import dev.failforward.jira.importing.ImportService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ImportJobStore} on Active Objects ({@link ImportJobEntity}, {@link ImportJobFileEntity}). */
@Named
public class AoImportJobs implements ImportJobStore {

    private final ActiveObjects ao;

    @Inject
    public AoImportJobs(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public Job create(String jobKey, String projectKey, String startedBy, Instant at, String zone,
                      Map<String, String> mapping, List<ImportService.SourceFile> files) {
        return ao.executeInTransaction(() -> {
            Map<String, Object> row = new HashMap<>();
            row.put(ImportJobEntity.JOB_KEY, jobKey);
            row.put(ImportJobEntity.PROJECT_KEY, projectKey);
            row.put("STARTED_BY", startedBy);
            row.put("STARTED_AT", Date.from(at));
            row.put(ImportJobEntity.STATE, State.QUEUED.name());
            row.put("FILES_TOTAL", files.size());
            row.put("FILES_DONE", 0);
            row.put("ZONE", zone);
            row.put("MAPPING", mapping == null ? null : lines(mapping));
            ImportJobEntity job = ao.create(ImportJobEntity.class, row);
            for (int i = 0; i < files.size(); i++) {
                Map<String, Object> file = new HashMap<>();
                file.put(ImportJobFileEntity.JOB_KEY, jobKey);
                file.put(ImportJobFileEntity.SEQ, i);
                file.put("NAME", files.get(i).name());
                file.put("CONTENT", Base64.getEncoder().encodeToString(files.get(i).content()));
                ao.create(ImportJobFileEntity.class, file);
            }
            return job(job);
        });
    }

    @Override
    public Optional<Job> find(String jobKey) {
        return ao.executeInTransaction(() -> {
            ImportJobEntity[] rows = jobs(jobKey);
            return rows.length == 0 ? Optional.<Job>empty() : Optional.of(job(rows[0]));
        });
    }

    @Override
    public List<Job> unfinished() {
        return ao.executeInTransaction(() -> {
            List<Job> jobs = new ArrayList<>();
            for (ImportJobEntity row : ao.find(ImportJobEntity.class, Query.select()
                    .where(ImportJobEntity.STATE + " <> ?", State.DONE.name()).order("ID"))) {
                jobs.add(job(row));
            }
            return jobs;
        });
    }

    @Override
    public Optional<Job> unfinishedIn(String projectKey) {
        return unfinished().stream().filter(j -> j.projectKey().equals(projectKey)).findFirst();
    }

    @Override
    public List<JobFile> waiting(String jobKey) {
        return ao.executeInTransaction(() -> {
            List<JobFile> files = new ArrayList<>();
            for (ImportJobFileEntity row : ao.find(ImportJobFileEntity.class, Query.select()
                    .where(ImportJobFileEntity.JOB_KEY + " = ? AND " + ImportJobFileEntity.RESULT_JSON + " IS NULL",
                            jobKey).order(ImportJobFileEntity.SEQ))) {
                files.add(new JobFile(row.getSeq(), row.getName(), Base64.getDecoder().decode(row.getContent()), null));
            }
            return files;
        });
    }

    @Override
    public List<String> results(String jobKey) {
        return ao.executeInTransaction(() -> {
            List<String> results = new ArrayList<>();
            for (ImportJobFileEntity row : ao.find(ImportJobFileEntity.class, Query.select()
                    .where(ImportJobFileEntity.JOB_KEY + " = ? AND " + ImportJobFileEntity.RESULT_JSON + " IS NOT NULL",
                            jobKey).order(ImportJobFileEntity.SEQ))) {
                results.add(row.getResultJson());
            }
            return results;
        });
    }

    @Override
    public void markRunning(String jobKey) {
        ao.executeInTransaction(() -> {
            for (ImportJobEntity row : jobs(jobKey)) {
                if (State.QUEUED.name().equals(row.getState())) {
                    row.setState(State.RUNNING.name());
                    row.save();
                }
            }
            return null;
        });
    }

    @Override
    public void fileDone(String jobKey, int seq, String resultJson) {
        ao.executeInTransaction(() -> {
            ImportJobFileEntity[] files = ao.find(ImportJobFileEntity.class, Query.select()
                    .where(ImportJobFileEntity.JOB_KEY + " = ? AND " + ImportJobFileEntity.SEQ + " = ?", jobKey, seq));
            if (files.length == 0 || files[0].getResultJson() != null) {
                return null;
            }
            files[0].setResultJson(resultJson);
            files[0].save();
            for (ImportJobEntity row : jobs(jobKey)) {
                row.setFilesDone(row.getFilesDone() + 1);
                row.save();
            }
            return null;
        });
    }

    @Override
    public void finish(String jobKey, Instant at) {
        ao.executeInTransaction(() -> {
            for (ImportJobEntity row : jobs(jobKey)) {
                row.setState(State.DONE.name());
                row.setFinishedAt(Date.from(at));
                row.save();
            }
            return null;
        });
    }

    private ImportJobEntity[] jobs(String jobKey) {
        return ao.find(ImportJobEntity.class, Query.select().where(ImportJobEntity.JOB_KEY + " = ?", jobKey));
    }

    private static Job job(ImportJobEntity row) {
        return new Job(row.getJobKey(), row.getProjectKey(), row.getStartedBy(), row.getStartedAt().toInstant(),
                row.getFinishedAt() == null ? null : row.getFinishedAt().toInstant(), State.valueOf(row.getState()),
                row.getFilesTotal(), row.getFilesDone(), row.getZone(), mapping(row.getMapping()));
    }

    private static String lines(Map<String, String> mapping) {
        StringBuilder text = new StringBuilder();
        mapping.forEach((k, v) -> text.append(k.replace("\n", " ").replace("=", " ")).append('=')
                .append(v.replace("\n", " ")).append('\n'));
        return text.toString();
    }

    private static Map<String, String> mapping(String lines) {
        if (lines == null) {
            return null;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String line : lines.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                mapping.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return mapping;
    }
}
