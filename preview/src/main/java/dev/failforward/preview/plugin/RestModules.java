package dev.failforward.preview.plugin;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin's {@code <rest>} module as REST v2 hosts it: every class with {@code @Path} or {@code @Provider} in the
 * module's packages (the whole plugin when it names none; a listed package the bundle inlines from a dependency, such
 * as the shared {@code dev.failforward.rest}, is in the plugin's jar, or on the class path when the plugin is a build's
 * class directory), created by Jersey per request through its {@code @Inject}
 * constructor; the constructor's arguments come from the plugin's {@link PluginComponents}, bound by type (and by
 * {@code @Named} name where the parameter has one), with Jackson as REST v2 has it.
 */
public final class RestModules {

    /** One {@code <rest>} module's application: its base path under {@code /rest}, the config and what it holds. */
    public record Application(String basePath, ResourceConfig config, List<Class<?>> resources, List<Class<?>> providers) {
    }

    private record Key(Class<?> type, String name) {
    }

    private RestModules() {
    }

    /** The applications of every {@code <rest>} module of a plugin, in descriptor order. */
    public static List<Application> of(PluginDescriptor descriptor, String base, ClassLoader loader,
                                       PluginComponents components) {
        List<Application> applications = new ArrayList<>();
        for (PluginDescriptor.Rest rest : descriptor.modules(PluginDescriptor.Rest.class)) {
            applications.add(application(rest, base, loader, components));
        }
        return applications;
    }

    static Application application(PluginDescriptor.Rest rest, String base, ClassLoader loader,
                                   PluginComponents components) {
        List<Class<?>> resources = new ArrayList<>();
        List<Class<?>> providers = new ArrayList<>();
        List<String> names = new ArrayList<>(PluginClasses.in(base, rest.packages()));
        if (base.startsWith("file:") && !rest.packages().isEmpty()) {
            // a build's class directory, not the bundle: the listed packages bnd inlines from the plugin's dependencies
            // (the shared dev.failforward.rest) are on the class path instead
            List<String> inlined = rest.packages().stream()
                    .filter(p -> names.stream().noneMatch(n -> n.startsWith(p + "."))).toList();
            PluginClasses.onClassPath(inlined, loader).stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class that needs what is not on the preview's class path cannot be a resource here
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            } else if (type.isAnnotationPresent(Provider.class)) {
                providers.add(type);
            }
        }
        Map<Key, Object> bindings = new LinkedHashMap<>();
        List<Class<?>> all = new ArrayList<>(providers);
        all.addAll(resources);
        for (Class<?> type : all) {
            Constructor<?> constructor = PluginComponents.injectionConstructor(type);
            for (Parameter parameter : constructor.getParameters()) {
                Key key = new Key(parameter.getType(), PluginComponents.nameOf(parameter));
                if (!bindings.containsKey(key)) {
                    bindings.put(key, components.resolve(parameter, type.getSimpleName()));
                }
            }
        }
        ResourceConfig config = new ResourceConfig()
                .register(new AbstractBinder() {
                    @Override
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    protected void configure() {
                        bindings.forEach((key, instance) -> {
                            var binding = bind(instance).to((Class) key.type());
                            if (key.name() != null) {
                                binding.named(key.name());
                            }
                        });
                    }
                })
                .register(JacksonFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        all.forEach(config::register);
        return new Application(Objects.requireNonNull(rest.basePath()), config, List.copyOf(resources), List.copyOf(providers));
    }
}
