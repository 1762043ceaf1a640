package dev.failforward.preview.plugin;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin's component container in the preview, as small as it can be: what the product's Spring context does with
 * the Spring Scanner index, by constructor injection only. It holds the instances the preview builds (the plugin's
 * components it wires itself and the host services it stands in for), keyed by type and optionally by name
 * ({@code @Named("salUserManager")}), and creates any other class of the plugin through its {@code @Inject}
 * constructor (or its only public one), once.
 *
 * <p>A host service the preview does not have (an interface outside the plugin, e.g. Jira's {@code IssueTypeManager})
 * is given as an absent service: a proxy whose every call throws {@link UnsupportedOperationException} naming it, and
 * which {@link #absentServices()} lists for the start-up report. The components that need it are created, so their
 * REST resources answer; only the calls that reach the missing host fail, as they would on a host without it.
 */
public final class PluginComponents {

    /** Where a plugin's own classes are: {@code dev.failforward.}, but not the preview's stand-ins. */
    private static final String PLUGIN_PREFIX = "dev.failforward.";
    private static final String PREVIEW_PREFIX = "dev.failforward.preview.";

    private record Entry(String name, Object instance) {
    }

    private final String plugin;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Class<?>, Object> created = new LinkedHashMap<>();
    private final Map<Class<?>, Object> absent = new LinkedHashMap<>();
    private final Set<Class<?>> creating = new LinkedHashSet<>();
    private final List<Class<?>> indexed = new ArrayList<>();

    /** @param plugin the plugin's key, for messages */
    public PluginComponents(String plugin) {
        this.plugin = plugin;
    }

    /** Adds an instance the preview built: it satisfies every parameter of a type it is assignable to. */
    public PluginComponents add(Object instance) {
        entries.add(new Entry(null, instance));
        return this;
    }

    /** Adds an instance under a name, for parameters with that {@code @Named} (and unqualified ones of its type). */
    public PluginComponents add(String name, Object instance) {
        entries.add(new Entry(name, instance));
        return this;
    }

    /**
     * The plugin's Spring Scanner components (its index's {@code component} lines). A parameter typed by an interface of
     * the plugin that no added instance implements gets the one indexed component that implements it, created once, as
     * the product's container autowires by type: e.g. the shared REST providers' {@code RestPlugin}, which each plugin
     * implements with a component of its own.
     */
    public PluginComponents indexed(Collection<Class<?>> components) {
        indexed.addAll(components);
        return this;
    }

    /** The instance of a type: the one added, else one created from the plugin's classes. */
    public <T> T get(Class<T> type) {
        return type.cast(resolve(type, null, type.getName()));
    }

    /** Whether an instance of {@code type} was added or created (not an absent host service). */
    public boolean has(Class<?> type) {
        return find(type, null).isPresent() || created.containsKey(type);
    }

    /**
     * The constructor the product's container (Spring, or REST v2's Jersey) calls: the {@code @Inject} one, else the
     * only public one.
     */
    public static Constructor<?> injectionConstructor(Class<?> type) {
        List<Constructor<?>> annotated = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                annotated.add(constructor);
            }
        }
        if (annotated.size() == 1) {
            return annotated.get(0);
        }
        Constructor<?>[] publics = type.getConstructors();
        if (annotated.isEmpty() && publics.length == 1) {
            return publics[0];
        }
        throw new IllegalStateException(type.getName() + " has " + annotated.size() + " @Inject constructors and "
                + publics.length + " public ones: the container cannot choose");
    }

    /** The name a parameter asks for ({@code @Named}), or null. */
    public static String nameOf(Parameter parameter) {
        Named named = parameter.getAnnotation(Named.class);
        return named == null || named.value().isBlank() ? null : named.value();
    }

    /**
     * The instance for one constructor parameter: an added instance (by name, then by type), a plugin class created
     * through its own constructor, or an absent host service.
     */
    public Object resolve(Parameter parameter, String where) {
        return resolve(parameter.getType(), nameOf(parameter), where);
    }

    /** The interfaces for which an absent host service was handed out, by name. */
    public List<String> absentServices() {
        return absent.keySet().stream().map(Class::getName).sorted().toList();
    }

    /** The plugin classes created here (not added), in creation order. */
    public List<Class<?>> createdTypes() {
        return List.copyOf(created.keySet());
    }

    private Object resolve(Class<?> type, String name, String where) {
        Optional<Object> found = find(type, name);
        if (found.isPresent()) {
            return found.get();
        }
        if (created.containsKey(type)) {
            return created.get(type);
        }
        if (isPluginClass(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            return create(type, where);
        }
        if (isPluginClass(type)) {
            List<Class<?>> implementations = indexed.stream().filter(type::isAssignableFrom)
                    .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers())).toList();
            if (implementations.size() == 1) {
                return resolve(implementations.get(0), null, where);
            }
            if (implementations.size() > 1) {
                throw new IllegalStateException("The preview's " + plugin + " has " + implementations.size()
                        + " components implementing " + type.getName() + " and no name to choose: "
                        + implementations.stream().map(Class::getName).toList());
            }
        }
        if (type.isInterface() && !isPluginClass(type)) {
            return absent.computeIfAbsent(type, PluginComponents::absentService);
        }
        throw new IllegalStateException("The preview's " + plugin + " has no " + type.getName()
                + (name == null ? "" : " named '" + name + "'") + " for " + where);
    }

    private Optional<Object> find(Class<?> type, String name) {
        if (name != null) {
            for (Entry entry : entries) {
                if (name.equals(entry.name()) && type.isInstance(entry.instance())) {
                    return Optional.of(entry.instance());
                }
            }
        }
        List<Object> matches = new ArrayList<>();
        for (Entry entry : entries) {
            if (type.isInstance(entry.instance()) && !matches.contains(entry.instance())) {
                matches.add(entry.instance());
            }
        }
        if (matches.size() > 1) {
            throw new IllegalStateException("The preview's " + plugin + " has " + matches.size() + " instances of "
                    + type.getName() + " and no name to choose: " + matches.stream().map(m -> m.getClass().getName()).toList());
        }
        return matches.stream().findFirst();
    }

    private Object create(Class<?> type, String where) {
        if (!creating.add(type)) {
            throw new IllegalStateException("Circular constructor dependency at " + type.getName() + " (for " + where + ")");
        }
        try {
            Constructor<?> constructor = injectionConstructor(type);
            Object[] arguments = new Object[constructor.getParameterCount()];
            Parameter[] parameters = constructor.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                arguments[i] = resolve(parameters[i], type.getSimpleName() + "(" + parameters[i].getType().getSimpleName() + ")");
            }
            constructor.setAccessible(true);
            Object instance = constructor.newInstance(arguments);
            created.put(type, instance);
            return instance;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot create " + type.getName() + " for " + where + ": " + cause, cause);
        } finally {
            creating.remove(type);
        }
    }

    private static boolean isPluginClass(Class<?> type) {
        String name = type.getName();
        return name.startsWith(PLUGIN_PREFIX) && !name.startsWith(PREVIEW_PREFIX);
    }

    private static Object absentService(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "absent " + type.getName();
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                default:
                    break;
            }
            throw new UnsupportedOperationException("The preview has no " + type.getName() + " (" + method.getName()
                    + " was called); this needs the product");
        });
    }
}
