package dev.failforward.buildtools.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** A mutable description of a jar: manifest headers and entries; {@link #write} makes the file. */
public final class TestJar {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private boolean manifest = true;

    public TestJar copy() {
        TestJar copy = new TestJar();
        copy.headers.putAll(headers);
        copy.entries.putAll(entries);
        copy.manifest = manifest;
        return copy;
    }

    /** Sets a main manifest header; null removes it. */
    public TestJar header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public TestJar withoutManifest() {
        manifest = false;
        return this;
    }

    public TestJar entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    public TestJar entry(String name, String text) {
        return entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestJar entries(Map<String, byte[]> more) {
        entries.putAll(more);
        return this;
    }

    public TestJar remove(String name) {
        if (entries.remove(name) == null) {
            throw new IllegalArgumentException("no entry " + name);
        }
        return this;
    }

    public String text(String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no entry " + name);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String textOr(String name, String fallback) {
        return entries.containsKey(name) ? text(name) : fallback;
    }

    /** Replaces text in an entry; fails if the text is not there (so a test cannot silently break nothing). */
    public TestJar replace(String name, String target, String replacement) {
        String text = text(name);
        if (!text.contains(target)) {
            throw new IllegalArgumentException(name + " does not contain '" + target + "'");
        }
        return entry(name, text.replace(target, replacement));
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    public Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void write(OutputStream target) {
        try {
            JarOutputStream jar;
            if (manifest) {
                Manifest mf = new Manifest();
                mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                headers.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
                jar = new JarOutputStream(target, mf);
            } else {
                jar = new JarOutputStream(target);
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
            jar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
