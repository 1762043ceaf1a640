package dev.failforward.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Command-line options of the preview: {@code --port N} (default 8080, 0 = any free port) and {@code --data DIR}
 * (default {@code .preview-data}; created on first start, kept across restarts).
 */
public record PreviewOptions(int port, Path dataDirectory) {

    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA = Path.of(".preview-data");

    public static final String USAGE = """
            Usage: java -jar preview/target/fail-forward-preview.jar [--port N] [--data DIR]
              --port N    HTTP port (default 8080; 0 picks a free port)
              --data DIR  directory of the embedded database (default .preview-data); created on first start, kept across restarts
              --help      show this help""";

    public PreviewOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} naming the option for bad input. */
    public static PreviewOptions parse(List<String> args) {
        int port = DEFAULT_PORT;
        Path data = DEFAULT_DATA;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (option) {
                case "--port" -> {
                    String value = inline != null ? inline : value(args, ++i, "--port");
                    try {
                        port = Integer.parseInt(value.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number: " + value);
                    }
                }
                case "--data" -> {
                    String value = inline != null ? inline : value(args, ++i, "--data");
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data must name a directory");
                    }
                    data = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return new PreviewOptions(port, data);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
