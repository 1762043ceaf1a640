package dev.failforward.preview.jira;

import dev.failforward.jira.importing.ImportRunAs;

import java.util.function.Supplier;

/**
 * The import's {@link ImportRunAs} in the preview: a background import runs as the preview user who started it
 * ({@link PreviewUsers#runAs}), as Jira's authentication context makes its starter the job thread's user.
 */
public final class PreviewImportRunAs implements ImportRunAs {

    @Override
    public <T> T as(String userKey, Supplier<T> work) {
        Object[] result = new Object[1];
        try {
            PreviewUsers.runAs(userKey, () -> result[0] = work.get());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
