package dev.failforward.buildtools.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources held in strings with the system compiler; every output (classes, resources) stays in memory. */
public final class InMemoryCompiler {

    /**
     * @param success     whether javac reported no error
     * @param diagnostics everything javac and the processors reported
     * @param outputs     every written file by path relative to the output root ({@code a/b/C.class},
     *                    {@code META-INF/plugin-components/component}, generated sources)
     */
    public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, byte[]> outputs) {

        public List<String> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null)).collect(Collectors.toList());
        }

        public List<String> warnings() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getMessage(null)).collect(Collectors.toList());
        }

        /** Output files under a directory prefix, as UTF-8 text, keyed by the rest of the path. */
        public Map<String, String> textFilesUnder(String prefix) {
            Map<String, String> files = new TreeMap<>();
            outputs.forEach((path, bytes) -> {
                if (path.startsWith(prefix)) {
                    files.put(path.substring(prefix.length()), new String(bytes, StandardCharsets.UTF_8));
                }
            });
            return files;
        }

        /** Class files whose path starts with a prefix such as {@code dev/failforward/}. */
        public Map<String, byte[]> classesUnder(String prefix) {
            Map<String, byte[]> classes = new TreeMap<>();
            outputs.forEach((path, bytes) -> {
                if (path.startsWith(prefix) && path.endsWith(".class")) {
                    classes.put(path, bytes);
                }
            });
            return classes;
        }

        public Result assertSuccess() {
            if (!success) {
                throw new AssertionError("compilation failed: " + diagnostics);
            }
            return this;
        }
    }

    private InMemoryCompiler() {
    }

    /**
     * Compiles sources (keyed by fully qualified class name) with exactly the given processors; with none, annotation
     * processing is off (so the processor registered in META-INF/services on the test classpath does not run).
     */
    public static Result compile(Map<String, String> sources, Processor... processors) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> outputs = new TreeMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new MemoryFile(className.replace('.', '/') + kind.extension, kind, outputs);
            }

            @Override
            public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
                String path = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + relativeName;
                return new MemoryFile(path, JavaFileObject.Kind.OTHER, outputs);
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SourceFile(name, code)));
        List<String> options = new ArrayList<>(List.of("-Xlint:-options", "-implicit:class"));
        if (processors.length == 0) {
            options.add("-proc:none");
        }
        JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
        if (processors.length > 0) {
            task.setProcessors(List.of(processors));
        }
        boolean success = task.call();
        return new Result(success, diagnostics.getDiagnostics(), outputs);
    }

    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** An output file that can be read back (javac reads generated sources in the next round). */
    private static final class MemoryFile extends SimpleJavaFileObject {
        private final String path;
        private final Map<String, byte[]> outputs;

        MemoryFile(String path, Kind kind, Map<String, byte[]> outputs) {
            super(URI.create("mem:///" + path), kind);
            this.path = path;
            this.outputs = outputs;
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    outputs.put(path, toByteArray());
                }
            };
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(outputs.getOrDefault(path, new byte[0]));
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return new String(outputs.getOrDefault(path, new byte[0]), StandardCharsets.UTF_8);
        }
    }
}
