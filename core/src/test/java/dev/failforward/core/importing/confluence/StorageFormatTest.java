package dev.failforward.core.importing.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.failforward.core.importing.confluence.StorageFormat.Node;
import dev.failforward.core.importing.confluence.StorageFormat.Parsed;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class StorageFormatTest {

    @Test
    void keepsPrefixesAttributesAndThePagesLineNumbers() {
        Parsed parsed = StorageFormat.parse("<p>one</p>\n<ac:task-list>\n<ac:task><ac:task-body>"
                + "<ri:user ri:userkey=\"k1\"/></ac:task-body></ac:task></ac:task-list>");
        assertThat(parsed.problems()).isEmpty();
        Node list = parsed.root().children().stream().filter(n -> n.is("ac:task-list")).findFirst().orElseThrow();
        assertThat(list.line()).isEqualTo(2);
        Node task = list.children().stream().filter(n -> n.is("ac:task")).findFirst().orElseThrow();
        assertThat(task.line()).isEqualTo(3);
        Node user = task.children().get(0).children().get(0);
        assertThat(user.name()).isEqualTo("ri:user");
        assertThat(user.attribute("ri:userkey")).isEqualTo("k1");
    }

    @Test
    void htmlEntitiesBecomeCharactersAndXmlOnesStay() {
        Parsed parsed = StorageFormat.parse("<p>a&nbsp;b&ndash;c&amp;d&lt;e&#x2713;&eacute;&hellip;&rarr;</p>");
        assertThat(parsed.problems()).isEmpty();
        assertThat(ConfluencePage.text(parsed.root())).isEqualTo("a\u00A0b–c&d<e✓é…→");
    }

    @Test
    void anXmlDeclarationAndADoctypeAnywhereAreDropped() {
        Parsed parsed = StorageFormat.parse("<?xml version=\"1.0\"?>\n<p>x</p>\n<!DOCTYPE html SYSTEM \"http://x/y\">"
                + "\n<p>y</p>");
        assertThat(parsed.problems()).containsExactly(
                "the page has a DOCTYPE declaration; it was ignored and nothing it names was read");
        assertThat(ConfluencePage.text(parsed.root()).replaceAll("\\s+", " ").strip()).isEqualTo("x y");
        assertThat(parsed.root().children().stream().filter(n -> n.is("p")).map(Node::line))
                .containsExactly(2, 4);
    }

    @Test
    void unclosedTagKeepsWhatCameBefore() {
        Parsed parsed = StorageFormat.parse("<p>kept</p>\n<p>open\n<p>next</p>");
        assertThat(parsed.problems()).hasSize(1);
        assertThat(parsed.problems().get(0)).startsWith("the page is not well-formed storage format at line 3");
        assertThat(parsed.errorLine()).isEqualTo(3);
        assertThat(ConfluencePage.text(parsed.root())).startsWith("kept");
    }

    /** Defence in depth: even a DOCTYPE that got past the blanking is not resolved by the factory. */
    @Test
    void theFactoryItselfResolvesNoExternalEntity() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/e";
            String xml = "<!DOCTYPE r [<!ENTITY e SYSTEM \"" + url + "\"><!ENTITY % p SYSTEM \"" + url + "/p\"> %p;]>"
                    + "<r>&e;</r>";
            assertThatThrownBy(() -> {
                XMLStreamReader reader = StorageFormat.factory().createXMLStreamReader(new StringReader(xml));
                while (reader.hasNext()) {
                    reader.next();
                }
            }).isInstanceOf(XMLStreamException.class);
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }
}
