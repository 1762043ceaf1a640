package dev.failforward.jira.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The background imports every node sees (Active Objects: {@code IMPORT_JOB}, {@code IMPORT_JOB_FILE}): a job, its
 * files, and each file's results once imported. What is stored is what a restarted or another node resumes from.
 */
public interface ImportJobStore {

    enum State { QUEUED, RUNNING, DONE }

    /** A job as it stands. */
    record Job(String jobKey, String projectKey, String startedBy, Instant startedAt, Instant finishedAt, State state,
               int filesTotal, int filesDone, String zone, Map<String, String> mapping) {
    }

    /** A file of a job: its position, name, content, and its results as JSON once imported (else null). */
    record JobFile(int seq, String name, byte[] content, String resultJson) {
    }

    /** Stores a new job in {@link State#QUEUED} with its files, in one transaction. */
    Job create(String jobKey, String projectKey, String startedBy, Instant at, String zone, Map<String, String> mapping,
               List<ImportService.SourceFile> files);

    Optional<Job> find(String jobKey);

    /** The jobs not {@link State#DONE}, oldest first. */
    List<Job> unfinished();

    /** The project's job that is not done, if any (one runs at a time per project). */
    Optional<Job> unfinishedIn(String projectKey);

    /** The files without results, in order. */
    List<JobFile> waiting(String jobKey);

    /** The results stored so far, in file order (JSON per file). */
    List<String> results(String jobKey);

    void markRunning(String jobKey);

    /** Stores a file's results and counts it done, in one transaction (a file is counted once). */
    void fileDone(String jobKey, int seq, String resultJson);

    void finish(String jobKey, Instant at);
}
