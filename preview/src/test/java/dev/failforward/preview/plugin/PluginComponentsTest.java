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
