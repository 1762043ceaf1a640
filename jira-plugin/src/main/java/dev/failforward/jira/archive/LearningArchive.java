package dev.failforward.jira.archive;

/** Port of the learnings archive search; implemented on Active Objects by {@code AoLearningArchive}. */
public interface LearningArchive {

    /** The page of learnings matching the query, newest first, with total and facets over all matches. */
    LearningArchivePage search(LearningQuery query);
}
