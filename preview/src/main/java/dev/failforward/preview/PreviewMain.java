package dev.failforward.preview;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar fail-forward-preview.jar [--port N] [--data DIR] [--db-url URL --db-user U --db-password P]}: starts the preview and waits for Ctrl-C. */
public final class PreviewMain {

    private PreviewMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(PreviewOptions.USAGE);
            return;
        }
        PreviewOptions options;
        try {
            options = PreviewOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("fail-forward-preview: " + e.getMessage());
            System.err.println(PreviewOptions.USAGE);
            System.exit(2);
            return;
        }
        PreviewHost host;
        try {
            host = PreviewHost.start(options);
        } catch (PreviewHost.StartException e) {
            System.err.println("fail-forward-preview: " + e.getMessage());
            System.exit(1);
            return;
        }
        String data = host.databaseDescription();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Fail Forward preview...");
            host.close();
            System.out.println("Stopped. Data kept in " + data);
            stopped.countDown();
        }, "preview-shutdown"));
        System.out.println("Fail Forward preview ready at " + host.baseUri() + "  (data: " + data + "; Ctrl-C stops it)");
        stopped.await();
    }
}
