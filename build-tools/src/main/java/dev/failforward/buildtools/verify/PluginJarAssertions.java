package dev.failforward.buildtools.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** For plugin modules' integration tests: fail with every problem of a built plugin jar at once. */
public final class PluginJarAssertions {

    private PluginJarAssertions() {
    }

    /** Verifies with {@link PluginJarRules#platform8()}. */
    public static void assertValid(Path jar) {
        assertValid(jar, PluginJarRules.platform8());
    }

    /** @throws AssertionError listing all problems, one per line, if there is any */
    public static void assertValid(Path jar, PluginJarRules rules) {
        List<Problem> problems = PluginJarVerifier.verify(jar, rules);
        if (!problems.isEmpty()) {
            throw new AssertionError(jar + " has " + problems.size() + " problem(s):\n"
                    + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
    }
}
