package dev.failforward.rest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RestKeys#ALL} is every i18n key the shared code uses, so a plugin test that finds all of them in the plugin's
 * bundle proves the plugin can answer every shared message.
 */
class RestKeysTest {

    private static final Pattern KEY = Pattern.compile("\"(failforward(\\.[a-z0-9_-]+)+)\"");

    @Test
    void allListsEveryConstantOnce() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : RestKeys.class.getFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(RestKeys.ALL).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void noKeyIsWrittenOutsideRestKeys() throws IOException {
        List<String> stray = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!file.endsWith("RestKeys.java") || !RestKeys.ALL.contains(matcher.group(1))) {
                        stray.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(stray).isEmpty();
    }
}
