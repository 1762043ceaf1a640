package dev.failforward.buildtools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.failforward.buildtools.verify.OsgiHeader.Clause;

class OsgiHeaderTest {

    @Test
    void quotedValuesMayContainCommasAndSemicolons() {
        List<Clause> clauses = OsgiHeader.parse("a.b;version=\"[1.0,2.0)\";resolution:=optional, c.d;x=\"1;2,3\" ,e");
        assertThat(clauses).containsExactly(
                new Clause(List.of("a.b"), Map.of("version", "[1.0,2.0)"), Map.of("resolution", "optional")),
                new Clause(List.of("c.d"), Map.of("x", "1;2,3"), Map.of()),
                new Clause(List.of("e"), Map.of(), Map.of()));
    }

    @Test
    void severalPathsShareTheParameters() {
        assertThat(OsgiHeader.parse("a;b;c;version=1")).containsExactly(new Clause(List.of("a", "b", "c"), Map.of("version", "1"), Map.of()));
        assertThat(OsgiHeader.paths("a;b;version=1,c")).containsExactly("a", "b", "c");
    }

    @Test
    void quotedDirectivesTypedAttributesAndEscapes() {
        Clause clause = OsgiHeader.parse("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\";version:Version=\"1.0\";q=\"a\\\"b\"").get(0);
        assertThat(clause.directives()).containsExactly(Map.entry("filter", "(&(osgi.ee=JavaSE)(version=17))"));
        assertThat(clause.attributes()).containsExactly(Map.entry("version:Version", "1.0"), Map.entry("q", "a\"b"));
    }

    @Test
    void emptyHeadersAndClauses() {
        assertThat(OsgiHeader.parse(null)).isEmpty();
        assertThat(OsgiHeader.parse("  ")).isEmpty();
        assertThat(OsgiHeader.paths("a,,b,")).containsExactly("a", "b");
    }

    @Test
    void syntaxErrors() {
        assertThatThrownBy(() -> OsgiHeader.parse("a;version=\"[1,2)")).hasMessageStartingWith("unterminated quote");
        assertThatThrownBy(() -> OsgiHeader.parse("version=1")).hasMessageStartingWith("parameter 'version' before any path");
        assertThatThrownBy(() -> OsgiHeader.parse("a;version=1;b")).hasMessageStartingWith("path 'b' after a parameter");
        assertThatThrownBy(() -> OsgiHeader.parse("a b")).hasMessageStartingWith("bad path 'a b'");
        assertThatThrownBy(() -> OsgiHeader.parse("a;=1")).hasMessageStartingWith("parameter without a name");
    }
}
