package dev.failforward.preview.plugin;

import dev.failforward.testfixture.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginComponentsTest {

    @Test
    void createsPluginClassesThroughTheirInjectConstructorFromWhatWasAddedOnce() {
        Fixtures.NamedPort plain = new Fixtures.NamedPort("plain");
        Fixtures.NamedPort special = new Fixtures.NamedPort("special");
        PluginComponents components = new PluginComponents("test").add(plain).add("special", special);

        Fixtures.Service service = components.get(Fixtures.Service.class);

        assertThat(service.port).isSameAs(special);
        assertThat(service.helper).isSameAs(components.get(Fixtures.Helper.class));
        assertThat(components.createdTypes()).containsExactly(Fixtures.Helper.class, Fixtures.Service.class);
        assertThat(components.has(Fixtures.Service.class)).isTrue();
    }

    @Test
    void aMissingHostServiceIsAnAbsentServiceThatNamesItselfWhenCalled() {
        PluginComponents components = new PluginComponents("test").add("special", new Fixtures.NamedPort("x"));
        Fixtures.Service service = components.get(Fixtures.Service.class);

        assertThat(components.absentServices()).containsExactly("java.lang.Runnable", "java.util.concurrent.Callable");
        assertThat(service.host.toString()).isEqualTo("absent java.lang.Runnable");
        assertThatThrownBy(service.host::run).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("java.lang.Runnable").hasMessageContaining("run");
    }

    @Test
    void aMissingPortOfThePluginIsAnErrorNamingItAndWhoNeedsIt() {
        assertThatThrownBy(() -> new PluginComponents("test").get(Fixtures.NeedsPort.class))
                .hasMessageContaining(Fixtures.Port.class.getName()).hasMessageContaining("NeedsPort");
    }

    @Test
    void aPortOfThePluginIsTheOneIndexedComponentThatImplementsItCreatedOnce() {
        PluginComponents components = new PluginComponents("test")
                .indexed(java.util.List.of(Fixtures.Helper.class, Fixtures.PortComponent.class));
        Fixtures.UsesPort first = components.get(Fixtures.UsesPort.class);
        assertThat(first.port).isInstanceOf(Fixtures.PortComponent.class);
        assertThat(components.get(Fixtures.PortComponent.class)).isSameAs(first.port);
        // an added instance still comes first
        Fixtures.NamedPort added = new Fixtures.NamedPort("added");
        assertThat(new PluginComponents("test").add(added).indexed(java.util.List.of(Fixtures.PortComponent.class))
                .get(Fixtures.UsesPort.class).port).isSameAs(added);
    }

    @Test
    void twoIndexedImplementationsOfAPortAreAmbiguous() {
        PluginComponents components = new PluginComponents("test")
                .indexed(java.util.List.of(Fixtures.PortComponent.class, Fixtures.OtherPortComponent.class));
        assertThatThrownBy(() -> components.get(Fixtures.UsesPort.class)).hasMessageContaining("2 components implementing")
                .hasMessageContaining(Fixtures.Port.class.getName());
    }

    @Test
    void theClassesOfAPackageOnTheClassPath() {
        assertThat(PluginClasses.onClassPath(java.util.List.of("dev.failforward.rest"), getClass().getClassLoader()))
                .contains("dev.failforward.rest.ProblemExceptionMapper", "dev.failforward.rest.JsonContentTypeFilter")
                .allMatch(name -> name.startsWith("dev.failforward.rest."));
    }

    @Test
    void twoInstancesOfATypeWithoutANameAreAmbiguous() {
        PluginComponents components = new PluginComponents("test")
                .add(new Fixtures.NamedPort("a")).add(new Fixtures.NamedPort("b"));
        assertThatThrownBy(() -> components.get(Fixtures.NeedsPort.class)).hasMessageContaining("2 instances");
    }

    @Test
    void aCircularDependencyIsNamed() {
        assertThatThrownBy(() -> new PluginComponents("test").get(Fixtures.Loop.class))
                .hasMessageContaining("Circular").hasMessageContaining("Loop");
    }
}
