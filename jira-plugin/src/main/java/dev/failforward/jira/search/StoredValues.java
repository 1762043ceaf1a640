package dev.failforward.jira.search;

import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.jira.archive.ArchivedLearning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values a search answers with, kept in the index as compact binary stored fields: a whole {@link FailureRecord}
 * (the record search answers with records, as the SQL path does) and a learning's record summary and pages. A change
 * of this layout is a change of {@link LuceneFailureIndex#FORMAT}.
 */
final class StoredValues {

    private StoredValues() {
    }

    static byte[] record(FailureRecord r) {
        return write(out -> {
            out.writeLong(r.issueId());
            out.writeUTF(r.issueKey());
            out.writeUTF(r.projectKey());
            out.writeUTF(r.kind().name());
            out.writeUTF(r.summary());
            out.writeUTF(r.status());
            string(out, name(r.phase()));
            string(out, r.hypothesis());
            string(out, r.hypothesisCondition());
            string(out, r.hypothesisOutcome());
            string(out, r.hypothesisRationale());
            string(out, r.successCriteria());
            string(out, r.stopCriteria());
            string(out, name(r.outcome()));
            string(out, name(r.decision()));
            string(out, name(r.failureType()));
            string(out, name(r.failureCategory()));
            string(out, name(r.failureMode()));
            instant(out, r.discoveredAt());
            instant(out, r.reportedAt());
            instant(out, r.resolvedAt());
            instant(out, r.decidedAt());
            instant(out, r.startedAt());
            string(out, r.team());
            string(out, r.component());
            strings(out, r.labels());
            string(out, r.pivotedFrom());
            strings(out, r.recurrenceOf());
            instant(out, r.createdAt());
            instant(out, r.updatedAt());
            out.writeLong(r.version());
        });
    }

    static FailureRecord record(byte[] bytes, int offset, int length) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
        try {
            return FailureRecord.builder()
                    .issueId(in.readLong())
                    .issueKey(in.readUTF())
                    .projectKey(in.readUTF())
                    .kind(RecordKind.valueOf(in.readUTF()))
                    .summary(in.readUTF())
                    .status(in.readUTF())
                    .phase(constant(Phase.class, string(in)))
                    .hypothesis(string(in))
                    .hypothesisParts(string(in), string(in), string(in))
                    .successCriteria(string(in))
                    .stopCriteria(string(in))
                    .outcome(constant(Outcome.class, string(in)))
                    .decision(constant(Decision.class, string(in)))
                    .failureType(constant(FailureType.class, string(in)))
                    .failureCategory(constant(FailureCategory.class, string(in)))
                    .failureMode(constant(FailureMode.class, string(in)))
                    .discoveredAt(instant(in))
                    .reportedAt(instant(in))
                    .resolvedAt(instant(in))
                    .decidedAt(instant(in))
                    .startedAt(instant(in))
                    .team(string(in))
                    .component(string(in))
                    .labels(strings(in))
                    .pivotedFrom(string(in))
                    .recurrenceOf(strings(in))
                    .createdAt(instant(in))
                    .updatedAt(instant(in))
                    .version(in.readLong())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a learning shows besides its own columns: its record and its retro page. */
    static byte[] learning(ArchivedLearning.RecordSummary r, SourcePage retroPage) {
        return write(out -> {
            out.writeUTF(r.issueKey());
            out.writeUTF(r.projectKey());
            string(out, r.summary());
            string(out, name(r.kind()));
            string(out, r.status());
            string(out, name(r.failureType()));
            string(out, name(r.category()));
            string(out, retroPage == null ? null : retroPage.url());
            string(out, retroPage == null ? null : retroPage.title());
        });
    }

    record LearningContext(ArchivedLearning.RecordSummary record, SourcePage retroPage) {
    }

    static LearningContext learning(byte[] bytes, int offset, int length) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
        try {
            ArchivedLearning.RecordSummary record = new ArchivedLearning.RecordSummary(in.readUTF(), in.readUTF(),
                    string(in), constant(RecordKind.class, string(in)), string(in),
                    constant(FailureType.class, string(in)), constant(FailureCategory.class, string(in)));
            String url = string(in);
            String title = string(in);
            return new LearningContext(record, url == null ? null : SourcePage.ofNullable(url, title));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void strings(DataOutputStream out, Set<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static Set<String> strings(DataInputStream in) throws IOException {
        int size = in.readInt();
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void instant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The constant of that name, or {@code null} (also for a name a later version removed). */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
