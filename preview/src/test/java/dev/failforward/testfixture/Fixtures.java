package dev.failforward.testfixture;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Plugin-like classes for PluginComponentsTest: a port, a host service, components with constructor injection. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A port of the plugin the preview must provide. */
    public interface Port {
        String name();
    }

    public record NamedPort(String name) implements Port {
    }

    /** A component created from its only public constructor. */
    public static class Helper {
        public final java.util.concurrent.Callable<?> host;

        public Helper(java.util.concurrent.Callable<?> host) {
            this.host = host;
        }
    }

    /** A component with an @Inject constructor among others, asking for a named port, a helper and a host service. */
    public static class Service {
        public final Port port;
        public final Helper helper;
        public final Runnable host;

        public Service() {
            this(null, null, null);
        }

        @Inject
        public Service(@Named("special") Port port, Helper helper, Runnable host) {
            this.port = port;
            this.helper = helper;
            this.host = host;
        }
    }

    /** The plugin's own implementation of its port: a component of its Spring Scanner index. */
    public static class PortComponent implements Port {
        @Override
        public String name() {
            return "indexed";
        }
    }

    /** Another implementation, to make the choice ambiguous. */
    public static class OtherPortComponent extends PortComponent {
    }

    /** Keeps the port it was given. */
    public static class UsesPort {
        public final Port port;

        public UsesPort(Port port) {
            this.port = port;
        }
    }

    /** Needs a port nobody provides. */
    public static class NeedsPort {
        public NeedsPort(Port port) {
        }
    }

    public static class Loop {
        public Loop(Loop self) {
        }
    }
}
